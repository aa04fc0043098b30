/**
 * What an audit entry may say about a finding (see inspect/record.ts, which the pipeline uses for
 * every message): location, rule, length and a salted hash — never the value.
 */
import { recordFinding, type RecordedFinding } from '../inspect/record.js';
import type { Finding } from '../inspect/types.js';

export type AuditFinding = Omit<RecordedFinding, 'score' | 'action'>;

/** `salt` must be the installation's secret (loadOrCreateAuditSalt). */
export function findingForAudit(finding: Finding, leafText: string, salt: string): AuditFinding {
  if (salt.length < 16) throw new Error('findingForAudit: salt must be a secret of at least 16 characters');
  const { score: _score, action: _action, ...recorded } = recordFinding(finding, leafText, salt);
  return recorded;
}
