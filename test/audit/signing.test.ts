import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { loadOrCreateAuditSalt, loadOrCreateSigner, loadLocalPublicKey, keyIdOf, verifyCheckpointSignature } from '../../src/audit/signing.js';

function withHome(fn: (home: string) => void) {
  const home = mkdtempSync(join(tmpdir(), 'airlock-sign-'));
  try {
    fn(home);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

it('creates the signing key once (0600) and reuses it', () => withHome((home) => {
  const a = loadOrCreateSigner(home);
  const b = loadOrCreateSigner(home);
  assert.equal(a.keyId, b.keyId);
  assert.equal(statSync(join(home, 'audit-signing.key')).mode & 0o777, 0o600);
  assert.equal(keyIdOf(loadLocalPublicKey(home)!), a.keyId);
  const sig = a.sign('t', 5, 'ab'.repeat(32));
  assert.equal(verifyCheckpointSignature(loadLocalPublicKey(home)!, { tenant: 't', seq: 5, hash: 'ab'.repeat(32), signature: sig }), true);
  assert.equal(verifyCheckpointSignature(loadLocalPublicKey(home)!, { tenant: 't', seq: 6, hash: 'ab'.repeat(32), signature: sig }), false);
}));

it('refuses a signing key or salt that other users can read', () => withHome((home) => {
  loadOrCreateSigner(home);
  chmodSync(join(home, 'audit-signing.key'), 0o644);
  assert.throws(() => loadOrCreateSigner(home), /readable by other users.*chmod 600/);
  loadOrCreateAuditSalt(home);
  chmodSync(join(home, 'audit-salt'), 0o640);
  assert.throws(() => loadOrCreateAuditSalt(home), /chmod 600/);
}));

it('the audit salt is a stable 256-bit secret', () => withHome((home) => {
  const s = loadOrCreateAuditSalt(home);
  assert.match(s, /^[0-9a-f]{64}$/);
  assert.equal(loadOrCreateAuditSalt(home), s);
  assert.equal(loadLocalPublicKey(join(home, 'nothing-here')), null);
}));
