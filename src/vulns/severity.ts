/**
 * Severity of an OSV record as one of low/medium/high/critical.
 *
 * Sources, in order: a textual severity the database curated (`database_specific.severity`, as GitHub
 * advisories carry, or the same field on the affected entry / `ecosystem_specific`), a CVSS v3.x vector
 * (base score computed exactly per the FIRST specification), a CVSS v4.0 vector (conservative
 * approximation from its base metrics — the exact v4 score needs FIRST's macro-vector table; the
 * approximation rounds towards the higher rating so it never under-rates), then CVSS v2.
 * A record with none of these has severity `unknown`; the quarantine policy decides how to treat it.
 */

export type Severity = 'low' | 'medium' | 'high' | 'critical';
export type SeverityOrUnknown = Severity | 'unknown';

export const SEVERITY_RANK: Record<SeverityOrUnknown, number> = {
  unknown: -1,
  low: 1,
  medium: 2,
  high: 3,
  critical: 4,
};

export function ratingFromScore(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  return 'low';
}

function metrics(vector: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of vector.split('/')) {
    const i = part.indexOf(':');
    if (i > 0) out.set(part.slice(0, i), part.slice(i + 1));
  }
  return out;
}

/** CVSS v3.1 "Roundup" (avoids floating point artefacts, section 7.4 of the spec). */
function roundup(x: number): number {
  const i = Math.round(x * 100000);
  return i % 10000 === 0 ? i / 100000 : (Math.floor(i / 10000) + 1) / 10;
}

