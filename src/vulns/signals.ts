/**
 * Supply-chain signals that need no advisory: install scripts, names one or two edits away from a
 * popular MCP package (typosquats), npm's `-security` placeholder versions (what the registry puts in
 * place of a package it removed for being malicious), and packages the lockfile says were not
 * resolved from the npm registry. All are computed from the inventory alone; nothing here uses the
 * network.
 */
import popular from './data/popular-mcp-packages.json' with { type: 'json' };
import type { InventoryPackage } from './inventory.js';
import { normalizeEcosystem, normalizePackageName } from './osv-match.js';

export type SignalKind = 'install-script' | 'typosquat' | 'security-placeholder' | 'not-from-registry';

export interface SupplyChainSignal {
  kind: SignalKind;
  package: string;
  version: string;
  ecosystem: string;
  location: string;
  detail: string;
}

/** Optimal-string-alignment distance (Levenshtein plus adjacent transposition), capped at max+1. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push(new Array<number>(b.length + 1).fill(0));
    rows[i][0] = i;
  }
  for (let j = 0; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2][j - 2] + 1);
      rows[i][j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
  }
  return rows[a.length][b.length];
}

function scopeOf(name: string): string | null {
  return name.startsWith('@') && name.includes('/') ? name.slice(0, name.indexOf('/')) : null;
}

const POPULAR: Record<string, string[]> = { npm: popular.npm, PyPI: popular.PyPI.map((n) => normalizePackageName('PyPI', n)) };

/** The popular package this name imitates, or null. Siblings inside one npm scope are not typosquats: the scope's owner publishes both. */
export function typosquatTarget(ecosystem: string, name: string, list: readonly string[] | undefined = undefined): string | null {
  const eco = normalizeEcosystem(ecosystem);
  const candidates = list ?? POPULAR[eco] ?? [];
  const n = normalizePackageName(eco, name);
  if (n.length < 4 || candidates.includes(n)) return null;
  for (const p of candidates) {
    const sp = scopeOf(p);
    if (sp && sp === scopeOf(n)) continue;
    if (editDistance(n, p) <= 2) return p;
    // The same package name under a look-alike or missing scope: `@modelcontextprotocoI/sdk`, `server-filesystem`.
    if (sp && n === p.slice(sp.length + 1) && n.length >= 8) return p;
  }
  return null;
}

const REGISTRY_HOSTS = ['registry.npmjs.org', 'registry.yarnpkg.com'];

export function supplyChainSignals(packages: readonly InventoryPackage[], opts: { popular?: readonly string[]; registries?: readonly string[] } = {}): SupplyChainSignal[] {
  const out: SupplyChainSignal[] = [];
  const registries = opts.registries ?? REGISTRY_HOSTS;
  for (const p of packages) {
    const base = { package: p.name, version: p.version, ecosystem: p.ecosystem, location: p.location };
    if (p.hasInstallScript) out.push({ kind: 'install-script', ...base, detail: 'declares an install script (Airlock installs with scripts disabled)' });
    const target = typosquatTarget(p.ecosystem, p.name, opts.popular);
    if (target) out.push({ kind: 'typosquat', ...base, detail: `name is within two edits of the popular package ${target}` });
    if (normalizeEcosystem(p.ecosystem) === 'npm' && /^0\.0\.\d+-security(\.\d+)?$/.test(p.version)) {
      out.push({ kind: 'security-placeholder', ...base, detail: 'npm security placeholder: the registry removed this package (usually for malware)' });
    }
    if (p.resolved && normalizeEcosystem(p.ecosystem) === 'npm') {
      let fromRegistry = false;
      try {
        const u = new URL(p.resolved);
        fromRegistry = (u.protocol === 'https:' || u.protocol === 'http:') && registries.includes(u.hostname);
      } catch {
        fromRegistry = false;
      }
      if (!fromRegistry) out.push({ kind: 'not-from-registry', ...base, detail: `lockfile resolves it outside the npm registry (${p.resolved.split(':')[0]})` });
    }
  }
  return out;
}
