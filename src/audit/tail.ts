/** Reading the log back: the last N entries, and following new ones as they are committed. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Store } from '../store/types.js';
import { rowToRecord } from './records.js';
import type { AuditRecord } from './types.js';

export async function lastEntries(store: Store, tenant: string, n: number): Promise<AuditRecord[]> {
  const rows = await store.db
    .selectFrom('audit_events')
    .selectAll()
    .where('tenant', '=', tenant)
    .orderBy('seq', 'desc')
    .limit(Math.max(0, Math.floor(n)))
    .execute();
  return rows.reverse().map(rowToRecord);
}

/** Entries after `afterSeq`, oldest first, up to `limit`. */
export async function entriesAfter(store: Store, tenant: string, afterSeq: number, limit = 1000): Promise<AuditRecord[]> {
  const rows = await store.db
    .selectFrom('audit_events')
    .selectAll()
    .where('tenant', '=', tenant)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map(rowToRecord);
}

/**
 * Yields the last `n` entries, then (when `follow`) every new entry as it is committed, by any
 * process, until `signal` aborts. Polls: works the same on both dialects and across processes.
 */
export async function* tailEntries(
  store: Store,
  opts: { tenant: string; n?: number; follow?: boolean; signal?: AbortSignal; pollMs?: number },
): AsyncGenerator<AuditRecord> {
  let last = 0;
  for (const r of await lastEntries(store, opts.tenant, opts.n ?? 20)) {
    last = r.seq;
    yield r;
  }
  if (!opts.follow) return;
  if (last === 0) {
    const head = await store.db.selectFrom('audit_heads').select('seq').where('tenant', '=', opts.tenant).executeTakeFirst();
    last = head ? Number(head.seq) : 0;
  }
  while (!opts.signal?.aborted) {
    const batch = await entriesAfter(store, opts.tenant, last);
    for (const r of batch) {
      last = r.seq;
      yield r;
    }
    if (batch.length === 0) {
      try {
        await sleep(opts.pollMs ?? 250, undefined, { signal: opts.signal });
      } catch {
        return;
      }
    }
  }
}
