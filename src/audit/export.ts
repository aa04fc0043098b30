/**
 * JSONL export of one tenant's chain that a third party can verify with nothing but the file and
 * scripts/verify-audit-export.mjs (node:crypto only). Line 1 is a header, then every entry in order,
 * then every signed checkpoint. The format is documented in docs/architecture/04-storage-and-audit.md.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Store } from '../store/types.js';
import { GENESIS_HASH } from './chain.js';
import { rowToRecord } from './records.js';

export const EXPORT_FORMAT = 'airlock-audit-export';
export const EXPORT_VERSION = 1;

export interface ExportOptions {
  tenant: string;
  /** Public keys (SPKI PEM) to embed, normally the local signing key's. */
  publicKeys?: readonly { keyId: string; pem: string }[];
}

export interface ExportSummary {
  tenant: string;
  count: number;
  head: { seq: number; hash: string };
  checkpoints: number;
}

const PAGE = 2000;

async function writeLine(out: Writable, value: unknown): Promise<void> {
  if (!out.write(JSON.stringify(value) + '\n')) await once(out, 'drain');
}

/**
 * Writes entries 1..head as of the start of the export (a consistent snapshot: one read
 * transaction). Rejects if the store cannot be read or the stream fails; the output is then
 * incomplete and must not be used.
 */
export async function exportJsonl(store: Store, out: Writable, opts: ExportOptions): Promise<ExportSummary> {
  const { tenant } = opts;
  const tx = store.db.transaction();
  return (store.dialect === 'postgres' ? tx.setIsolationLevel('repeatable read') : tx).execute(async (db) => {
    const headRow = await db.selectFrom('audit_heads').select(['seq', 'hash']).where('tenant', '=', tenant).executeTakeFirst();
    const head = headRow ? { seq: Number(headRow.seq), hash: headRow.hash } : { seq: 0, hash: GENESIS_HASH };
    const cps = await db
      .selectFrom('audit_checkpoints')
      .selectAll()
      .where('tenant', '=', tenant)
      .where('seq', '<=', head.seq)
      .orderBy('seq')
      .execute();
    await writeLine(out, {
      kind: 'header',
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      tenant,
      exportedAt: new Date().toISOString(),
      head,
      genesisHash: GENESIS_HASH,
      hashRule: 'hash = sha256_hex(prevHash + canonicalJson(entry without hash)); canonicalJson sorts object keys recursively',
      checkpointRule: 'signature = ed25519(canonicalJson({hash, seq, tenant})), base64; keyId = sha256_hex(SPKI DER)',
      publicKeys: opts.publicKeys ?? [],
    });
    let after = 0;
    let count = 0;
    for (;;) {
      const rows = await db
        .selectFrom('audit_events')
        .selectAll()
        .where('tenant', '=', tenant)
        .where('seq', '>', after)
        .where('seq', '<=', head.seq)
        .orderBy('seq')
        .limit(PAGE)
        .execute();
      for (const row of rows) {
        let entry: unknown;
        try {
          entry = rowToRecord(row);
        } catch {
          // Exported as stored so the verifier reports it, instead of the export hiding it.
          entry = { ...row, seq: Number(row.seq), prevHash: row.prev_hash, prev_hash: undefined, unparsedData: true };
        }
        await writeLine(out, { kind: 'entry', entry });
        count += 1;
      }
      if (rows.length < PAGE) break;
      after = Number(rows[rows.length - 1].seq);
    }
    for (const c of cps) {
      await writeLine(out, {
        kind: 'checkpoint',
        tenant: c.tenant,
        seq: Number(c.seq),
        hash: c.hash,
        signature: c.signature,
        keyId: c.key_id,
        createdAt: c.created_at,
      });
    }
    return { tenant, count, head, checkpoints: cps.length };
  });
}
