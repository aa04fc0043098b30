/**
 * The append-only, per-tenant hash chain behind {@link AuditLog}.
 *
 * Group commit: appends made while the event loop is busy (the same tick, or while the previous
 * batch is being written) are written together in one transaction. Each caller's promise settles
 * only after that transaction commits — or rejects if it does not. The relay awaits every append, so
 * this is what keeps auditing cheap under concurrency without weakening durability.
 *
 * Writers are serialised per tenant by the database, not by this process: SQLite takes the file's
 * write lock up front (BEGIN IMMEDIATE), PostgreSQL locks the tenant's head row (SELECT … FOR UPDATE)
 * or, when this process wrote the head last, moves it by compare-and-swap in a single statement.
 * So any number of `airlock run` processes on one SQLite file, or gateway replicas on one PostgreSQL,
 * extend the same chain without forks.
 *
 * Failure contract: `append` rejects with {@link AuditAppendError} when the entry was not committed
 * (database unreachable, closed, read-only, locked for too long, invalid event). Nothing is retried
 * or dropped silently; the caller must refuse what it was about to do.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import type { AuditEventsTable } from '../store/schema.js';
import { sqliteHandle } from '../store/sqlite.js';
import type { Store } from '../store/types.js';
import { canonicalJson, toPlainJson } from './canonicalJson.js';
import { entryHashWithData, GENESIS_HASH } from './chain.js';
import { recordToRow } from './records.js';
import type { AuditSigner } from './signing.js';
import type { AuditEventInput, AuditLog, AuditRecord } from './types.js';

export const DEFAULT_TENANT = 'default';
/** Rows per batch; keeps SQLite's bound-parameter count and transaction length modest. */
const MAX_BATCH = 500;
/** Rows per INSERT statement (10 columns each). */
const ROWS_PER_INSERT = 100;

export class AuditAppendError extends Error {
  override name = 'AuditAppendError';
}

export interface AuditLogOptions {
  /** Signs a checkpoint every `checkpointEvery` entries per tenant. Without it, no checkpoints. */
  signer?: AuditSigner | null;
  /** Default 1000. 0 disables automatic checkpoints (on-demand ones still work). */
  checkpointEvery?: number;
  /** Clock, for tests. */
  now?: () => Date;
}

export interface Checkpoint {
  tenant: string;
  seq: number;
  hash: string;
  signature: string;
  keyId: string;
  createdAt: string;
}

interface Pending {
  tenant: string;
  event: Omit<AuditRecord, 'seq' | 'prevHash' | 'hash' | 'tenant'>;
  dataJson: string;
  resolve(r: AuditRecord): void;
  reject(e: Error): void;
}

interface Head {
  seq: number;
  hash: string;
}
interface TenantGroup {
  tenant: string;
  idx: number[];
}
type BuildFn = (
  tenant: string,
  idx: number[],
  head: Head | undefined,
) => { ts: string; rows: AuditEventsTable[]; checkpoints: Checkpoint[]; head: Head };
interface SqliteStatements {
  raw: BetterSqlite3.Database;
  head: BetterSqlite3.Statement;
  insert: BetterSqlite3.Statement;
  upsertHead: BetterSqlite3.Statement;
  updateHead: BetterSqlite3.Statement;
  checkpoint: BetterSqlite3.Statement;
  writeBatch(groups: TenantGroup[], build: BuildFn): void;
  /** `synchronous=NORMAL` (or OFF): a commit does not wait for fsync, so one per entry is cheap. */
  fastCommit: boolean;
}

export class ChainedAuditLog implements AuditLog {
  private queue: Pending[] = [];
  private scheduled = false;
  private writing: Promise<void> | null = null;
  private closed = false;
  private readonly signer: AuditSigner | null;
  private readonly checkpointEvery: number;
  private readonly now: () => Date;
  private sqliteStmts: SqliteStatements | null = null;
  /** PostgreSQL: the head this process last wrote per tenant, the expected value for compare-and-swap. */
  private readonly pgHeads = new Map<string, Head>();
  /** Tenants this log appended to, for the closing checkpoints. */
  private readonly written = new Set<string>();

