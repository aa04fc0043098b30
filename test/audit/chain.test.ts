import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { describeEachDialect } from '../helpers/db.js';
import { createAuditLog, AuditAppendError } from '../../src/audit/log.js';
import { entryHash, GENESIS_HASH } from '../../src/audit/chain.js';
import { canonicalJson } from '../../src/audit/canonicalJson.js';
import { verifyChain } from '../../src/audit/verify.js';
import { lastEntries, tailEntries } from '../../src/audit/tail.js';
import type { Store } from '../../src/store/index.js';
import type { AuditRecord } from '../../src/audit/types.js';

async function appendN(store: Store, n: number, tenant = 'default'): Promise<AuditRecord[]> {
  const log = createAuditLog(store);
  const out: AuditRecord[] = [];
  for (let i = 1; i <= n; i++) {
    out.push(await log.append({ type: 'message.request', tenant, server: 'fs', session: 's1', data: { i, rules: ['r'] } }));
  }
  return out;
}

describeEachDialect('audit chain', ({ dialect, fresh }) => {
  it('appends a linked, hashed chain per tenant that verifies', async () => {
    const db = await fresh();
    try {
      const store = await db.open();
      const log = createAuditLog(store);
      const a1 = await log.append({ type: 'session.start', server: 'fs', data: { b: 1, a: { y: 2, x: 1 } } });
      const b1 = await log.append({ type: 'session.start', tenant: 'acme' });
      const a2 = await log.append({ type: 'session.end', actor: 'cli' });
      assert.equal(a1.seq, 1);
      assert.equal(a1.prevHash, GENESIS_HASH);
      assert.equal(a1.tenant, 'default');
      assert.equal(b1.seq, 1, 'each tenant has its own chain');
      assert.equal(a2.seq, 2);
      assert.equal(a2.prevHash, a1.hash);
      const { hash, ...body } = a2;
      assert.equal(hash, entryHash(body));
      assert.deepEqual(await verifyChain(store, 'default'), { ok: true, count: 2, checkpoints: 0 });
      assert.deepEqual(await verifyChain(store, 'acme'), { ok: true, count: 1, checkpoints: 0 });
      assert.deepEqual(await verifyChain(store, 'nobody'), { ok: true, count: 0, checkpoints: 0 });
      // Stored data is canonical JSON and reads back equal.
      const row = await store.db.selectFrom('audit_events').select('data').where('seq', '=', 1).where('tenant', '=', 'default').executeTakeFirstOrThrow();
      assert.equal(row.data, canonicalJson({ b: 1, a: { y: 2, x: 1 } }));
      assert.equal(row.data, '{"a":{"x":1,"y":2},"b":1}');
      const [first] = await lastEntries(store, 'default', 2);
      assert.deepEqual(first, a1);
    } finally {
      await db.cleanup();
    }
  });

  it('group commit: concurrent appends each resolve with a distinct seq, in call order', async () => {
    const db = await fresh();
    try {
      const store = await db.open();
      const log = createAuditLog(store);
      const recs = await Promise.all(Array.from({ length: 300 }, (_, i) => log.append({ type: 't', data: { i } })));
      assert.deepEqual(recs.map((r) => r.seq), Array.from({ length: 300 }, (_, i) => i + 1));
      assert.deepEqual(recs.map((r) => r.data.i), Array.from({ length: 300 }, (_, i) => i));
      assert.deepEqual(await verifyChain(store, 'default'), { ok: true, count: 300, checkpoints: 0 });
    } finally {
      await db.cleanup();
    }
  });

  it('appends interleaved with reads and transactions on the same store all commit', async () => {
    const db = await fresh();
    try {
      const store = await db.open();
      const log = createAuditLog(store);
      await appendN(store, 50);
      const work: Promise<unknown>[] = [];
      for (let i = 0; i < 20; i++) {
        work.push(log.append({ type: 'during', data: { i } }));
        if (i % 5 === 0) work.push(verifyChain(store, 'default'));
        if (i % 7 === 0) work.push(store.db.transaction().execute(async (trx) => trx.selectFrom('audit_heads').selectAll().execute()));
      }
      const results = await Promise.all(work);
      for (const r of results) if (r && typeof r === 'object' && 'ok' in r) assert.equal((r as { ok: boolean }).ok, true);
      assert.deepEqual(await verifyChain(store, 'default'), { ok: true, count: 70, checkpoints: 0 });
    } finally {
      await db.cleanup();
    }
  });

  it('two stores (two connections) appending together extend one chain without forks', async () => {
    const db = await fresh();
    try {
      const [s1, s2] = [await db.open(), await db.open()];
      const [l1, l2] = [createAuditLog(s1), createAuditLog(s2)];
      await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 ? l1 : l2).append({ type: 't', data: { i } })));
      assert.deepEqual(await verifyChain(s1, 'default'), { ok: true, count: 100, checkpoints: 0 });
    } finally {
      await db.cleanup();
    }
  });

  it('writers that take turns never reuse a stale head (each sees the other\'s entries)', async () => {
    const db = await fresh();
    try {
      const [s1, s2] = [await db.open(), await db.open()];
      const [l1, l2] = [createAuditLog(s1), createAuditLog(s2)];
      const seqs: number[] = [];
      for (let i = 0; i < 20; i++) seqs.push((await (i % 3 === 0 ? l2 : l1).append({ type: 't', data: { i } })).seq);
      assert.deepEqual(seqs, Array.from({ length: 20 }, (_, i) => i + 1));
      assert.deepEqual(await verifyChain(s1, 'default'), { ok: true, count: 20, checkpoints: 0 });
    } finally {
      await db.cleanup();
    }
  });

  it('rejects (fails closed) when the commit fails, and writes none of the batch', async () => {
    const db = await fresh();
    try {
      const store = await db.open();
      const log = createAuditLog(store);
      await log.append({ type: 'ok' });
      // Simulate a write failure inside the database (as with a full disk or a revoked grant).
      if (dialect === 'sqlite') {
        await sql`CREATE TRIGGER fail_audit BEFORE INSERT ON audit_events BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END`.execute(store.db);
      } else {
        await sql`CREATE FUNCTION fail_audit() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'simulated write failure'; END $$ LANGUAGE plpgsql`.execute(store.db);
        await sql`CREATE TRIGGER fail_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION fail_audit()`.execute(store.db);
      }
      const results = await Promise.allSettled([log.append({ type: 'a' }), log.append({ type: 'b' }), log.append({ type: 'c' })]);
      for (const r of results) {
        assert.equal(r.status, 'rejected');
        assert.ok((r as PromiseRejectedResult).reason instanceof AuditAppendError);
        assert.match((r as PromiseRejectedResult).reason.message, /not recorded: .*simulated write failure/);
      }
      await sql`DROP TRIGGER fail_audit${sql.raw(dialect === 'postgres' ? ' ON audit_events' : '')}`.execute(store.db);
      const next = await log.append({ type: 'after' });
      assert.equal(next.seq, 2, 'the failed batch left no trace in the chain');
      assert.deepEqual(await verifyChain(store, 'default'), { ok: true, count: 2, checkpoints: 0 });
    } finally {
      await db.cleanup();
    }
  });

  it('rejects appends after the store is closed, and invalid events', async () => {
    const db = await fresh();
    try {
      const store = await db.open();
      const log = createAuditLog(store);
      await log.append({ type: 'ok' });
      await assert.rejects(log.append({ type: '' }), AuditAppendError);
      await assert.rejects(log.append({ type: 'x', data: { n: 1n } as never }), /invalid audit event/);
      await store.close();
      await assert.rejects(log.append({ type: 'late' }), (e: Error) => e instanceof AuditAppendError && /not recorded/.test(e.message));
    } finally {
      await db.cleanup();
    }
  });

  if (dialect === 'sqlite') {
    it('rejects appends to a read-only database', async () => {
      const db = await fresh();
      try {
        const store = await db.open();
        const log = createAuditLog(store);
        await log.append({ type: 'ok' });
        await sql`PRAGMA query_only = ON`.execute(store.db);
        await assert.rejects(log.append({ type: 'x' }), /not recorded: .*readonly/i);
      } finally {
        await db.cleanup();
      }
    });
  }

  it('tail follows entries committed by another connection', async () => {
    const db = await fresh();
    try {
      const [reader, writer] = [await db.open(), await db.open()];
      await appendN(writer, 5);
      const ac = new AbortController();
      const guard = setTimeout(() => ac.abort(), 15_000); // a broken follow fails the test instead of hanging it
      const it = tailEntries(reader, { tenant: 'default', n: 2, follow: true, signal: ac.signal, pollMs: 20 });
      const seen: number[] = [];
      for (let k = 0; k < 2; k++) seen.push((await it.next()).value!.seq);
      const log = createAuditLog(writer);
      for (let i = 0; i < 3; i++) await log.append({ type: 'later' });
      for await (const r of it) {
        seen.push(r.seq);
        if (seen.length === 5) break;
      }
      clearTimeout(guard);
      assert.deepEqual(seen, [4, 5, 6, 7, 8]);
    } finally {
      await db.cleanup();
    }
  });

  it('appendNow commits on the spot where that is cheap (SQLite, synchronous=NORMAL), in chain order with batched appends', async () => {
    const db = await fresh();
    try {
      const store = await db.open();
      const log = createAuditLog(store);
      const first = log.appendNow({ type: 'now', data: { i: 1 } });
      if (dialect === 'postgres') {
        assert.equal(first, null, 'PostgreSQL has no synchronous path');
        return;
      }
      assert.equal(first?.seq, 1, 'committed before returning');
      const queued = log.append({ type: 'batched', data: { i: 2 } });
      assert.equal(log.appendNow({ type: 'now', data: { i: 3 } }), null, 'a batch is queued: the entry must go behind it');
      assert.equal((await queued).seq, 2);
      await log.flush();
      assert.equal(log.appendNow({ type: 'now', data: { i: 4 } })?.seq, 3);
      assert.deepEqual(await verifyChain(store, 'default'), { ok: true, count: 3, checkpoints: 0 });
      await sql`CREATE TRIGGER fail_audit BEFORE INSERT ON audit_events BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END`.execute(store.db);
      assert.throws(() => log.appendNow({ type: 'lost' }), (err: Error) => err instanceof AuditAppendError && /not recorded: .*simulated write failure/.test(err.message));
      await sql`DROP TRIGGER fail_audit`.execute(store.db);
      assert.equal(log.appendNow({ type: 'after' })?.seq, 4, 'the failed entry left no trace');
      await log.close();
      assert.throws(() => log.appendNow({ type: 'closed' }), AuditAppendError);
    } finally {
      await db.cleanup();
    }
  });

  it('appendNow leaves synchronous=FULL stores to group commit (one fsync per batch, not per entry)', async () => {
    if (dialect !== 'sqlite') return;
    const db = await fresh();
    try {
      const { openStore } = await import('../../src/store/index.js');
      const store = await openStore({ ...db.options, sqliteSync: 'full' });
      try {
        const log = createAuditLog(store);
        assert.equal(log.appendNow({ type: 'x' }), null);
        assert.equal((await log.append({ type: 'x' })).seq, 1);
      } finally {
        await store.close();
      }
    } finally {
      await db.cleanup();
    }
  });
});
