/**
 * Per-sandbox network namespace joined to the host by a veth pair.
 *
 *   host: alkh<id>  <hostIp>/30   ── veth ──   eth0 <sandboxIp>/30   :namespace alk-s-<id>
 *
 * The namespace's default route points at the host end only so that connect() to any address
 * produces a packet the host can redirect (transparent proxy, DNS) or reject; the host never forwards
 * it (ip_forward is left as it is and nftables drops everything forwarded from or to an `alkh*` veth).
 * IPv6 is switched off on the host end, in the namespace, and dropped by nftables.
 *
 * Failure contract: `createSandboxNetwork` either returns a complete network or removes what it made
 * and rejects with the failing command's message. `destroySandboxNetwork` removes everything it can
 * and rejects (listing what remains) only if something could not be removed.
 */
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile, readdir, readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { parseCidr, formatIPv4 } from './address.js';

const exec = promisify(execFile);

export const NETNS_PREFIX = 'alk-s-';
export const HOST_IF_PREFIX = 'alkh';
/** Default pool of /30 links; one per sandbox. */
export const DEFAULT_POOL = '10.237.0.0/16';

export interface SandboxNetwork {
  id: string;
  netnsName: string;
  netnsPath: string;
  hostIf: string;
  hostIp: string;
  sandboxIp: string;
  /** `/etc/netns/<name>/resolv.conf`, bind-mounted by `ip netns exec`; a sandbox driver may bind it too. */
  resolvConfPath: string;
}

async function run(cmd: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await exec(cmd, args, { timeout: 15_000 });
    return stdout;
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(' ')}: ${(e.stderr ?? '').trim() || e.message}`);
  }
}

export const netnsPathOf = (name: string): string => `/run/netns/${name}`;

/**
 * Which process made each sandbox network: `<pid> <start time>` per id. Several Airlock processes
 * (an `airlock up` and any number of `airlock run`) share the host's namespaces and nftables table;
 * leftover cleanup must remove only networks whose maker is gone, never a live one of another process.
 * A fixed path (not the runtime directory, which differs per process) so every Airlock sees every owner.
 */
export const OWNERS_DIR = '/run/airlock-egress-owners';

/** Field 22 of /proc/<pid>/stat (start time in clock ticks): tells a live owner from a reused pid. */
async function processStartTime(pid: number): Promise<string | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (stat === null) return null;
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
}

async function recordOwner(id: string): Promise<void> {
  await mkdir(OWNERS_DIR, { recursive: true, mode: 0o700 });
  await writeFile(`${OWNERS_DIR}/${id}`, `${process.pid} ${await processStartTime(process.pid)}\n`);
}

/** True when the process that made this network still runs (false when unknown: no record). */
export async function ownerIsAlive(id: string): Promise<boolean> {
  const record = await readFile(`${OWNERS_DIR}/${id}`, 'utf8').catch(() => null);
  if (record === null) return false;
  const [pid, start] = record.trim().split(' ');
  if (!pid || !/^\d+$/.test(pid)) return false;
  return (await processStartTime(Number(pid))) === start;
}

let allocating: Promise<unknown> = Promise.resolve();

/** Picks a /30 in the pool whose addresses are not on any host interface. */
async function allocateLink(pool: string): Promise<{ hostIp: string; sandboxIp: string }> {
  const cidr = parseCidr(pool);
  if (!cidr || cidr.family !== 4 || cidr.prefix > 28) throw new Error(`egress pool ${pool} must be an IPv4 CIDR of /28 or larger`);
  const used = new Set<string>();
  const out = await run('ip', ['-o', '-4', 'addr', 'show']);
  for (const m of out.matchAll(/inet (\d+\.\d+\.\d+\.\d+)\//g)) used.add(m[1]);
  const base = ((cidr.bytes[0] << 24) | (cidr.bytes[1] << 16) | (cidr.bytes[2] << 8) | cidr.bytes[3]) >>> 0;
  const slots = 2 ** (32 - cidr.prefix) / 4;
  const toIp = (n: number): string => formatIPv4(new Uint8Array([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]));
  for (let i = 0; i < slots; i++) {
    const hostIp = toIp(base + i * 4 + 1);
    if (!used.has(hostIp)) return { hostIp, sandboxIp: toIp(base + i * 4 + 2) };
  }
  throw new Error(`egress pool ${pool} is exhausted (${slots} sandboxes)`);
}

export async function createSandboxNetwork(opts: { pool?: string; id?: string } = {}): Promise<SandboxNetwork> {
  const id = opts.id ?? randomBytes(4).toString('hex');
  if (!/^[0-9a-f]{8}$/.test(id)) throw new Error('sandbox network id must be 8 hex digits');
  const netnsName = `${NETNS_PREFIX}${id}`;
  const hostIf = `${HOST_IF_PREFIX}${id}`;
  const peerIf = `alks${id}`;
  const resolvDir = `/etc/netns/${netnsName}`;
  // Allocation and address assignment must not interleave between two sandboxes of this process.
  const step = allocating.then(async () => {
    const { hostIp, sandboxIp } = await allocateLink(opts.pool ?? DEFAULT_POOL);
    const net: SandboxNetwork = {
      id,
      netnsName,
      netnsPath: netnsPathOf(netnsName),
      hostIf,
      hostIp,
      sandboxIp,
      resolvConfPath: `${resolvDir}/resolv.conf`,
    };
    try {
      await recordOwner(id);
      await run('ip', ['netns', 'add', netnsName]);
      await run('ip', ['link', 'add', hostIf, 'type', 'veth', 'peer', 'name', peerIf, 'netns', netnsName]);
      await writeFile(`/proc/sys/net/ipv6/conf/${hostIf}/disable_ipv6`, '1');
      await run('ip', ['addr', 'add', `${hostIp}/30`, 'dev', hostIf]);
      await run('ip', ['link', 'set', hostIf, 'up']);
      await run('ip', ['-n', netnsName, 'link', 'set', peerIf, 'name', 'eth0']);
      await run('ip', ['-n', netnsName, 'addr', 'add', `${sandboxIp}/30`, 'dev', 'eth0']);
      await run('ip', ['-n', netnsName, 'link', 'set', 'lo', 'up']);
      await run('ip', ['-n', netnsName, 'link', 'set', 'eth0', 'up']);
      await run('ip', ['-n', netnsName, 'route', 'add', 'default', 'via', hostIp]);
      await run('ip', ['netns', 'exec', netnsName, 'sysctl', '-qw', 'net.ipv6.conf.all.disable_ipv6=1', 'net.ipv6.conf.default.disable_ipv6=1']);
      await mkdir(resolvDir, { recursive: true });
      await writeFile(net.resolvConfPath, `# written by airlock: the only resolver this sandbox can reach\nnameserver ${hostIp}\noptions ndots:1 attempts:2 timeout:2\n`);
      return net;
    } catch (err) {
      await destroySandboxNetwork(net).catch(() => {});
      throw err;
    }
  });
  allocating = step.catch(() => {});
  return step;
}

