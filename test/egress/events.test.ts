import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auditName, createEventEmitter, egressDenialCount, type EgressEvent } from '../../src/egress/events.js';

const secret = 'c2stbGl2ZS1hYmNkZWYxMjM0NTY3ODkw';

test('denied names that carry data reach the audit log only as zone, length and hash', () => {
  for (const name of [`${secret}.evil.test`, `evil.test.${secret}`, `${secret}:443`, `[len=${secret}`, `x.${'q'.repeat(70)}`]) {
    const shown = auditName(name, 'deny');
    assert.match(shown, /^\[len=\d+ sha256=[0-9a-f]{16}\]\.[a-z0-9.-]+$/, name);
    assert.ok(!shown.includes(secret) && !shown.includes('qqqqqqqqqqqqqqqqqqqqqqqqq'), shown);
  }
  // Already reduced names are not reduced again; ordinary names and address literals stay readable.
  const once = auditName(`${secret}.evil.test`, 'deny');
  assert.equal(auditName(once, 'deny'), once);
  assert.equal(auditName('other.example.test', 'deny'), 'other.example.test');
  assert.equal(auditName('10.238.0.2', 'deny'), '10.238.0.2');
  assert.equal(auditName('api.example.test', 'allow'), 'api.example.test');
});

test('the emitter stamps server, session and time, sanitises, counts denials and survives a throwing sink', () => {
  const seen: EgressEvent[] = [];
  const sinkErrors: unknown[] = [];
  const server = `events-${process.pid}`;
  const emit = createEventEmitter({ server, session: 's9' }, (e) => {
    seen.push(e);
    if (seen.length === 2) throw new Error('audit store down');
  }, (err) => sinkErrors.push(err));
  emit({ kind: 'tls', name: `${secret}.evil.test`, port: 443, ip: null, decision: 'deny', reason: 'not-allowlisted' });
  emit({ kind: 'connect', name: 'api.example.test', port: 443, ip: '10.238.0.2', decision: 'allow', reason: 'allowlisted' });
  emit({ kind: 'dns', name: 'x.test', port: null, ip: null, decision: 'deny', reason: 'not-allowlisted' });
  assert.equal(seen.length, 3);
  assert.deepEqual([seen[0].server, seen[0].session], [server, 's9']);
  assert.ok(!JSON.stringify(seen).includes(secret));
  assert.ok(!Number.isNaN(Date.parse(seen[0].at)));
  assert.equal(egressDenialCount(server), 2);
  assert.equal(sinkErrors.length, 1);
});