  constructor(
    private readonly store: Store,
    opts: AuditLogOptions = {},
  ) {
    this.signer = opts.signer ?? null;
    this.checkpointEvery = opts.checkpointEvery ?? 1000;
    this.now = opts.now ?? (() => new Date());
  }

  append(input: AuditEventInput): Promise<AuditRecord> {
    if (this.closed) return Promise.reject(new AuditAppendError('audit log is closed; the event was not recorded'));
    let pending: Omit<Pending, 'resolve' | 'reject'>;
    try {
      pending = this.prepare(input);
    } catch (err) {
      return Promise.reject(new AuditAppendError(`invalid audit event: ${(err as Error).message}`, { cause: err }));
    }
    return new Promise<AuditRecord>((resolve, reject) => {
      this.queue.push({ ...pending, resolve, reject });
      this.schedule();
    });
  }

  /**
   * Appends and commits right now, on the caller's stack, when that is the cheapest correct way:
   * SQLite with `synchronous=NORMAL`, nothing queued or being written (so the chain order is the call
   * order), and no Kysely transaction open on the connection. Returns the committed record, or null
   * when the entry must go through {@link append} instead (PostgreSQL, `synchronous=FULL` where group
   * commit amortises the fsync, or a batch in flight).
   *
   * The relay's hot path uses it to forward a message in the same tick it arrived, instead of waiting
   * for a batch: one message at a time, a batch of one is all group commit would write anyway.
   *
   * Failure contract: throws {@link AuditAppendError} when the entry was not committed; the caller
   * must refuse what it was about to do, exactly as for a rejected append.
   */
  appendNow(input: AuditEventInput): AuditRecord | null {
    if (this.closed) throw new AuditAppendError('audit log is closed; the event was not recorded');
    if (this.store.dialect !== 'sqlite' || this.queue.length > 0 || this.writing || this.scheduled) return null;
    const raw = sqliteHandle(this.store.db);
    if (!raw || raw.inTransaction) return null;
    const st = this.sqliteStatements(raw);
    if (!st.fastCommit) return null;
    let pending: Omit<Pending, 'resolve' | 'reject'>;
    try {
      pending = this.prepare(input);
    } catch (err) {
      throw new AuditAppendError(`invalid audit event: ${(err as Error).message}`, { cause: err });
    }
    let record: AuditRecord | undefined;
    try {
      st.writeBatch([{ tenant: pending.tenant, idx: [0] }], (tenant, _idx, head) => {
        const built = this.buildTenantBatch(tenant, [pending as Pending], head);
        record = built.records[0];
        return built;
      });
    } catch (err) {
      throw new AuditAppendError(`audit append failed, the event was not recorded: ${(err as Error).message}`, { cause: err });
    }
    this.written.add(pending.tenant);
    return record!;
  }

  /** Resolves once everything appended so far has been committed or rejected. */
  async flush(): Promise<void> {
    while (this.queue.length > 0 || this.writing || this.scheduled) {
      if (this.writing) await this.writing;
      else await new Promise<void>((r) => setImmediate(r));
    }
  }

  /**
   * Stops accepting appends, waits for those in flight and, with a signer, signs a checkpoint at the
   * head of every tenant this log wrote to — so entries after the last periodic checkpoint are
   * covered too (deleting them later is then detectable). Does not close the store; close it after.
   * Never throws: a checkpoint that cannot be written is reported in the result.
   */
  async close(): Promise<{ checkpoints: number; error?: string }> {
    this.closed = true;
    await this.flush();
    if (!this.signer) return { checkpoints: 0 };
    let checkpoints = 0;
    try {
      for (const tenant of this.written) if (await this.checkpoint(tenant)) checkpoints += 1;
    } catch (err) {
      return { checkpoints, error: `closing checkpoint not written: ${(err as Error).message}` };
    }
    return { checkpoints };
  }

