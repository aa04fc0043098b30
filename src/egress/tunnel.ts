/**
 * Names that carry data. A sandbox can try to smuggle data out in the name it asks for — a DNS
 * question, a TLS SNI, an HTTP Host, a CONNECT target — even when the attempt is denied. Such names
 * are recognised here and written to the audit log only as zone, length and hash.
 */
import { createHash } from 'node:crypto';

function shannon(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** Heuristic for names that carry encoded data: long labels, long names, or random-looking labels. */
export function looksLikeTunnel(name: string): boolean {
  if (name.length > 100) return true;
  for (const label of name.split('.')) {
    if (label.length > 40) return true;
    if (label.length >= 16 && shannon(label) >= 3.5) return true;
    if (label.length >= 16 && /^[0-9a-f]+$/i.test(label)) return true;
    if (label.length >= 20 && /^[a-z2-7]+=*$/i.test(label) && /[2-7]/.test(label) && shannon(label) >= 3.2) return true;
  }
  return false;
}

/** What the audit log may say about a name: suspected tunnels only by zone, length and hash. */
export function loggableName(name: string, suspect: boolean): string {
  if (!suspect) return name.slice(0, 253);
  // The zone is kept only when it cannot itself carry much: two short, plain labels.
  const zoneLabels = name.toLowerCase().split('.').filter((l) => l.length > 0).slice(-2);
  const plain = zoneLabels.length > 0 && zoneLabels.every((l) => /^[a-z0-9-]{1,24}$/.test(l));
  const zone = plain && !looksLikeTunnel(zoneLabels.join('.')) ? zoneLabels.join('.') : 'unreadable';
  const digest = createHash('sha256').update(name).digest('hex').slice(0, 16);
  return `[len=${name.length} sha256=${digest}].${zone}`;
}

/** Matches what `loggableName` produces for a suspect name (so it is not reduced twice). */
export const LOGGABLE_SUSPECT = /^\[len=\d{1,5} sha256=[0-9a-f]{16}\]\.[a-z0-9-]{1,24}(\.[a-z0-9-]{1,24})?$/;
