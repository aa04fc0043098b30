/**
 * Verifies a tenant's chain in the database: every entry's hash, every link, the sequence, the head
 * and every signed checkpoint. Reports the first sequence number at which the log stops being the
 * one that was written.
 */
import type { KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Store } from '../store/types.js';
import { entryHash, GENESIS_HASH } from './chain.js';
import { rowToRecord } from './records.js';
import { keyIdOf, verifyCheckpointSignature } from './signing.js';
import type { AuditRecord } from './types.js';

export type VerifyResult =
  | { ok: true; count: number; checkpoints: number }
  | { ok: false; firstBadSeq: number; reason: string; count: number };

export interface VerifyOptions {
  /** Public keys whose checkpoints are trusted. A checkpoint signed by any other key fails verification. */
  trustedKeys?: readonly KeyObject[];
}

interface Failure {
  seq: number;
  reason: string;
}

/** The chain rules, shared with export verification: feed records in seq order, then call finish(). */
export class ChainChecker {
  private expectedSeq = 1;
  private prev = GENESIS_HASH;
  failure: Failure | null = null;
  /** Hashes at the sequence numbers that checkpoints refer to. */
  readonly hashesAt = new Map<number, string>();

  constructor(
    private readonly tenant: string,
    private readonly wanted: ReadonlySet<number>,
  ) {}

  get count(): number {
    return this.expectedSeq - 1;
  }

  /** Returns false once the chain is broken (later entries prove nothing). */
  add(record: AuditRecord | { seq: number; error: string }): boolean {
    if (this.failure) return false;
    if (record.seq !== this.expectedSeq) {
      return this.fail(
        this.expectedSeq,
        record.seq > this.expectedSeq
          ? `entry ${this.expectedSeq} is missing (deleted); the next stored entry is ${record.seq}`
          : `entry ${record.seq} appears out of order or twice`,
      );
    }
    if ('error' in record) return this.fail(record.seq, `entry ${record.seq} is unreadable: ${record.error} (edited)`);
    if (record.tenant !== this.tenant) return this.fail(record.seq, `entry ${record.seq} belongs to tenant ${record.tenant}`);
    const { hash, ...body } = record;
    if (entryHash(body) !== hash) {
      return this.fail(record.seq, `entry ${record.seq} does not match its hash (contents or hash edited)`);
    }
    if (record.prevHash !== this.prev) {
      return this.fail(
        record.seq,
        `entry ${record.seq} does not link to entry ${record.seq - 1} (entries inserted, reordered or replaced)`,
      );
    }
    if (this.wanted.has(record.seq)) this.hashesAt.set(record.seq, hash);
    this.prev = hash;
    this.expectedSeq += 1;
    return true;
  }

  /** Checks the recorded head (last seq and hash) against what was read. */
  checkHead(head: { seq: number; hash: string } | null): void {
    if (this.failure) return;
    const count = this.count;
    if (!head) {
      if (count > 0) this.fail(1, 'the chain head is missing although entries exist (head deleted)');
      return;
    }
    if (head.seq > count) {
      this.fail(count + 1, `the log ends at entry ${count} but its head records ${head.seq} entries (entries deleted from the end)`);
    } else if (head.seq < count) {
      this.fail(head.seq + 1, `entries after the recorded head ${head.seq} were added outside the log (inserted)`);
    } else if (head.hash !== this.prev) {
      this.fail(Math.max(count, 1), `the chain head's hash does not match entry ${count} (last entry replaced or head edited)`);
    }
  }

  fail(seq: number, reason: string): false {
    this.failure = { seq, reason };
    return false;
  }
}

export interface CheckpointLike {
  tenant: string;
  seq: number;
  hash: string;
  signature: string;
  keyId: string;
}

/**
 * Checks signed checkpoints against the hashes the chain actually has. A chain that was rewritten
 * and re-hashed from some point on passes the link checks but not these.
 */
