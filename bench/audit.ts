/**
 * npm run bench:audit — cost of one audit append as the relay sees it (the awaited promise), for 1
 * and 16 concurrent appenders, on SQLite and PostgreSQL.
 *
 * Baseline, measured in the same run on the same database: a naive log that inserts each event in
 * its own transaction with no hash chain, no head lock and no batching.
 *
 * PostgreSQL: AIRLOCK_BENCH_PG_URL if set (a database the bench may create tables in), otherwise an
 * embedded server with durable settings (fsync on).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { startEmbeddedPostgres } from '../scripts/pg-test-server.js';
import { openStore, type Store } from '../src/store/index.js';
import { createAuditLog } from '../src/audit/log.js';
import { verifyChain } from '../src/audit/verify.js';

const PER_LOOP_1 = Number(process.env.BENCH_N1 ?? 3000);
const PER_LOOP_16 = Number(process.env.BENCH_N16 ?? 300);
const WARMUP = 200;
const ROUNDS = 3;

interface Row {
  db: string;
  impl: string;
  conc: number;
  p50: number;
  p99: number;
  amortised: number;
  perSec: number;
}

const event = (i: number) => ({
  type: 'message.response',
  server: 'filesystem',
  session: 'sess-0123456789',
  data: { method: 'tools/call', tool: 'read_file', verdict: 'allow', bytes: 1024 + i, findings: [] },
});

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

interface Sample {
  lat: number[];
  wallUs: number;
  total: number;
}

async function sample(append: (i: number) => Promise<unknown>, conc: number, perLoop: number): Promise<Sample> {
  const lat: number[] = [];
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: conc }, async (_, c) => {
      for (let i = 0; i < perLoop; i++) {
        const s = process.hrtime.bigint();
        await append(c * perLoop + i);
        lat.push(Number(process.hrtime.bigint() - s) / 1000);
      }
    }),
  );
  return { lat, wallUs: Number(process.hrtime.bigint() - t0) / 1000, total: conc * perLoop };
}

function summarise(samples: Sample[], conc: number): Omit<Row, 'db' | 'impl'> {
  const lat = samples.flatMap((s) => s.lat).sort((a, b) => a - b);
  const wallUs = samples.reduce((a, s) => a + s.wallUs, 0);
  const total = samples.reduce((a, s) => a + s.total, 0);
  return { conc, p50: pct(lat, 50), p99: pct(lat, 99), amortised: wallUs / total, perSec: (total / wallUs) * 1e6 };
}

async function naiveTable(store: Store): Promise<(i: number) => Promise<unknown>> {
  await sql`CREATE TABLE naive_log (id ${sql.raw(store.dialect === 'sqlite' ? 'INTEGER PRIMARY KEY' : 'BIGSERIAL PRIMARY KEY')}, ts TEXT, type TEXT, data TEXT)`.execute(store.db);
  return (i) =>
    sql`INSERT INTO naive_log (ts, type, data) VALUES (${new Date().toISOString()}, ${'message.response'}, ${JSON.stringify(event(i).data)})`.execute(store.db);
}

/**
 * Baseline and chain run in alternating rounds on their own fresh databases, so load from anything
 * else on the machine hits both alike.
 */
async function benchDb(label: string, open: () => Promise<{ store: Store; cleanup: () => Promise<void> }>): Promise<Row[]> {
  const rows: Row[] = [];
  for (const conc of [1, 16]) {
    const perLoop = Math.ceil((conc === 1 ? PER_LOOP_1 : PER_LOOP_16) / ROUNDS);
    const naiveDb = await open();
    const chainDb = await open();
    const naive = await naiveTable(naiveDb.store);
    const log = createAuditLog(chainDb.store);
    const chain = (i: number) => log.append(event(i));
    for (let i = 0; i < WARMUP; i++) await naive(i);
    for (let i = 0; i < WARMUP; i++) await chain(i);
    const ns: Sample[] = [];
    const cs: Sample[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      ns.push(await sample(naive, conc, perLoop));
      cs.push(await sample(chain, conc, perLoop));
    }
    rows.push({ db: label, impl: 'baseline (naive insert)', ...summarise(ns, conc) });
    rows.push({ db: label, impl: 'airlock chain', ...summarise(cs, conc) });
    const v = await verifyChain(chainDb.store, 'default');
    if (!v.ok || v.count !== WARMUP + ROUNDS * conc * perLoop) throw new Error(`chain did not verify after bench: ${JSON.stringify(v)}`);
    await naiveDb.cleanup();
    await chainDb.cleanup();
  }
  return rows;
}

function sqliteOpener(sync: 'normal' | 'full') {
  return async () => {
    const home = mkdtempSync(join(tmpdir(), 'airlock-bench-'));
    const store = await openStore({ home, sqliteSync: sync });
    return { store, cleanup: async () => (await store.close(), rmSync(home, { recursive: true, force: true })) };
  };
}

async function main() {
  const all: Row[] = [];
  all.push(...(await benchDb('sqlite (synchronous=NORMAL, default)', sqliteOpener('normal'))));
  all.push(...(await benchDb('sqlite (synchronous=FULL)', sqliteOpener('full'))));

  const embedded = process.env.AIRLOCK_BENCH_PG_URL ? null : await startEmbeddedPostgres({ fast: false });
  try {
    const base = process.env.AIRLOCK_BENCH_PG_URL ?? embedded!.url;
    let n = 0;
    const pgOpener = async () => {
      const admin = await openStore({ home: tmpdir(), databaseUrl: base });
      const name = `airlock_bench_${process.pid}_${n++}`;
      await sql`CREATE DATABASE ${sql.id(name)}`.execute(admin.db);
      const u = new URL(base);
      u.pathname = `/${name}`;
      const store = await openStore({ home: tmpdir(), databaseUrl: u.toString() });
      return {
        store,
        cleanup: async () => {
          await store.close();
          await sql`DROP DATABASE ${sql.id(name)} WITH (FORCE)`.execute(admin.db);
          await admin.close();
        },
      };
    };
    all.push(...(await benchDb(`postgres (${embedded ? 'embedded, fsync on' : 'AIRLOCK_BENCH_PG_URL'})`, pgOpener)));
  } finally {
    await embedded?.stop();
  }

  const f = (x: number) => x.toFixed(1);
  console.log('\naudit append, µs per append as awaited by the caller (p50/p99 latency; amortised = wall time / appends)\n');
  console.log('| database | implementation | appenders | p50 µs | p99 µs | amortised µs | appends/s | vs baseline (amortised) |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|');
  for (const r of all) {
    const base = all.find((b) => b.db === r.db && b.conc === r.conc && b.impl.startsWith('baseline'))!;
    console.log(
      `| ${r.db} | ${r.impl} | ${r.conc} | ${f(r.p50)} | ${f(r.p99)} | ${f(r.amortised)} | ${Math.round(r.perSec)} | ${(r.amortised / base.amortised).toFixed(2)}× |`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
