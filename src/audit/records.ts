import type { AuditEventsTable } from '../store/schema.js';
import type { AuditRecord } from './types.js';

export function recordToRow(r: AuditRecord, dataJson: string): AuditEventsTable {
  return {
    tenant: r.tenant,
    seq: r.seq,
    ts: r.ts,
    type: r.type,
    server: r.server,
    session: r.session,
    actor: r.actor,
    data: dataJson,
    prev_hash: r.prevHash,
    hash: r.hash,
  };
}

/** Throws when the stored data is not valid JSON (a sign of tampering); verify catches it. */
export function rowToRecord(row: AuditEventsTable): AuditRecord {
  return {
    tenant: row.tenant,
    seq: Number(row.seq),
    ts: row.ts,
    type: row.type,
    server: row.server,
    session: row.session,
    actor: row.actor,
    data: JSON.parse(row.data) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
