/**
 * Someone with write access to the database edits the log after the fact. Each test shows the
 * edit is undetectable by reading the rows alone (the tampered log still looks like a log) and that
 * verify names the first sequence number that is no longer what was written.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { generateKeyPairSync } from 'node:crypto';
import { describeEachDialect } from '../helpers/db.js';
import { createAuditLog } from '../../src/audit/log.js';
import { entryHash, GENESIS_HASH } from '../../src/audit/chain.js';
import { canonicalJson } from '../../src/audit/canonicalJson.js';
import { loadOrCreateSigner, loadLocalPublicKey } from '../../src/audit/signing.js';
import { verifyChain } from '../../src/audit/verify.js';
import { auditVerify } from '../../src/audit/cli.js';
import type { Store } from '../../src/store/index.js';

const N = 10;

async function seed(store: Store, opts: Parameters<typeof createAuditLog>[1] = {}) {
  const log = createAuditLog(store, opts);
  for (let i = 1; i <= N; i++) await log.append({ type: 'message.response', server: 'fs', data: { i, verdict: 'allow' } });
}

function events(store: Store) {
  return store.db.selectFrom('audit_events').where('tenant', '=', 'default');
}

/** Re-hashes every entry from `fromSeq` on and updates the head: what an attacker who knows the rule does. */
async function rechain(store: Store, fromSeq: number): Promise<void> {
  const rows = await events(store).selectAll().orderBy('seq').execute();
  let prev = fromSeq === 1 ? GENESIS_HASH : rows.find((r) => Number(r.seq) === fromSeq - 1)!.hash;
  for (const r of rows.filter((x) => Number(x.seq) >= fromSeq)) {
    const body = { tenant: r.tenant, seq: Number(r.seq), ts: r.ts, type: r.type, server: r.server, session: r.session, actor: r.actor, data: JSON.parse(r.data), prevHash: prev };
    const hash = entryHash(body);
    await store.db.updateTable('audit_events').set({ prev_hash: prev, hash }).where('tenant', '=', 'default').where('seq', '=', Number(r.seq)).execute();
    prev = hash;
  }
  const last = rows[rows.length - 1];
  await store.db.updateTable('audit_heads').set({ seq: Number(last.seq), hash: prev }).where('tenant', '=', 'default').execute();
}

function expectBad(result: Awaited<ReturnType<typeof verifyChain>>, seq: number, reason: RegExp) {
  assert.equal(result.ok, false, `expected tampering to be detected, got ${JSON.stringify(result)}`);
  if (result.ok) return;
  assert.equal(result.firstBadSeq, seq, result.reason);
  assert.match(result.reason, reason);
}

