/**
 * Name resolution for egress. The proxy and the DNS server both resolve through here, so the sandbox
 * and the proxy agree on which addresses a name has. Static answers from `egress.resolve` win; other
 * names go to an injected upstream (node:dns in production).
 */
import { Resolver } from 'node:dns/promises';
import { normalizeName, type EgressPolicy } from './config.js';

export interface Resolution {
  /** IPv4 and IPv6 addresses, IPv4 first. */
  addresses: string[];
  /** Seconds the answer may be used for. */
  ttl: number;
}

/** Upstream resolver: rejects when the name does not exist or cannot be resolved. */
export type UpstreamResolver = (name: string) => Promise<Resolution>;

/** TTL given to static `egress.resolve` answers. */
export const STATIC_TTL_SECONDS = 30;
const MIN_TTL = 5;
const MAX_TTL = 300;

/** Production upstream: the host's resolvers via c-ares, IPv4 and IPv6, with TTLs clamped to 5–300 s. */
export function createSystemResolver(servers?: string[]): UpstreamResolver {
  const r = new Resolver({ timeout: 3000, tries: 2 });
  if (servers) r.setServers(servers);
  return async (name) => {
    const [v4, v6] = await Promise.allSettled([r.resolve4(name, { ttl: true }), r.resolve6(name, { ttl: true })]);
    const recs = [...(v4.status === 'fulfilled' ? v4.value : []), ...(v6.status === 'fulfilled' ? v6.value : [])];
    if (recs.length === 0) {
      const reason = v4.status === 'rejected' ? v4.reason : new Error(`no addresses for ${name}`);
      throw reason instanceof Error ? reason : new Error(String(reason));
    }
    const ttl = Math.min(...recs.map((x) => x.ttl));
    return { addresses: recs.map((x) => x.address), ttl: Math.max(MIN_TTL, Math.min(MAX_TTL, ttl)) };
  };
}

/** An upstream that knows nothing: every name fails. Used when only static answers are wanted. */
export const noUpstream: UpstreamResolver = async (name) => {
  throw new Error(`no upstream resolver configured for ${name}`);
};

/** Resolves a name under a policy: static answers first, then the upstream. */
export async function resolveForPolicy(name: string, policy: EgressPolicy, upstream: UpstreamResolver): Promise<Resolution> {
  const n = normalizeName(name);
  if (!n) throw new Error(`invalid name ${JSON.stringify(name)}`);
  const fixed = policy.resolve.get(n);
  if (fixed) return { addresses: [...fixed].sort((a, b) => Number(b.includes('.')) - Number(a.includes('.'))), ttl: STATIC_TTL_SECONDS };
  return upstream(n);
}
