/**
 * What an audit entry may say about a finding: where it is, what rule fired, how long the match was
 * and a salted hash that lets an investigator match two findings of the same value — never the value.
 */
import { createHmac } from 'node:crypto';
import type { Finding } from '../inspect/types.js';

export interface AuditFinding {
  engine: string;
  category: string;
  type: string;
  path: string;
  start: number;
  end: number;
  length: number;
  /** First 16 hex digits of HMAC-SHA256(salt, matched text). */
  hash: string;
}

/**
 * `leafText` is the text the finding's offsets point into; `salt` is a per-installation secret
 * (loadOrCreateAuditSalt) so the hash cannot be reversed by hashing guesses without it.
 */
export function findingForAudit(finding: Finding, leafText: string, salt: string): AuditFinding {
  if (salt.length < 16) throw new Error('findingForAudit: salt must be a secret of at least 16 characters');
  const start = Math.max(0, Math.min(finding.start, leafText.length));
  const end = Math.max(start, Math.min(finding.end, leafText.length));
  const matched = leafText.slice(start, end);
  return {
    engine: finding.engine,
    category: finding.category,
    type: finding.type,
    path: finding.path,
    start: finding.start,
    end: finding.end,
    length: end - start,
    hash: createHmac('sha256', salt).update(matched, 'utf8').digest('hex').slice(0, 16),
  };
}