async function exists(cmd: string, args: string[], needle: RegExp): Promise<boolean> {
  const out = await run(cmd, args).catch(() => '');
  return needle.test(out);
}

export async function destroySandboxNetwork(net: Pick<SandboxNetwork, 'netnsName' | 'hostIf'>): Promise<void> {
  const problems: string[] = [];
  const attempt = async (what: string, fn: () => Promise<unknown>): Promise<void> => {
    try {
      await fn();
    } catch (err) {
      problems.push(`${what}: ${(err as Error).message}`);
    }
  };
  if (await exists('ip', ['-o', 'link', 'show'], new RegExp(`: ${net.hostIf}[@:]`))) {
    await attempt('veth', () => run('ip', ['link', 'del', net.hostIf]));
  }
  if (await exists('ip', ['netns', 'list'], new RegExp(`^${net.netnsName}(\\s|$)`, 'm'))) {
    await attempt('netns', () => run('ip', ['netns', 'del', net.netnsName]));
  }
  await attempt('resolv.conf', () => rm(`/etc/netns/${net.netnsName}`, { recursive: true, force: true }));
  await attempt('owner record', () => rm(`${OWNERS_DIR}/${net.netnsName.slice(NETNS_PREFIX.length)}`, { force: true }));
  if (problems.length > 0) throw new Error(`sandbox network ${net.netnsName} not fully removed: ${problems.join('; ')}`);
}

/** Namespaces and host veths with Airlock's prefixes that exist now, by sandbox id. */
export async function listSandboxNetworkIds(): Promise<string[]> {
  const ids = new Set<string>();
  const ns = await run('ip', ['netns', 'list']).catch(() => '');
  for (const m of ns.matchAll(new RegExp(`^${NETNS_PREFIX}([0-9a-f]{8})\\b`, 'gm'))) ids.add(m[1]);
  const links = await run('ip', ['-o', 'link', 'show']).catch(() => '');
  for (const m of links.matchAll(new RegExp(`: ${HOST_IF_PREFIX}([0-9a-f]{8})[@:]`, 'g'))) ids.add(m[1]);
  const dirs = await readdir('/etc/netns').catch(() => [] as string[]);
  for (const d of dirs) if (d.startsWith(NETNS_PREFIX) && /^[0-9a-f]{8}$/.test(d.slice(NETNS_PREFIX.length))) ids.add(d.slice(NETNS_PREFIX.length));
  return [...ids];
}

export const networkNamesOf = (id: string): { netnsName: string; hostIf: string } => ({
  netnsName: `${NETNS_PREFIX}${id}`,
  hostIf: `${HOST_IF_PREFIX}${id}`,
});
