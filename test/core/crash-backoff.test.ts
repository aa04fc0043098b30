import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CrashBackoff } from '../../src/gateway/crash-backoff.js';

test('early crashes make the next start wait longer, doubling up to 30 s; a long run resets', () => {
  let now = 1_000_000;
  const b = new CrashBackoff(() => now);
  assert.equal(b.wait('s'), 0);
  b.ended('s', now - 1000, true);
  assert.equal(b.wait('s'), 500);
  now += 500;
  b.ended('s', now - 1000, true);
  assert.equal(b.wait('s'), 1000);
  for (let i = 0; i < 10; i++) b.ended('s', now - 1000, true);
  assert.equal(b.wait('s'), 30_000);
  b.ended('s', now - 60_000, true);
  assert.equal(b.wait('s'), 0, 'a crash after a long run starts the count afresh');
  b.ended('t', now - 1000, false);
  assert.equal(b.wait('t'), 0, 'a clean exit or a stop Airlock asked for is not a crash');
});