describeEachDialect('audit tamper detection', ({ fresh }) => {
  const withStore = (fn: (store: Store, home: string) => Promise<void>) => async () => {
    const db = await fresh();
    try {
      const store = await db.open();
      await seed(store);
      assert.deepEqual(await verifyChain(store, 'default'), { ok: true, count: N, checkpoints: 0 });
      await fn(store, db.home);
    } finally {
      await db.cleanup();
    }
  };

  it('edited data', withStore(async (store) => {
    await store.db.updateTable('audit_events').set({ data: canonicalJson({ i: 4, verdict: 'block' }) }).where('seq', '=', 4).execute();
    expectBad(await verifyChain(store, 'default'), 4, /does not match its hash/);
  }));

  it('edited data with a recomputed hash for that entry', withStore(async (store) => {
    const r = await events(store).selectAll().where('seq', '=', 6).executeTakeFirstOrThrow();
    const data = { i: 6, verdict: 'block' };
    const hash = entryHash({ tenant: r.tenant, seq: 6, ts: r.ts, type: r.type, server: r.server, session: r.session, actor: r.actor, data, prevHash: r.prev_hash });
    await store.db.updateTable('audit_events').set({ data: canonicalJson(data), hash }).where('seq', '=', 6).execute();
    expectBad(await verifyChain(store, 'default'), 7, /does not link to entry 6/);
  }));

  it('edited hash', withStore(async (store) => {
    await store.db.updateTable('audit_events').set({ hash: 'f'.repeat(64) }).where('seq', '=', 3).execute();
    expectBad(await verifyChain(store, 'default'), 3, /does not match its hash/);
  }));

  it('data that is no longer JSON', withStore(async (store) => {
    await store.db.updateTable('audit_events').set({ data: '{oops' }).where('seq', '=', 2).execute();
    expectBad(await verifyChain(store, 'default'), 2, /unreadable/);
  }));

  it('deleted middle entry', withStore(async (store) => {
    await store.db.deleteFrom('audit_events').where('seq', '=', 5).execute();
    expectBad(await verifyChain(store, 'default'), 5, /entry 5 is missing/);
  }));

  it('deleted middle entry with later entries renumbered', withStore(async (store) => {
    await store.db.deleteFrom('audit_events').where('seq', '=', 5).execute();
    for (let s = 6; s <= N; s++) await store.db.updateTable('audit_events').set({ seq: s - 1 }).where('seq', '=', s).execute();
    expectBad(await verifyChain(store, 'default'), 5, /does not match its hash/);
  }));

  it('deleted last entry (truncation)', withStore(async (store) => {
    await store.db.deleteFrom('audit_events').where('seq', '=', N).execute();
    expectBad(await verifyChain(store, 'default'), N, /deleted from the end/);
  }));

  it('deleted last entries with the head moved back to match', withStore(async (store) => {
    const r8 = await events(store).select('hash').where('seq', '=', 8).executeTakeFirstOrThrow();
    await store.db.deleteFrom('audit_events').where('seq', '>', 8).execute();
    await store.db.updateTable('audit_heads').set({ seq: 8, hash: r8.hash }).execute();
    // Without signed checkpoints this truncation is invisible: the remaining chain is genuine.
    assert.deepEqual(await verifyChain(store, 'default'), { ok: true, count: 8, checkpoints: 0 });
  }));

  it('reordered entries', withStore(async (store) => {
    await store.db.updateTable('audit_events').set({ seq: -1 }).where('seq', '=', 3).execute();
    await store.db.updateTable('audit_events').set({ seq: 3 }).where('seq', '=', 4).execute();
    await store.db.updateTable('audit_events').set({ seq: 4 }).where('seq', '=', -1).execute();
    expectBad(await verifyChain(store, 'default'), 3, /does not match its hash/);
  }));

  it('forged entry inserted in the middle', withStore(async (store) => {
    for (let s = N; s >= 5; s--) await store.db.updateTable('audit_events').set({ seq: s + 1 }).where('seq', '=', s).execute();
    const r4 = await events(store).selectAll().where('seq', '=', 4).executeTakeFirstOrThrow();
    const forged = { tenant: 'default', seq: 5, ts: r4.ts, type: 'config.change', server: null, session: null, actor: 'cli', data: { approved: true }, prevHash: r4.hash };
    await store.db.insertInto('audit_events').values({ ...forged, data: canonicalJson(forged.data), prev_hash: forged.prevHash, hash: entryHash(forged), prevHash: undefined } as never).execute();
    // The forged entry itself is well-formed; the chain breaks at the genuine entry after it.
    expectBad(await verifyChain(store, 'default'), 6, /does not match its hash/);
  }));

  it('forged entry appended after the head', withStore(async (store) => {
    const last = await events(store).selectAll().where('seq', '=', N).executeTakeFirstOrThrow();
    const forged = { tenant: 'default', seq: N + 1, ts: last.ts, type: 'session.end', server: null, session: null, actor: null, data: {}, prevHash: last.hash };
    await store.db.insertInto('audit_events').values({ ...forged, data: '{}', prev_hash: forged.prevHash, hash: entryHash(forged), prevHash: undefined } as never).execute();
    expectBad(await verifyChain(store, 'default'), N + 1, /beyond the chain head/);
  }));

  it('chain head edited', withStore(async (store) => {
    await store.db.updateTable('audit_heads').set({ hash: 'a'.repeat(64) }).execute();
    expectBad(await verifyChain(store, 'default'), N, /head's hash does not match/);
  }));

  it('whole chain rewritten and re-hashed: invisible without checkpoints', withStore(async (store) => {
    await store.db.updateTable('audit_events').set({ data: canonicalJson({ i: 3, verdict: 'block' }) }).where('seq', '=', 3).execute();
    await rechain(store, 3);
    // The attack succeeds against the hash chain alone; signed checkpoints (next suite) stop it.
    assert.deepEqual(await verifyChain(store, 'default'), { ok: true, count: N, checkpoints: 0 });
  }));
});

describeEachDialect('audit signed checkpoints', ({ fresh }) => {
  const withSigned = (fn: (store: Store, home: string) => Promise<void>) => async () => {
    const db = await fresh();
    try {
      const store = await db.open();
      const signer = loadOrCreateSigner(db.home);
      const log = createAuditLog(store, { signer, checkpointEvery: 4 });
      for (let i = 1; i <= N; i++) await log.append({ type: 'message.request', data: { i } });
      const onDemand = await log.checkpoint('default');
      assert.equal(onDemand?.seq, N);
      const res = await auditVerify({ store, home: db.home });
      assert.deepEqual(res, { ok: true, count: N, checkpoints: 3, tenant: 'default' }); // at 4, 8 and 10
      await fn(store, db.home);
    } finally {
      await db.cleanup();
    }
  };
  const trusted = (home: string) => ({ trustedKeys: [loadLocalPublicKey(home)!] });

  it('catch a chain rewritten and re-hashed after a checkpoint', withSigned(async (store, home) => {
    await store.db.updateTable('audit_events').set({ data: canonicalJson({ i: 6, forged: true }) }).where('seq', '=', 6).execute();
    await rechain(store, 6);
    expectBad(await verifyChain(store, 'default', trusted(home)), 5, /entries 5\.\.8 were rewritten/);
  }));

  it('catch truncation with the head moved back', withSigned(async (store, home) => {
    const r7 = await events(store).select('hash').where('seq', '=', 7).executeTakeFirstOrThrow();
    await store.db.deleteFrom('audit_events').where('seq', '>', 7).execute();
    await store.db.updateTable('audit_heads').set({ seq: 7, hash: r7.hash }).execute();
    expectBad(await verifyChain(store, 'default', trusted(home)), 8, /covers entry 8 but the log ends at entry 7/);
  }));

  it('closing the log signs its heads, so deleting the newest entries is caught', async () => {
    const db = await fresh();
    try {
      const store = await db.open();
      const log = createAuditLog(store, { signer: loadOrCreateSigner(db.home), checkpointEvery: 1000 });
      for (let i = 1; i <= 5; i++) await log.append({ type: 't', data: { i } });
      await log.append({ type: 't', tenant: 'acme' });
      assert.deepEqual(await log.close(), { checkpoints: 2 });
      await assert.rejects(log.append({ type: 'late' }), /closed/);
      const r4 = await events(store).select('hash').where('seq', '=', 4).executeTakeFirstOrThrow();
      await store.db.deleteFrom('audit_events').where('tenant', '=', 'default').where('seq', '=', 5).execute();
      await store.db.updateTable('audit_heads').set({ seq: 4, hash: r4.hash }).where('tenant', '=', 'default').execute();
      expectBad(await verifyChain(store, 'default', trusted(db.home)), 5, /covers entry 5 but the log ends at entry 4/);
      assert.deepEqual(await verifyChain(store, 'acme', trusted(db.home)), { ok: true, count: 1, checkpoints: 1 });
    } finally {
      await db.cleanup();
    }
  });

  it('catch an edited checkpoint', withSigned(async (store, home) => {
    await store.db.updateTable('audit_checkpoints').set({ hash: 'b'.repeat(64) }).where('seq', '=', 4).execute();
    expectBad(await verifyChain(store, 'default', trusted(home)), 4, /invalid signature/);
  }));

  it('refuse checkpoints signed by a key that is not trusted', withSigned(async (store) => {
    // Checkpoints by the installation's key are refused when the verifier trusts another key only:
    // likewise an attacker who re-signs a rewritten chain with their own key gains nothing.
    const otherKey = generateKeyPairSync('ed25519').publicKey;
    expectBad(await verifyChain(store, 'default', { trustedKeys: [otherKey] }), 4, /untrusted key/);
    expectBad(await verifyChain(store, 'default', { trustedKeys: [] }), 4, /untrusted key/);
  }));

  it('the signing key file is private', withSigned(async (_store, home) => {
    const { statSync } = await import('node:fs');
    assert.equal(statSync(`${home}/audit-signing.key`).mode & 0o777, 0o600);
  }));
});
