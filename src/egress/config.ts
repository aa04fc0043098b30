/**
 * Per-server egress configuration (`egress:` in airlock.yaml) and the matcher that decides whether a
 * name and port may be reached.
 *
 * Entries are exact FQDNs with an optional port (`api.github.com`, `db.internal:5432`). Without a
 * port an entry allows 443 and 80. `*.example.com` (only with `allowWildcards: true`) matches one or
 * more labels under example.com — `a.example.com`, `a.b.example.com` — and never `example.com`
 * itself. Address literals are never entries: internal addresses are opened with `allowPrivate`.
 */
import { z } from 'zod';
import { isAddressLiteral, parseCidr, parseIPv4Strict, parseIPv6, type Cidr } from './address.js';

export const DEFAULT_PORTS: readonly number[] = [443, 80];
export const DEFAULT_MAX_HOSTS = 10;

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;

/** Lower-cases and strips one trailing dot. Returns null when the text is not a valid DNS name. */
export function normalizeName(name: string): string | null {
  const n = name.trim().toLowerCase().replace(/\.$/, '');
  if (n.length === 0 || n.length > 253) return null;
  if (isAddressLiteral(n)) return null;
  const labels = n.split('.');
  if (!labels.every((l) => LABEL.test(l))) return null;
  // A numeric top label is an address in disguise for some resolvers.
  if (/^[0-9]+$/.test(labels[labels.length - 1])) return null;
  return n;
}

export interface AllowEntry {
  /** The name as written, lower-cased (`*.example.com` or `api.example.com`). */
  pattern: string;
  /** For wildcards, the suffix after `*.`. */
  suffix?: string;
  ports: readonly number[];
}

export function parseAllowEntry(text: string): AllowEntry | { error: string } {
  const raw = text.trim().toLowerCase();
  let host = raw;
  let ports: readonly number[] = DEFAULT_PORTS;
  const m = /^(.*):(\d{1,5})$/.exec(raw);
  if (m) {
    host = m[1];
    const port = Number(m[2]);
    if (port < 1 || port > 65535) return { error: `port out of range in "${text}"` };
    ports = [port];
  }
  if (host.includes(':') || host.startsWith('[')) return { error: `"${text}" is an address; use egress.allowPrivate for addresses` };
  if (host.startsWith('*.')) {
    const suffix = normalizeName(host.slice(2));
    if (!suffix) return { error: `"${text}" is not a valid wildcard name` };
    return { pattern: `*.${suffix}`, suffix, ports };
  }
  if (host.includes('*')) return { error: `"${text}": a wildcard may only be the whole leftmost label (*.example.com)` };
  if (isAddressLiteral(host)) return { error: `"${text}" is an address; use egress.allowPrivate for addresses` };
  const name = normalizeName(host);
  if (!name) return { error: `"${text}" is not a valid host name` };
  return { pattern: name, ports };
}

const ipSchema = z.string().refine((s) => parseIPv4Strict(s) !== null || parseIPv6(s) !== null, {
  message: 'must be an IPv4 or IPv6 address',
});

export const egressConfigSchema = z
  .object({
    allow: z.array(z.string()).default([]).describe('Exact FQDN[:port] entries; no port means 443 and 80.'),
    resolve: z
      .record(z.string(), z.union([ipSchema, z.array(ipSchema).min(1)]))
      .default({})
      .describe('Static answers {name: ip}; used before any upstream lookup (internal names, tests).'),
    allowPrivate: z
      .array(z.string().refine((s) => parseCidr(s) !== null, { message: 'must be a CIDR such as 10.1.2.0/24' }))
      .default([])
      .describe('Private, loopback or link-local ranges the server may reach (metadata hosts only as /32 or /128).'),
    maxHosts: z.number().int().min(1).max(10000).default(DEFAULT_MAX_HOSTS),
    allowWildcards: z.boolean().default(false),
  })
  .strict()
  .superRefine((cfg, ctx) => {
    if (cfg.allow.length > cfg.maxHosts) {
      ctx.addIssue({
        code: 'custom',
        path: ['allow'],
        message: `${cfg.allow.length} entries exceed egress.maxHosts (${cfg.maxHosts}); raise maxHosts deliberately if this is intended`,
      });
    }
    cfg.allow.forEach((entry, i) => {
      const parsed = parseAllowEntry(entry);
      if ('error' in parsed) ctx.addIssue({ code: 'custom', path: ['allow', i], message: parsed.error });
      else if (parsed.suffix && !cfg.allowWildcards) {
        ctx.addIssue({ code: 'custom', path: ['allow', i], message: `"${entry}" is a wildcard; set egress.allowWildcards: true to permit it` });
      }
    });
    for (const name of Object.keys(cfg.resolve)) {
      if (!normalizeName(name)) ctx.addIssue({ code: 'custom', path: ['resolve', name], message: `"${name}" is not a valid host name` });
    }
  });

