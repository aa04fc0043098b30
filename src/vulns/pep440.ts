/**
 * PEP 440 version parsing and ordering, as PyPI advisories in OSV require for ECOSYSTEM ranges.
 *
 * Ordering follows the reference implementation (packaging.version): epoch, release with trailing
 * zeros ignored, then pre-release (a < b < rc), post-release, dev-release, and local version label.
 * A dev release of a final version sorts before its first pre-release (1.0.dev0 < 1.0a0 < 1.0).
 */

const PEP440 = new RegExp(
  '^\\s*v?' +
    '(?:(?<epoch>[0-9]+)!)?' +
    '(?<release>[0-9]+(?:\\.[0-9]+)*)' +
    '(?<pre>[-_.]?(?<pre_l>alpha|beta|preview|pre|rc|a|b|c)[-_.]?(?<pre_n>[0-9]+)?)?' +
    '(?<post>(?:-(?<post_n1>[0-9]+))|(?:[-_.]?(?<post_l>post|rev|r)[-_.]?(?<post_n2>[0-9]+)?))?' +
    '(?<dev>[-_.]?(?<dev_l>dev)[-_.]?(?<dev_n>[0-9]+)?)?' +
    '(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?' +
    '\\s*$',
  'i',
);

export interface Pep440Version {
  epoch: bigint;
  release: bigint[];
  /** Pre-release phase: 0 = a, 1 = b, 2 = rc. */
  pre: [number, bigint] | null;
  post: bigint | null;
  dev: bigint | null;
  /** Local label segments: numbers compare numerically and sort above strings. */
  local: (bigint | string)[] | null;
}

const PRE_PHASE: Record<string, number> = { a: 0, alpha: 0, b: 1, beta: 1, c: 2, rc: 2, pre: 2, preview: 2 };

/** Parses a PEP 440 version; returns null when the string is not a valid PEP 440 version. */
export function parsePep440(input: string): Pep440Version | null {
  const m = PEP440.exec(input);
  if (!m || !m.groups) return null;
  const g = m.groups;
  const release = g.release.split('.').map((s) => BigInt(s));
  const pre: [number, bigint] | null = g.pre_l
    ? [PRE_PHASE[g.pre_l.toLowerCase()], BigInt(g.pre_n ?? '0')]
    : null;
  let post: bigint | null = null;
  if (g.post_n1 !== undefined) post = BigInt(g.post_n1);
  else if (g.post_l !== undefined) post = BigInt(g.post_n2 ?? '0');
  const dev = g.dev_l !== undefined ? BigInt(g.dev_n ?? '0') : null;
  const local = g.local
    ? g.local
        .toLowerCase()
        .split(/[-_.]/)
        .map((s) => (/^[0-9]+$/.test(s) ? BigInt(s) : s))
    : null;
  return { epoch: BigInt(g.epoch ?? '0'), release, pre, post, dev, local };
}

function cmpBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function cmpRelease(a: bigint[], b: bigint[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = cmpBig(a[i] ?? 0n, b[i] ?? 0n);
    if (c !== 0) return c;
  }
  return 0;
}

/** Sort key for the pre-release slot: dev-only versions go below every pre-release, finals above. */
function preKey(v: Pep440Version): [number, number, bigint] {
  if (v.pre === null && v.post === null && v.dev !== null) return [-1, 0, 0n];
  if (v.pre === null) return [1, 0, 0n];
  return [0, v.pre[0], v.pre[1]];
}

function cmpLocal(a: (bigint | string)[] | null, b: (bigint | string)[] | null): number {
  if (a === null && b === null) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (typeof x === 'bigint' && typeof y === 'bigint') {
      const c = cmpBig(x, y);
      if (c !== 0) return c;
    } else if (typeof x === 'bigint') return 1;
    else if (typeof y === 'bigint') return -1;
    else if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export function comparePep440Parsed(a: Pep440Version, b: Pep440Version): number {
  let c = cmpBig(a.epoch, b.epoch);
  if (c !== 0) return c;
  c = cmpRelease(a.release, b.release);
  if (c !== 0) return c;
  const pa = preKey(a);
  const pb = preKey(b);
  c = pa[0] - pb[0] || pa[1] - pb[1] || cmpBig(pa[2], pb[2]);
  if (c !== 0) return c;
  // No post-release sorts below any post-release.
  if (a.post !== b.post) {
    if (a.post === null) return -1;
    if (b.post === null) return 1;
    c = cmpBig(a.post, b.post);
    if (c !== 0) return c;
  }
  // No dev-release sorts above any dev-release.
  if (a.dev !== b.dev) {
    if (a.dev === null) return 1;
    if (b.dev === null) return -1;
    c = cmpBig(a.dev, b.dev);
    if (c !== 0) return c;
  }
  return cmpLocal(a.local, b.local);
}

/** Compares two PEP 440 version strings; throws when either is not a valid version. */
export function comparePep440(a: string, b: string): number {
  const pa = parsePep440(a);
  const pb = parsePep440(b);
  if (!pa) throw new Error(`not a PEP 440 version: ${JSON.stringify(a)}`);
  if (!pb) throw new Error(`not a PEP 440 version: ${JSON.stringify(b)}`);
  return comparePep440Parsed(pa, pb);
}

/** PEP 503 project name normalisation: lowercase, runs of `-`, `_`, `.` become one `-`. */
export function normalizePypiName(name: string): string {
  return name.trim().toLowerCase().replace(/[-_.]+/g, '-');
}
