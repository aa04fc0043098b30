/** The hash-chain rule shared by append, verify and the standalone export verifier. */
import * as crypto from 'node:crypto';
import { canonicalJson } from './canonicalJson.js';
import type { AuditRecord } from './types.js';

/** prevHash of every tenant's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** hash = sha256(prevHash + canonicalJson(entry without hash)). */
export function entryHash(entry: Omit<AuditRecord, 'hash'>): string {
  const body = {
    tenant: entry.tenant,
    seq: entry.seq,
    ts: entry.ts,
    type: entry.type,
    server: entry.server,
    session: entry.session,
    actor: entry.actor,
    data: entry.data,
    prevHash: entry.prevHash,
  };
  return sha256Hex(entry.prevHash + canonicalJson(body));
}

/**
 * entryHash for an entry whose data is already in canonical JSON (the append hot path computes it
 * once for storage). Builds the same bytes as canonicalJson(body): keys in sorted order.
 */
export function entryHashWithData(entry: Omit<AuditRecord, 'hash' | 'data'>, dataJson: string): string {
  const s = JSON.stringify;
  const body =
    `{"actor":${s(entry.actor)},"data":${dataJson},"prevHash":${s(entry.prevHash)},"seq":${s(entry.seq)},` +
    `"server":${s(entry.server)},"session":${s(entry.session)},"tenant":${s(entry.tenant)},"ts":${s(entry.ts)},"type":${s(entry.type)}}`;
  return sha256Hex(entry.prevHash + body);
}

/**
 * SHA-256 of a string's UTF-8 bytes, hex. crypto.hash (Node 20.12+) hashes in one native call, a few
 * times faster than a Hash object for the short inputs of the append path; createHash is the fallback.
 */
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;
const sha256Hex: (text: string) => string = oneShot
  ? (text) => oneShot('sha256', text, 'hex')
  : (text) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

/** The bytes a checkpoint signature covers. */
export function checkpointMessage(tenant: string, seq: number, hash: string): Buffer {
  return Buffer.from(canonicalJson({ tenant, seq, hash }), 'utf8');
}