  /** Signs the tenant's current head now. Returns null for an empty chain. */
  async checkpoint(tenant = DEFAULT_TENANT): Promise<Checkpoint | null> {
    if (!this.signer) throw new Error('no signing key configured for audit checkpoints');
    await this.flush();
    const head = await this.store.db
      .selectFrom('audit_heads')
      .select(['seq', 'hash'])
      .where('tenant', '=', tenant)
      .executeTakeFirst();
    if (!head || Number(head.seq) === 0) return null;
    const cp = this.makeCheckpoint(tenant, Number(head.seq), head.hash);
    await this.store.db
      .insertInto('audit_checkpoints')
      .values(checkpointRow(cp))
      .onConflict((oc) => oc.columns(['tenant', 'seq', 'key_id']).doNothing())
      .execute();
    return cp;
  }

  private prepare(input: AuditEventInput): Omit<Pending, 'resolve' | 'reject'> {
    if (typeof input?.type !== 'string' || input.type.length === 0) throw new Error('type must be a non-empty string');
    const tenant = input.tenant ?? DEFAULT_TENANT;
    const data = toPlainJson(input.data ?? {});
    if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new Error('data must be an object');
    return {
      tenant,
      event: {
        ts: this.now().toISOString(),
        type: input.type,
        server: input.server ?? null,
        session: input.session ?? null,
        actor: input.actor ?? null,
        data,
      },
      dataJson: canonicalJson(data),
    };
  }