export type EgressConfigInput = z.input<typeof egressConfigSchema>;
export type EgressConfig = z.output<typeof egressConfigSchema>;

/** The compiled, ready-to-match form of an EgressConfig. */
export interface EgressPolicy {
  readonly entries: readonly AllowEntry[];
  readonly resolve: ReadonlyMap<string, readonly string[]>;
  readonly allowPrivate: readonly Cidr[];
}

const compiled = new WeakMap<EgressConfig, EgressPolicy>();

/**
 * Compiles a parsed config. Cached per config object, so calling it on every connection is cheap.
 * Throws when the config was not produced by `egressConfigSchema` (fail closed: callers refuse).
 */
export function compileEgressPolicy(config: EgressConfig): EgressPolicy {
  const hit = compiled.get(config);
  if (hit) return hit;
  const entries: AllowEntry[] = [];
  for (const e of config.allow) {
    const p = parseAllowEntry(e);
    if ('error' in p) throw new Error(`invalid egress.allow entry: ${p.error}`);
    if (p.suffix && !config.allowWildcards) throw new Error(`wildcard "${e}" needs egress.allowWildcards: true`);
    entries.push(p);
  }
  if (entries.length > config.maxHosts) throw new Error(`egress.allow has more than maxHosts (${config.maxHosts}) entries`);
  const resolve = new Map<string, string[]>();
  for (const [name, ips] of Object.entries(config.resolve)) {
    const n = normalizeName(name);
    if (!n) throw new Error(`invalid egress.resolve name "${name}"`);
    resolve.set(n, Array.isArray(ips) ? [...ips] : [ips]);
  }
  const allowPrivate = config.allowPrivate.map((c) => {
    const parsed = parseCidr(c);
    if (!parsed) throw new Error(`invalid egress.allowPrivate CIDR "${c}"`);
    return parsed;
  });
  const policy: EgressPolicy = { entries, resolve, allowPrivate };
  compiled.set(config, policy);
  return policy;
}

/** Does an entry cover this (already normalised) name? */
export function entryMatchesName(entry: AllowEntry, name: string): boolean {
  if (entry.suffix) return name.endsWith(`.${entry.suffix}`) && name.length > entry.suffix.length + 1;
  return entry.pattern === name;
}

/** Is any port of this name allowed (used by DNS, which does not know the port yet)? */
export function isNameAllowed(name: string, policy: EgressPolicy): boolean {
  const n = normalizeName(name);
  if (!n) return false;
  return policy.entries.some((e) => entryMatchesName(e, n));
}

/** The ports the policy opens for this name (union over matching entries). */
export function allowedPorts(name: string, policy: EgressPolicy): number[] {
  const n = normalizeName(name);
  if (!n) return [];
  const ports = new Set<number>();
  for (const e of policy.entries) if (entryMatchesName(e, n)) e.ports.forEach((p) => ports.add(p));
  return [...ports].sort((a, b) => a - b);
}

/** The allowlist decision: may `name:port` be reached under this policy? Address literals never are. */
export function isAllowed(name: string, port: number, policy: EgressPolicy): boolean {
  const n = normalizeName(name);
  if (!n) return false;
  return policy.entries.some((e) => e.ports.includes(port) && entryMatchesName(e, n));
}

/** Reads the current policy through the caller's getter; a getter that throws is a refusal. */
export type EgressPolicyGetter = () => EgressConfig;

export function currentPolicy(getter: EgressPolicyGetter): EgressPolicy {
  return compileEgressPolicy(getter());
}
