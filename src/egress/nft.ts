/**
 * nftables rules for egress, all in one table `inet airlock`:
 *
 * - `forward` drops everything that enters or leaves an Airlock veth (`alkh*`), whatever ip_forward says.
 * - `input` sends traffic from a sandbox veth to that sandbox's chain (`sb_<id>_in`), which accepts only
 *   DNS and the proxy ports on the veth's own host address, plus connections Airlock itself redirected;
 *   everything else from the veth — other host addresses, other ports, IPv6, ICMP — is rejected.
 *   A veth without a chain is dropped.
 * - `prerouting` (nat) sends traffic from a sandbox veth to `sb_<id>_pre`, which redirects TCP 80/443 to
 *   the transparent proxy, DNS (any destination) to Airlock's resolver, and allowlisted non-HTTP
 *   (ip, port) pairs to per-pair relays through the map `sb_<id>_tcp`, whose elements expire with the
 *   DNS TTL.
 *
 * Every rule is keyed on the host-side interface name, which the sandbox cannot change. Nothing inside
 * the sandbox namespace is trusted: a root process there can flush its own rules and routes and still
 * reaches nothing but these ports.
 *
 * Failure contract: every function rejects with nft's own message when a rule cannot be applied; the
 * caller must then tear the sandbox network down rather than run without it.
 */
import { spawn } from 'node:child_process';

export const NFT_TABLE = 'airlock';