  private schedule(): void {
    if (this.scheduled || this.writing) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.writing = this.drain().finally(() => {
        this.writing = null;
        if (this.queue.length > 0) this.schedule();
      });
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      let records: AuditRecord[];
      try {
        records = await this.writeBatch(batch);
      } catch (err) {
        const e = new AuditAppendError(
          `audit append failed, ${batch.length} event(s) not recorded: ${(err as Error).message}`,
          { cause: err },
        );
        for (const p of batch) p.reject(e);
        continue;
      }
      for (let i = 0; i < batch.length; i++) {
        this.written.add(batch[i].tenant);
        batch[i].resolve(records[i]);
      }
    }
  }

  private async writeBatch(batch: Pending[]): Promise<AuditRecord[]> {
    const byTenant = new Map<string, number[]>();
    batch.forEach((p, i) => {
      const list = byTenant.get(p.tenant);
      if (list) list.push(i);
      else byTenant.set(p.tenant, [i]);
    });
    // A fixed lock order across writers avoids deadlocks between PostgreSQL replicas.
    const groups = [...byTenant.keys()].sort().map((tenant) => ({ tenant, idx: byTenant.get(tenant)! }));
    const out = new Array<AuditRecord>(batch.length);
    const build = (tenant: string, idx: number[], head: Head | undefined) => {
      const built = this.buildTenantBatch(tenant, idx.map((i) => batch[i]), head);
      built.records.forEach((r, k) => (out[idx[k]] = r));
      return built;
    };
    if (this.store.dialect === 'sqlite') await this.writeSqlite(groups, build);
    else await this.writePostgres(groups, build);
    return out;
  }

  /**
   * SQLite: the whole batch runs synchronously on cached prepared statements inside one
   * BEGIN IMMEDIATE transaction; if a Kysely transaction is open on the connection it first waits
   * for Kysely's connection lock, so nothing interleaves.
   */
  private async writeSqlite(groups: TenantGroup[], build: BuildFn): Promise<void> {
    const raw = sqliteHandle(this.store.db);
    if (!raw) throw new Error('SQLite store has no database handle');
    const st = this.sqliteStatements(raw);
    // Every Kysely query on better-sqlite3 runs synchronously, so when no Kysely transaction is open
    // right now, none can open before this synchronous write finishes: skip the lock round trip.
    if (!raw.inTransaction) return st.writeBatch(groups, build);
    await this.store.db.connection().execute(async () => {
      st.writeBatch(groups, build);
    });
  }

  /**
   * PostgreSQL. Fast path: when this process wrote the tenant's head last time, the batch goes out as
   * ONE autocommit statement that moves the head only if it is still where we left it
   * (compare-and-swap) and inserts the entries only if the head moved — a single round trip and
   * commit. If another writer got there first, nothing is written and the locking path runs.
   */
  private async writePostgres(groups: TenantGroup[], build: BuildFn): Promise<void> {
    if (groups.length === 1) {
      const { tenant, idx } = groups[0];
      const known = this.pgHeads.get(tenant);
      if (known) {
        const built = build(tenant, idx, known);
        let moved = false;
        try {
          moved = await this.pgCompareAndAppend(tenant, known, built);
        } catch {
          moved = false; // retried under the lock below; a real failure surfaces there
        }
        if (moved) {
          this.pgHeads.set(tenant, built.head);
          return;
        }
        this.pgHeads.delete(tenant);
      }
    }
    try {
      await this.writePostgresLocked(groups, build);
    } catch (err) {
      for (const g of groups) this.pgHeads.delete(g.tenant);
      throw err;
    }
  }

  private async pgCompareAndAppend(tenant: string, expected: Head, built: ReturnType<BuildFn>): Promise<boolean> {
    const values = sql.join(
      built.rows.map(
        (r) =>
          sql`(${r.tenant}, ${r.seq}::bigint, ${r.ts}, ${r.type}, ${r.server}, ${r.session}, ${r.actor}, ${r.data}, ${r.prev_hash}, ${r.hash})`,
      ),
    );
    const checkpoints =
      built.checkpoints.length === 0
        ? sql``
        : sql`, c AS (
            INSERT INTO audit_checkpoints (tenant, seq, hash, signature, key_id, created_at)
            SELECT v.* FROM (VALUES ${sql.join(
              built.checkpoints.map((c) => sql`(${c.tenant}, ${c.seq}::bigint, ${c.hash}, ${c.signature}, ${c.keyId}, ${c.createdAt})`),
            )}) AS v(tenant, seq, hash, signature, key_id, created_at)
            WHERE EXISTS (SELECT 1 FROM h)
          )`;
    const res = await sql<{ n: number }>`
      WITH h AS (
        UPDATE audit_heads SET seq = ${built.head.seq}::bigint, hash = ${built.head.hash}, updated_at = ${built.ts}
        WHERE tenant = ${tenant} AND seq = ${expected.seq}::bigint AND hash = ${expected.hash}
        RETURNING 1
      ), e AS (
        INSERT INTO audit_events (tenant, seq, ts, type, server, session, actor, data, prev_hash, hash)
        SELECT v.* FROM (VALUES ${values}) AS v(tenant, seq, ts, type, server, session, actor, data, prev_hash, hash)
        WHERE EXISTS (SELECT 1 FROM h)
        RETURNING 1
      )${checkpoints}
      SELECT count(*)::int AS n FROM e`.execute(this.store.db);
    return Number(res.rows[0]?.n ?? 0) === built.rows.length;
  }

  /** PostgreSQL: lock each tenant's head row (creating it first if new), then extend the chain. */
  private async writePostgresLocked(groups: TenantGroup[], build: BuildFn): Promise<void> {
    const heads = new Map<string, Head>();
    await this.store.db.transaction().execute(async (trx) => {
      for (const { tenant, idx } of groups) {
        await trx
          .insertInto('audit_heads')
          .values({ tenant, seq: 0, hash: GENESIS_HASH, updated_at: new Date(0).toISOString() })
          .onConflict((oc) => oc.column('tenant').doNothing())
          .execute();
        const headRow = await trx
          .selectFrom('audit_heads')
          .select(['seq', 'hash'])
          .where('tenant', '=', tenant)
          .forUpdate()
          .executeTakeFirstOrThrow();
        const built = build(tenant, idx, { seq: Number(headRow.seq), hash: headRow.hash });
        for (let i = 0; i < built.rows.length; i += ROWS_PER_INSERT) {
          await trx.insertInto('audit_events').values(built.rows.slice(i, i + ROWS_PER_INSERT)).execute();
        }
        await trx
          .updateTable('audit_heads')
          .set({ seq: built.head.seq, hash: built.head.hash, updated_at: built.ts })
          .where('tenant', '=', tenant)
          .execute();
        if (built.checkpoints.length > 0) {
          await trx.insertInto('audit_checkpoints').values(built.checkpoints.map(checkpointRow)).execute();
        }
        heads.set(tenant, built.head);
      }
    });
    for (const [tenant, head] of heads) this.pgHeads.set(tenant, head);
  }

  private buildTenantBatch(tenant: string, items: Pending[], head: Head | undefined) {
    // The head's updated_at is the time of its newest entry (nothing reads it back as a clock).
    const ts = items.length > 0 ? items[items.length - 1]!.event.ts : this.now().toISOString();
    let seq = head ? head.seq : 0;
    let prevHash = head ? head.hash : GENESIS_HASH;
    const rows: AuditEventsTable[] = [];
    const records: AuditRecord[] = [];
    const checkpoints: Checkpoint[] = [];
    for (const p of items) {
      seq += 1;
      const base = { tenant, seq, ...p.event, prevHash };
      const record: AuditRecord = { ...base, hash: entryHashWithData(base, p.dataJson) };
      rows.push(recordToRow(record, p.dataJson));
      records.push(record);
      if (this.signer && this.checkpointEvery > 0 && seq % this.checkpointEvery === 0) {
        checkpoints.push(this.makeCheckpoint(tenant, seq, record.hash));
      }
      prevHash = record.hash;
    }
    return { ts, rows, records, checkpoints, head: { seq, hash: prevHash } };
  }

  private sqliteStatements(raw: BetterSqlite3.Database): SqliteStatements {
    if (this.sqliteStmts?.raw === raw) return this.sqliteStmts;
    const st = {
      head: raw.prepare('SELECT seq, hash FROM audit_heads WHERE tenant = ?'),
      // Positional parameters: binding them skips a property lookup by name per column on every entry.
      insert: raw.prepare(
        'INSERT INTO audit_events (tenant, seq, ts, type, server, session, actor, data, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      upsertHead: raw.prepare(
        'INSERT INTO audit_heads (tenant, seq, hash, updated_at) VALUES (?, ?, ?, ?) ' +
          'ON CONFLICT (tenant) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, updated_at = excluded.updated_at',
      ),
      // The head row exists once a tenant has entries: a plain update then does less than the upsert.
      updateHead: raw.prepare('UPDATE audit_heads SET seq = ?, hash = ?, updated_at = ? WHERE tenant = ?'),
      checkpoint: raw.prepare(
        'INSERT INTO audit_checkpoints (tenant, seq, hash, signature, key_id, created_at) ' +
          'VALUES (@tenant, @seq, @hash, @signature, @key_id, @created_at)',
      ),
    };
    const synchronous = Number(raw.pragma('synchronous', { simple: true }));
    this.sqliteStmts = { raw, ...st, writeBatch: this.sqliteWriter(raw, st), fastCommit: synchronous <= 1 };
    return this.sqliteStmts;
  }

  private sqliteWriter(raw: BetterSqlite3.Database, st: Omit<SqliteStatements, 'raw' | 'writeBatch' | 'fastCommit'>) {
    // Created once: better-sqlite3 builds the BEGIN IMMEDIATE/COMMIT/ROLLBACK wrapper at this call.
    return raw.transaction((groups: TenantGroup[], build: BuildFn) => {
      for (const { tenant, idx } of groups) {
        const headRow = st.head.get(tenant) as Head | undefined;
        const built = build(tenant, idx, headRow ? { seq: Number(headRow.seq), hash: headRow.hash } : undefined);
        for (const r of built.rows) st.insert.run(r.tenant, r.seq, r.ts, r.type, r.server, r.session, r.actor, r.data, r.prev_hash, r.hash);
        if (headRow) st.updateHead.run(built.head.seq, built.head.hash, built.ts, tenant);
        else st.upsertHead.run(tenant, built.head.seq, built.head.hash, built.ts);
        for (const c of built.checkpoints) st.checkpoint.run(checkpointRow(c));
      }
    }).immediate;
  }

  private makeCheckpoint(tenant: string, seq: number, hash: string): Checkpoint {
    const signer = this.signer!;
    return { tenant, seq, hash, signature: signer.sign(tenant, seq, hash), keyId: signer.keyId, createdAt: this.now().toISOString() };
  }
}

function checkpointRow(c: Checkpoint) {
  return { tenant: c.tenant, seq: c.seq, hash: c.hash, signature: c.signature, key_id: c.keyId, created_at: c.createdAt };
}

export function createAuditLog(store: Store, opts: AuditLogOptions = {}): ChainedAuditLog {
  return new ChainedAuditLog(store, opts);
}
