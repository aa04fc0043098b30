/**
 * OSV matching: is this package version affected by this record?
 *
 * Follows the OSV specification's evaluation rules: the package is identified by ecosystem and
 * normalised name; a version is affected when it is listed in `versions` or falls inside ANY range of
 * ANY affected entry. Inside a range the events are sorted by version and walked in order
 * (`introduced` opens, `fixed` closes at that version, `last_affected` closes after it), and `limit`
 * events cap the range. SEMVER ranges use SemVer 2.0 precedence (pre-releases sort below their
 * release); ECOSYSTEM ranges use the ecosystem's own ordering (npm: node-semver, PyPI: PEP 440).
 * GIT ranges cannot be evaluated from a version number and are skipped (OSV exports resolve them to
 * `versions` lists). Withdrawn records never match. `MAL-` records mark malicious packages.
 *
 * Failure contract: when an installed version or a range bound cannot be parsed for the ecosystem,
 * the package is reported as a match with `uncertain` set (never silently clean); callers treat an
 * uncertain match as affected.
 */
import semver from 'semver';
import type { OsvAffected, OsvRecord } from './osv-schema.js';
import { comparePep440Parsed, normalizePypiName, parsePep440, type Pep440Version } from './pep440.js';
import { recordSeverity, type SeverityOrUnknown } from './severity.js';

/** A package as the matcher sees it. Ecosystem names are OSV's (`npm`, `PyPI`, `Go`, `crates.io`, …). */
export interface PackageRef {
  ecosystem: string;
  name: string;
  version: string;
}

export interface VulnMatch {
  advisoryId: string;
  aliases: string[];
  summary: string;
  ecosystem: string;
  package: string;
  version: string;
  /** Smallest fixed version above the installed one, when the advisory names one. */
  fixed: string | null;
  severity: SeverityOrUnknown;
  malicious: boolean;
  /** Set when the version or a bound could not be compared; the match is assumed (fail closed). */
  uncertain?: string;
}

/** Canonical ecosystem spelling: OSV names are case-sensitive, imports are not always. */
export function normalizeEcosystem(ecosystem: string): string {
  const lower = ecosystem.toLowerCase();
  const known: Record<string, string> = {
    npm: 'npm',
    pypi: 'PyPI',
    go: 'Go',
    golang: 'Go',
    'crates.io': 'crates.io',
    cargo: 'crates.io',
    maven: 'Maven',
    nuget: 'NuGet',
    rubygems: 'RubyGems',
    gem: 'RubyGems',
  };
  return known[lower] ?? ecosystem;
}

/** Package name as OSV keys it: PyPI names are PEP 503 normalised; npm names are case-sensitive as published. */
export function normalizePackageName(ecosystem: string, name: string): string {
  const eco = normalizeEcosystem(ecosystem);
  if (eco === 'PyPI') return normalizePypiName(name);
  return name.trim();
}

export function packageKey(ecosystem: string, name: string): string {
  const eco = normalizeEcosystem(ecosystem);
  return `${eco}\u0000${normalizePackageName(eco, name)}`;
}

/** A version comparator for one ordering: parse to an opaque key, compare keys. */
interface Ordering<K> {
  parse(v: string): K | null;
  compare(a: K, b: K): number;
}

const semverOrdering: Ordering<semver.SemVer> = {
  parse(v) {
    return semver.parse(v.startsWith('v') ? v.slice(1) : v);
  },
  compare(a, b) {
    return a.compare(b);
  },
};

const pep440Ordering: Ordering<Pep440Version> = {
  parse: parsePep440,
  compare: comparePep440Parsed,
};

function orderingFor(rangeType: string, ecosystem: string): Ordering<unknown> | null {
  if (rangeType === 'SEMVER') return semverOrdering as Ordering<unknown>;
  if (rangeType !== 'ECOSYSTEM') return null;
  switch (normalizeEcosystem(ecosystem)) {
    case 'npm':
    case 'Go':
    case 'crates.io':
      return semverOrdering as Ordering<unknown>;
    case 'PyPI':
      return pep440Ordering as Ordering<unknown>;
    default:
      return null;
  }
}

const MIN = Symbol('min');
const MAX = Symbol('max');
type Bound = unknown;

interface CompiledEvent {
  kind: 'introduced' | 'fixed' | 'last_affected' | 'limit';
  raw: string;
  key: Bound;
}

interface CompiledRange {
  ordering: Ordering<unknown> | null;
  events: CompiledEvent[];
  limits: CompiledEvent[];
  /** Why this range cannot be evaluated, when it cannot. */
  broken?: string;
}

interface CompiledAffected {
  versions: string[];
  ranges: CompiledRange[];
}

function cmpBound(ord: Ordering<unknown>, a: Bound, b: Bound): number {
  if (a === b) return 0;
  if (a === MIN || b === MAX) return -1;
  if (a === MAX || b === MIN) return 1;
  return ord.compare(a, b);
}

const KIND_ORDER = { introduced: 0, last_affected: 1, fixed: 2, limit: 3 } as const;