/** Base score of a CVSS v3.0/v3.1 vector, or null when the vector is incomplete. */
export function cvss3BaseScore(vector: string): number | null {
  if (!/^CVSS:3\.[01]\//.test(vector)) return null;
  const m = metrics(vector);
  const AV = { N: 0.85, A: 0.62, L: 0.55, P: 0.2 }[m.get('AV') ?? ''];
  const AC = { L: 0.77, H: 0.44 }[m.get('AC') ?? ''];
  const UI = { N: 0.85, R: 0.62 }[m.get('UI') ?? ''];
  const S = m.get('S');
  const changed = S === 'C';
  const PR = changed
    ? { N: 0.85, L: 0.68, H: 0.5 }[m.get('PR') ?? '']
    : { N: 0.85, L: 0.62, H: 0.27 }[m.get('PR') ?? ''];
  const cia = { H: 0.56, L: 0.22, N: 0 };
  const C = cia[(m.get('C') ?? '') as keyof typeof cia];
  const I = cia[(m.get('I') ?? '') as keyof typeof cia];
  const A = cia[(m.get('A') ?? '') as keyof typeof cia];
  if ([AV, AC, UI, PR, C, I, A].some((v) => v === undefined) || (S !== 'U' && S !== 'C')) return null;
  const iss = 1 - (1 - C!) * (1 - I!) * (1 - A!);
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
  const exploitability = 8.22 * AV! * AC! * PR! * UI!;
  if (impact <= 0) return 0;
  return changed ? roundup(Math.min(1.08 * (impact + exploitability), 10)) : roundup(Math.min(impact + exploitability, 10));
}

/** Base score of a CVSS v2 vector, or null when the vector is incomplete. */
export function cvss2BaseScore(vector: string): number | null {
  const m = metrics(vector.replace(/^\(|\)$/g, ''));
  const AV = { L: 0.395, A: 0.646, N: 1.0 }[m.get('AV') ?? ''];
  const AC = { H: 0.35, M: 0.61, L: 0.71 }[m.get('AC') ?? ''];
  const Au = { M: 0.45, S: 0.56, N: 0.704 }[m.get('Au') ?? ''];
  const cia = { N: 0, P: 0.275, C: 0.66 };
  const C = cia[(m.get('C') ?? '') as keyof typeof cia];
  const I = cia[(m.get('I') ?? '') as keyof typeof cia];
  const A = cia[(m.get('A') ?? '') as keyof typeof cia];
  if ([AV, AC, Au, C, I, A].some((v) => v === undefined)) return null;
  const impact = 10.41 * (1 - (1 - C!) * (1 - I!) * (1 - A!));
  const expl = 20 * AV! * AC! * Au!;
  const f = impact === 0 ? 0 : 1.176;
  return Math.round((0.6 * impact + 0.4 * expl - 1.5) * f * 10) / 10;
}

/**
 * Conservative rating of a CVSS v4.0 vector from its base metrics. High confidentiality, integrity or
 * availability impact on the vulnerable system is `high`, `critical` when it is also reachable over the
 * network without privileges, user interaction or attack requirements. Low impact only is `medium`.
 */
export function cvss4Rating(vector: string): Severity | null {
  if (!vector.startsWith('CVSS:4.0/')) return null;
  const m = metrics(vector);
  const need = ['AV', 'AC', 'AT', 'PR', 'UI', 'VC', 'VI', 'VA', 'SC', 'SI', 'SA'];
  if (need.some((k) => !m.has(k))) return null;
  const vImpact = ['VC', 'VI', 'VA'].map((k) => m.get(k));
  const sImpact = ['SC', 'SI', 'SA'].map((k) => m.get(k));
  const highCount = vImpact.filter((v) => v === 'H').length;
  const easy = m.get('AV') === 'N' && m.get('AC') === 'L' && m.get('AT') === 'N' && m.get('PR') === 'N' && m.get('UI') === 'N';
  if (highCount > 0) return easy && (highCount >= 2 || sImpact.includes('H')) ? 'critical' : 'high';
  if (vImpact.includes('L') || sImpact.includes('H')) return 'medium';
  return 'low';
}

function textual(value: unknown): Severity | null {
  if (typeof value !== 'string') return null;
  switch (value.trim().toUpperCase()) {
    case 'CRITICAL':
      return 'critical';
    case 'HIGH':
    case 'IMPORTANT':
      return 'high';
    case 'MODERATE':
    case 'MEDIUM':
      return 'medium';
    case 'LOW':
    case 'NEGLIGIBLE':
      return 'low';
    default:
      return null;
  }
}

export interface SeveritySources {
  severity?: readonly { type: string; score: string }[];
  database_specific?: Record<string, unknown>;
  affected?: readonly { database_specific?: Record<string, unknown>; ecosystem_specific?: Record<string, unknown>; severity?: readonly { type: string; score: string }[] }[];
}

/** Severity of one record; malicious records are always critical. */
export function recordSeverity(rec: SeveritySources, malicious: boolean): SeverityOrUnknown {
  if (malicious) return 'critical';
  const curated = textual(rec.database_specific?.severity);
  if (curated) return curated;
  for (const a of rec.affected ?? []) {
    const s = textual(a.database_specific?.severity) ?? textual(a.ecosystem_specific?.severity);
    if (s) return s;
  }
  const vectors = [...(rec.severity ?? []), ...(rec.affected ?? []).flatMap((a) => a.severity ?? [])];
  let best: SeverityOrUnknown = 'unknown';
  const consider = (s: Severity | null) => {
    if (s && SEVERITY_RANK[s] > SEVERITY_RANK[best]) best = s;
  };
  for (const v of vectors.filter((x) => x.type === 'CVSS_V3')) {
    const score = cvss3BaseScore(v.score);
    if (score !== null) consider(ratingFromScore(score));
  }
  if (best !== 'unknown') return best;
  for (const v of vectors.filter((x) => x.type === 'CVSS_V4')) consider(cvss4Rating(v.score));
  if (best !== 'unknown') return best;
  for (const v of vectors.filter((x) => x.type === 'CVSS_V2')) {
    const score = cvss2BaseScore(v.score);
    if (score !== null) consider(ratingFromScore(score));
  }
  return best;
}