export function checkCheckpoints(
  checker: ChainChecker,
  checkpoints: readonly CheckpointLike[],
  trustedKeys: readonly KeyObject[],
): Failure | null {
  const keys = new Map(trustedKeys.map((k) => [keyIdOf(k), k]));
  const sorted = [...checkpoints].sort((a, b) => a.seq - b.seq);
  let lastGood = 0;
  const limit = checker.failure ? checker.failure.seq : Infinity;
  for (const c of sorted) {
    if (c.seq >= limit) break;
    const key = keys.get(c.keyId);
    if (!key) {
      return {
        seq: c.seq,
        reason: `checkpoint at entry ${c.seq} is signed by an untrusted key ${c.keyId.slice(0, 16)}…; pass that replica's public key if it is genuine`,
      };
    }
    if (!verifyCheckpointSignature(key, c)) {
      return { seq: c.seq, reason: `checkpoint at entry ${c.seq} has an invalid signature (checkpoint forged or edited)` };
    }
    if (c.seq > checker.count) {
      return {
        seq: checker.count + 1,
        reason: `a signed checkpoint covers entry ${c.seq} but the log ends at entry ${checker.count} (entries deleted)`,
      };
    }
    if (checker.hashesAt.get(c.seq) !== c.hash) {
      return {
        seq: lastGood + 1,
        reason: `entries ${lastGood + 1}..${c.seq} were rewritten: the chain no longer matches the checkpoint signed at entry ${c.seq}`,
      };
    }
    lastGood = c.seq;
  }
  return null;
}

const PAGE = 2000;

/**
 * Runs in one read transaction (a snapshot on both dialects), so appends made while verifying
 * neither break nor hide anything.
 */
export async function verifyChain(store: Store, tenant: string, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const tx = store.db.transaction();
  return (store.dialect === 'postgres' ? tx.setIsolationLevel('repeatable read') : tx).execute((trx) =>
    verifyIn(trx, tenant, opts),
  );
}

async function verifyIn(db: Kysely<Database>, tenant: string, opts: VerifyOptions): Promise<VerifyResult> {
  const cps = await db.selectFrom('audit_checkpoints').selectAll().where('tenant', '=', tenant).execute();
  const checkpoints: CheckpointLike[] = cps.map((c) => ({
    tenant: c.tenant,
    seq: Number(c.seq),
    hash: c.hash,
    signature: c.signature,
    keyId: c.key_id,
  }));
  const checker = new ChainChecker(tenant, new Set(checkpoints.map((c) => c.seq)));
  // The head is read first: entries appended while verifying are beyond it and not judged.
  const headRow = await db.selectFrom('audit_heads').select(['seq', 'hash']).where('tenant', '=', tenant).executeTakeFirst();
  const head = headRow ? { seq: Number(headRow.seq), hash: headRow.hash } : null;
  const upTo = head ? head.seq : Number.MAX_SAFE_INTEGER;
  let after = 0;
  scan: for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('tenant', '=', tenant)
      .where('seq', '>', after)
      .where('seq', '<=', upTo)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      let rec: AuditRecord | { seq: number; error: string };
      try {
        rec = rowToRecord(row);
      } catch (err) {
        rec = { seq: Number(row.seq), error: (err as Error).message };
      }
      if (!checker.add(rec)) break scan;
    }
    if (rows.length < PAGE) break;
    after = Number(rows[rows.length - 1].seq);
  }
  if (!checker.failure && head) {
    // Entries stored beyond the head were not appended through the log.
    const extra = await db
      .selectFrom('audit_events')
      .select('seq')
      .where('tenant', '=', tenant)
      .where('seq', '>', head.seq)
      .orderBy('seq')
      .limit(1)
      .executeTakeFirst();
    if (extra) {
      checker.fail(
        Number(extra.seq),
        `entry ${Number(extra.seq)} is stored beyond the chain head ${head.seq} (inserted outside the log)`,
      );
    }
  }
  checker.checkHead(head);
  const failures = [checker.failure, checkCheckpoints(checker, checkpoints, opts.trustedKeys ?? [])].filter(
    (f): f is Failure => f !== null,
  );
  if (failures.length === 0) return { ok: true, count: checker.count, checkpoints: checkpoints.length };
  const first = failures.reduce((a, b) => (b.seq < a.seq ? b : a));
  return { ok: false, firstBadSeq: first.seq, reason: first.reason, count: checker.count };
}