function compileAffected(ecosystem: string, a: OsvAffected): CompiledAffected {
  const ranges: CompiledRange[] = [];
  for (const r of a.ranges ?? []) {
    if (r.type === 'GIT') continue;
    const ordering = orderingFor(r.type, ecosystem);
    const compiled: CompiledRange = { ordering, events: [], limits: [] };
    if (!ordering) {
      compiled.broken = `no version ordering for ${r.type} range in ecosystem ${ecosystem}`;
      ranges.push(compiled);
      continue;
    }
    for (const e of r.events) {
      const [kind, raw] = Object.entries(e)[0] as [CompiledEvent['kind'], string];
      let key: Bound;
      if (kind === 'introduced' && raw === '0') key = MIN;
      else if (kind === 'limit' && raw === '*') key = MAX;
      else key = ordering.parse(raw);
      if (key === null) {
        compiled.broken = `unparseable ${kind} bound ${JSON.stringify(raw)}`;
        break;
      }
      (kind === 'limit' ? compiled.limits : compiled.events).push({ kind, raw, key });
    }
    compiled.events.sort((x, y) => cmpBound(ordering, x.key, y.key) || KIND_ORDER[x.kind] - KIND_ORDER[y.kind]);
    ranges.push(compiled);
  }
  return { versions: a.versions ?? [], ranges };
}

type RangeResult = { affected: false } | { affected: true; fixed: string | null } | { uncertain: string };

function evalRange(r: CompiledRange, version: string): RangeResult {
  if (r.broken || !r.ordering) return { uncertain: r.broken ?? 'range cannot be evaluated' };
  const ord = r.ordering;
  const v = ord.parse(version);
  if (v === null) return { uncertain: `installed version ${JSON.stringify(version)} is not valid for this range` };
  if (r.limits.length > 0 && !r.limits.some((l) => cmpBound(ord, v, l.key) < 0)) return { affected: false };
  let affected = false;
  for (const e of r.events) {
    if (e.kind === 'introduced' && cmpBound(ord, v, e.key) >= 0) affected = true;
    else if (e.kind === 'fixed' && cmpBound(ord, v, e.key) >= 0) affected = false;
    else if (e.kind === 'last_affected' && cmpBound(ord, v, e.key) > 0) affected = false;
  }
  if (!affected) return { affected: false };
  const nextFix = r.events.find((e) => e.kind === 'fixed' && cmpBound(ord, e.key, v) > 0);
  return { affected: true, fixed: nextFix ? nextFix.raw : null };
}

function versionListed(ecosystem: string, listed: readonly string[], version: string): boolean {
  if (listed.length === 0) return false;
  if (listed.includes(version)) return true;
  const eco = normalizeEcosystem(ecosystem);
  if (eco === 'PyPI') {
    const v = parsePep440(version);
    return !!v && listed.some((l) => {
      const p = parsePep440(l);
      return !!p && comparePep440Parsed(p, v) === 0;
    });
  }
  if (eco === 'npm' || eco === 'crates.io' || eco === 'Go') {
    const v = semverOrdering.parse(version);
    return !!v && listed.some((l) => semverOrdering.parse(l)?.version === v.version);
  }
  return false;
}

/** One record, reduced to what matching and reporting need. */
export interface AdvisoryMeta {
  id: string;
  aliases: string[];
  summary: string;
  modified: string;
  severity: SeverityOrUnknown;
  malicious: boolean;
}

export function isMaliciousRecord(rec: Pick<OsvRecord, 'id' | 'aliases'>): boolean {
  return rec.id.startsWith('MAL-') || (rec.aliases ?? []).some((a) => a.startsWith('MAL-'));
}

export function advisoryMeta(rec: OsvRecord): AdvisoryMeta {
  const malicious = isMaliciousRecord(rec);
  return {
    id: rec.id,
    aliases: rec.aliases ?? [],
    summary: rec.summary ?? (rec.details ? rec.details.slice(0, 200) : ''),
    modified: rec.modified,
    severity: recordSeverity(rec, malicious),
    malicious,
  };
}

interface IndexEntry {
  meta: AdvisoryMeta;
  ecosystem: string;
  /** The record's affected entries for this package, or their JSON text until first use. */
  raws?: OsvAffected[];
  json?: string;
  compiled?: CompiledAffected[];
}

/**
 * In-memory advisories keyed by (ecosystem, normalised name). Ranges are compiled lazily the first
 * time a package with that key is matched, so loading a large feed costs only the map inserts.
 */
export class AdvisoryIndex {
  private readonly byKey = new Map<string, IndexEntry[]>();
  private readonly keysById = new Map<string, string[]>();

  get size(): number {
    return this.keysById.size;
  }

