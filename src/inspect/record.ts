/**
 * What may be recorded about a finding: where it is, which rule fired, how long the match was and a
 * keyed hash that lets an investigator tell two findings of the same value apart from different
 * ones — never the value itself.
 */
import { createHmac } from 'node:crypto';
import type { Action, Finding } from './types.js';

export interface RecordedFinding {
  engine: string;
  category: string;
  type: string;
  path: string;
  start: number;
  end: number;
  length: number;
  /** First 16 hex digits of HMAC-SHA256(salt, matched text). */
  hash: string;
  score: number;
  action: Action;
}

/**
 * `leafText` is the text the finding's offsets point into; `salt` is a per-installation secret, so
 * the hash cannot be reversed by hashing guesses without it.
 */
export function recordFinding(finding: Finding, leafText: string, salt: string): RecordedFinding {
  const start = Math.max(0, Math.min(finding.start, leafText.length));
  const end = Math.max(start, Math.min(finding.end, leafText.length));
  return {
    engine: finding.engine,
    category: finding.category,
    type: finding.type,
    path: finding.path,
    start: finding.start,
    end: finding.end,
    length: end - start,
    hash: createHmac('sha256', salt).update(leafText.slice(start, end), 'utf8').digest('hex').slice(0, 16),
    score: finding.score,
    action: finding.action,
  };
}
