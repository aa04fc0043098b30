import assert from 'node:assert/strict';
import { it } from 'node:test';
import { findingForAudit } from '../../src/audit/findings.js';
import type { Finding } from '../../src/inspect/types.js';

const text = 'contact me at alice@example.com or bob@example.org';
const email: Finding = { engine: 'dlp', category: 'pii', type: 'email', start: 14, end: 31, path: '$.params.arguments.body', score: 0.9, action: 'redact', detail: 'an email address' };
const SALT = 'a-per-installation-secret-salt-0123456789';

it('findingForAudit keeps location, rule and length, and never the value', () => {
  const rec = findingForAudit(email, text, SALT);
  assert.deepEqual(Object.keys(rec).sort(), ['category', 'end', 'engine', 'hash', 'length', 'path', 'start', 'type']);
  assert.equal(rec.length, 'alice@example.com'.length);
  assert.match(rec.hash, /^[0-9a-f]{16}$/);
  const serialised = JSON.stringify(rec);
  assert.ok(!serialised.includes('alice'), 'the matched value must not appear');
  assert.ok(!serialised.includes('example.com'));
});

it('the salted hash matches equal values and differs across values and salts', () => {
  const again = findingForAudit({ ...email, start: 0, end: 17 }, 'alice@example.com is here', SALT);
  assert.equal(again.hash, findingForAudit(email, text, SALT).hash);
  const bob = findingForAudit({ ...email, start: 35, end: 50 }, text, SALT);
  assert.notEqual(bob.hash, again.hash);
  assert.notEqual(findingForAudit(email, text, SALT + 'x').hash, again.hash);
});

it('refuses a missing or short salt instead of producing a guessable hash', () => {
  assert.throws(() => findingForAudit(email, text, ''), /salt/);
});