  /** Adds or replaces a record. Withdrawn records are removed instead. */
  add(rec: OsvRecord): void {
    this.remove(rec.id);
    if (rec.withdrawn) return;
    const meta = advisoryMeta(rec);
    const keys: string[] = [];
    for (const a of rec.affected ?? []) {
      if (!a.package) continue;
      const key = packageKey(a.package.ecosystem, a.package.name);
      let list = this.byKey.get(key);
      if (!list) this.byKey.set(key, (list = []));
      list.push({ meta, ecosystem: normalizeEcosystem(a.package.ecosystem), raws: [a] });
      keys.push(key);
    }
    this.keysById.set(rec.id, keys);
  }

  /**
   * Adds one advisory's affected entries for one package as stored JSON (an array of OSV `affected`
   * objects), parsed only when that package is first matched. The store uses this to load a large
   * feed without parsing every record. `meta` objects may be shared between calls for one advisory.
   */
  addStored(meta: AdvisoryMeta, ecosystem: string, name: string, affectedJson: string): void {
    const key = packageKey(ecosystem, name);
    let list = this.byKey.get(key);
    if (!list) this.byKey.set(key, (list = []));
    list.push({ meta, ecosystem: normalizeEcosystem(ecosystem), json: affectedJson });
    const keys = this.keysById.get(meta.id);
    if (keys) keys.push(key);
    else this.keysById.set(meta.id, [key]);
  }

  remove(id: string): void {
    const keys = this.keysById.get(id);
    if (!keys) return;
    for (const key of new Set(keys)) {
      const list = this.byKey.get(key);
      if (!list) continue;
      const kept = list.filter((e) => e.meta.id !== id);
      if (kept.length) this.byKey.set(key, kept);
      else this.byKey.delete(key);
    }
    this.keysById.delete(id);
  }

  has(id: string): boolean {
    return this.keysById.has(id);
  }

  /** Every advisory that affects this package version (one match per advisory). */
  match(pkg: PackageRef): VulnMatch[] {
    const entries = this.byKey.get(packageKey(pkg.ecosystem, pkg.name));
    if (!entries) return [];
    const found = new Map<string, VulnMatch>();
    for (const entry of entries) {
      if (!entry.compiled) {
        const raws = entry.raws ?? (JSON.parse(entry.json!) as OsvAffected[]);
        entry.compiled = raws.map((a) => compileAffected(entry.ecosystem, a));
        entry.raws = undefined;
        entry.json = undefined;
      }
      let r: { fixed: string | null; uncertain?: string } | null = null;
      for (const c of entry.compiled) {
        const one = evaluateAffected(entry.ecosystem, c, pkg.version);
        if (one && (!r || (r.uncertain && !one.uncertain) || (!r.fixed && one.fixed))) r = one;
      }
      if (!r) continue;
      const prev = found.get(entry.meta.id);
      const m: VulnMatch = {
        advisoryId: entry.meta.id,
        aliases: entry.meta.aliases,
        summary: entry.meta.summary,
        ecosystem: entry.ecosystem,
        package: pkg.name,
        version: pkg.version,
        fixed: r.fixed,
        severity: entry.meta.severity,
        malicious: entry.meta.malicious,
        ...(r.uncertain ? { uncertain: r.uncertain } : {}),
      };
      if (!prev || (prev.uncertain && !m.uncertain)) found.set(entry.meta.id, m);
      else if (prev && !prev.fixed && m.fixed) prev.fixed = m.fixed;
    }
    return [...found.values()];
  }

  matchAll(pkgs: Iterable<PackageRef>): VulnMatch[] {
    const out: VulnMatch[] = [];
    for (const p of pkgs) out.push(...this.match(p));
    return out;
  }
}

function evaluateAffected(
  ecosystem: string,
  c: CompiledAffected,
  version: string,
): { fixed: string | null; uncertain?: string } | null {
  if (versionListed(ecosystem, c.versions, version)) {
    // The listed version is affected; a fix may still be named by a range.
    let fixed: string | null = null;
    for (const r of c.ranges) {
      const res = evalRange(r, version);
      if ('affected' in res && res.affected && res.fixed) fixed = res.fixed;
    }
    return { fixed };
  }
  let uncertain: string | undefined;
  let hit: { fixed: string | null } | null = null;
  for (const r of c.ranges) {
    const res = evalRange(r, version);
    if ('uncertain' in res) uncertain ??= res.uncertain;
    else if (res.affected) {
      if (!hit || (res.fixed && (!hit.fixed || smaller(ecosystem, res.fixed, hit.fixed)))) hit = { fixed: res.fixed };
    }
  }
  if (hit) return hit;
  if (uncertain) return { fixed: null, uncertain };
  return null;
}

function smaller(ecosystem: string, a: string, b: string): boolean {
  const ord = orderingFor('ECOSYSTEM', ecosystem) ?? semverOrdering;
  const pa = ord.parse(a);
  const pb = ord.parse(b);
  return pa !== null && pb !== null && (ord as Ordering<unknown>).compare(pa, pb) < 0;
}

/** Matches one package against one record, without an index (tests, one-off checks). */
export function matchRecord(rec: OsvRecord, pkg: PackageRef): VulnMatch | null {
  const idx = new AdvisoryIndex();
  idx.add(rec);
  return idx.match(pkg)[0] ?? null;
}