export function runNft(script: string, args: string[] = ['-f', '-']): Promise<string> {
  return new Promise((resolve, reject) => {
    const useStdin = args.includes('-');
    const p = spawn('nft', args, { stdio: [useStdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    p.once('error', (e) => reject(new Error(`cannot run nft (is nftables installed and are we root?): ${e.message}`)));
    p.once('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`nft failed: ${err.trim() || `exit ${code}`}`))));
    if (p.stdin) {
      // nft may exit (with an error we report from stderr) before reading all of its input.
      p.stdin.on('error', () => {});
      p.stdin.end(script);
    }
  });
}

let chain: Promise<unknown> = Promise.resolve();
/** Serialises rule changes made by this process (check-then-create must not interleave). */
function serial<T>(fn: () => Promise<T>): Promise<T> {
  const next = chain.then(fn, fn);
  chain = next.catch(() => {});
  return next;
}

async function tableExists(): Promise<boolean> {
  try {
    await runNft('', ['list', 'table', 'inet', NFT_TABLE]);
    return true;
  } catch {
    return false;
  }
}

const BASE_TABLE = `
table inet ${NFT_TABLE} {
  map sb_pre { type ifname : verdict; }
  map sb_input { type ifname : verdict; }
  chain prerouting {
    type nat hook prerouting priority dstnat; policy accept;
    iifname vmap @sb_pre
  }
  chain input {
    type filter hook input priority filter; policy accept;
    iifname vmap @sb_input
    iifname "alkh*" drop
  }
  chain forward {
    type filter hook forward priority filter; policy accept;
    iifname "alkh*" drop
    oifname "alkh*" drop
  }
}
`;

export function ensureBaseTable(): Promise<void> {
  return serial(async () => {
    if (!(await tableExists())) await runNft(BASE_TABLE);
  });
}

export interface SandboxRules {
  id: string;
  hostIf: string;
  hostIp: string;
  dnsPort: number;
  explicitPort: number;
  httpPort: number;
  tlsPort: number;
}

export function addSandboxRules(r: SandboxRules): Promise<void> {
  const t = `inet ${NFT_TABLE}`;
  const script = `
add map ${t} sb_${r.id}_tcp { type ipv4_addr . inet_service : inet_service; flags timeout; }
add chain ${t} sb_${r.id}_pre
add rule ${t} sb_${r.id}_pre meta nfproto ipv6 drop
add rule ${t} sb_${r.id}_pre tcp dport 80 redirect to :${r.httpPort}
add rule ${t} sb_${r.id}_pre tcp dport 443 redirect to :${r.tlsPort}
add rule ${t} sb_${r.id}_pre udp dport 53 redirect to :${r.dnsPort}
add rule ${t} sb_${r.id}_pre tcp dport 53 redirect to :${r.dnsPort}
add rule ${t} sb_${r.id}_pre meta l4proto tcp redirect to : ip daddr . tcp dport map @sb_${r.id}_tcp
add chain ${t} sb_${r.id}_in
add rule ${t} sb_${r.id}_in meta nfproto ipv6 drop
add rule ${t} sb_${r.id}_in ip daddr ${r.hostIp} tcp dport { ${r.dnsPort}, ${r.explicitPort}, ${r.httpPort}, ${r.tlsPort} } accept
add rule ${t} sb_${r.id}_in ip daddr ${r.hostIp} udp dport ${r.dnsPort} accept
add rule ${t} sb_${r.id}_in ip daddr ${r.hostIp} meta l4proto tcp ct status dnat accept
add rule ${t} sb_${r.id}_in meta l4proto tcp reject with tcp reset
add rule ${t} sb_${r.id}_in reject with icmpx type admin-prohibited
add element ${t} sb_pre { "${r.hostIf}" : jump sb_${r.id}_pre }
add element ${t} sb_input { "${r.hostIf}" : jump sb_${r.id}_in }
`;
  return serial(() => runNft(script).then(() => undefined));
}

/** Removes one sandbox's chains, map and dispatch entries. Parts already gone are skipped. */
export function removeSandboxRules(id: string, hostIf: string): Promise<void> {
  return serial(async () => {
    if (!(await tableExists())) return;
    const listing = await runNft('', ['list', 'table', 'inet', NFT_TABLE]);
    const t = `inet ${NFT_TABLE}`;
    const lines: string[] = [];
    const has = (s: string): boolean => listing.includes(s);
    if (has(`"${hostIf}" : jump sb_${id}_pre`)) lines.push(`delete element ${t} sb_pre { "${hostIf}" }`);
    if (has(`"${hostIf}" : jump sb_${id}_in`)) lines.push(`delete element ${t} sb_input { "${hostIf}" }`);
    if (has(`chain sb_${id}_pre `)) lines.push(`delete chain ${t} sb_${id}_pre`);
    if (has(`chain sb_${id}_in `)) lines.push(`delete chain ${t} sb_${id}_in`);
    if (has(`map sb_${id}_tcp `)) lines.push(`delete map ${t} sb_${id}_tcp`);
    if (lines.length > 0) await runNft(lines.join('\n') + '\n');
  });
}

/** Sandbox ids that still have rules in the table (for leftover cleanup and tests). */
export async function sandboxIdsWithRules(): Promise<string[]> {
  if (!(await tableExists())) return [];
  const listing = await runNft('', ['list', 'table', 'inet', NFT_TABLE]);
  const ids = new Set<string>();
  for (const m of listing.matchAll(/(?:chain|map) sb_([0-9a-f]+)_(?:pre|in|tcp) /g)) ids.add(m[1]);
  return [...ids];
}

/**
 * Opens (ip, port) for one sandbox until `ttlSeconds` from now by pointing it at a relay port.
 * An existing element is replaced so its timeout restarts.
 */
export function openRelayElement(id: string, ip: string, port: number, relayPort: number, ttlSeconds: number): Promise<void> {
  const t = `inet ${NFT_TABLE}`;
  const el = `${ip} . ${port}`;
  const ttl = Math.max(1, Math.round(ttlSeconds));
  return serial(async () => {
    try {
      await runNft(`add element ${t} sb_${id}_tcp { ${el} timeout ${ttl}s : ${relayPort} }\n`, ['-f', '-']).then(async () => {
        // `add` keeps an existing element's old timeout; replace it so the TTL restarts.
        await runNft(`delete element ${t} sb_${id}_tcp { ${el} }\nadd element ${t} sb_${id}_tcp { ${el} timeout ${ttl}s : ${relayPort} }\n`);
      });
    } catch (err) {
      throw new Error(`cannot open ${ip}:${port} for sandbox ${id}: ${(err as Error).message}`);
    }
  });
}

/** Removes the whole table (only for cleanup of a previous Airlock on this host). */
export function deleteTable(): Promise<void> {
  return serial(async () => {
    if (await tableExists()) await runNft('', ['delete', 'table', 'inet', NFT_TABLE]);
  });
}
