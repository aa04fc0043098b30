/**
 * Egress control for one sandbox: the entry point the gateway calls at sandbox launch.
 *
 * `prepareEgress` builds the sandbox's network namespace and veth, starts its DNS resolver, explicit
 * and transparent proxies and non-HTTP relays on the veth host address, and installs the nftables
 * rules that make them the only things the namespace can reach. The sandbox driver then runs the
 * server inside `netnsPath` with `env` added to its environment.
 *
 * Failure contract: `prepareEgress` either returns a fully enforced network or rejects after removing
 * everything it created; it never returns a namespace whose rules are missing. The policy is read
 * through `policyGetter` on every new connection and DNS query, so a policy change applies to new
 * connections without a restart; a getter that throws denies.
 */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { allowedPorts, compileEgressPolicy, type EgressConfig } from './config.js';
import { createEgressDns } from './dns.js';
import { decideConnection } from './decide.js';
import { createEventEmitter, type EgressEventSink } from './events.js';
import { BRIDGE_INSIDE_DIR, BRIDGE_INSIDE_PORT, BRIDGE_LAUNCHER_NAME, BRIDGE_LAUNCHER_SOURCE, BRIDGE_SOCKET_NAME } from './bridge.js';
import { addSandboxRules, ensureBaseTable, openRelayElement, removeSandboxRules, sandboxIdsWithRules } from './nft.js';
import { parseCidr } from './address.js';
import { DEFAULT_POOL, createSandboxNetwork, destroySandboxNetwork, listSandboxNetworkIds, networkNamesOf, ownerIsAlive, type SandboxNetwork } from './netns.js';
import { createEgressProxy } from './proxy.js';
import { createRelayManager } from './relay.js';
import { createSystemResolver, type UpstreamResolver } from './resolve.js';

export { egressConfigSchema, compileEgressPolicy, isAllowed, type EgressConfig, type EgressConfigInput, type EgressPolicy } from './config.js';
export { egressDenialCount, egressDenialCounts, type EgressEvent, type EgressEventSink } from './events.js';
export { BRIDGE_INSIDE_DIR, BRIDGE_INSIDE_PORT } from './bridge.js';
export { classifyAddress, checkDialAddress } from './address.js';
export { createSystemResolver, type UpstreamResolver } from './resolve.js';

export interface PrepareEgressOptions {
  server: string;
  session: string;
  /** Returns the server's current egress config; called on every new connection and DNS query. */
  policyGetter: () => EgressConfig;
  /**
   * Receives every attempt, allowed or denied. Wire it to the audit log and return the append's
   * promise: an allowed proxy connection is dialled at once but relays nothing until the record is
   * written, and is closed when the record fails (fail closed).
   */
  onEvent: EgressEventSink;
  /** Called when `onEvent` throws or its promise rejects (the gateway should treat it as an audit failure). */
  onSinkError?: (err: unknown) => void;
  /** Upstream DNS for names without a static `egress.resolve` answer. Defaults to the host's resolvers. */
  upstream?: UpstreamResolver;
  /** IPv4 pool carved into /30 links, default 10.237.0.0/16. */
  pool?: string;
}

export interface PreparedEgress {
  /** Pass to the sandbox driver: `network: { mode: 'namespace', netnsPath }`. */
  netnsPath: string;
  netnsName: string;
  /** resolv.conf naming Airlock's resolver; bind it at /etc/resolv.conf inside the sandbox. */
  resolvConfPath: string;
  hostAddress: string;
  sandboxAddress: string;
  /** `http://<host address>:<port>` of the explicit proxy. */
  proxyUrl: string;
  /** Variables to add to the sandboxed server's environment. */
  env: Record<string, string>;
  ports: { dns: number; explicit: number; http: number; tls: number };
  /** Stops everything and removes the namespace, veth and rules. Idempotent. */
  close(): Promise<void>;
}

/**
 * Proxy variables for the runtimes servers are written in. Node 20's built-in fetch (undici) and
 * `http.request` ignore all of them; the transparent redirect of TCP 80/443 polices those clients.
 */
export function egressEnv(proxyUrl: string): Record<string, string> {
  const u = new URL(proxyUrl);
  const noProxy = 'localhost,127.0.0.1,::1';
  return {
    HTTP_PROXY: proxyUrl,
    HTTPS_PROXY: proxyUrl,
    http_proxy: proxyUrl,
    https_proxy: proxyUrl,
    ALL_PROXY: proxyUrl,
    all_proxy: proxyUrl,
    NO_PROXY: noProxy,
    no_proxy: noProxy,
    // Node >= 24 honours this for fetch and http; harmless before.
    NODE_USE_ENV_PROXY: '1',
    // The `global-agent` package (used by several Node CLIs) reads these.
    GLOBAL_AGENT_HTTP_PROXY: proxyUrl,
    GLOBAL_AGENT_NO_PROXY: noProxy,
    npm_config_proxy: proxyUrl,
    npm_config_https_proxy: proxyUrl,
    // JVM ignores the *_PROXY variables.
    JAVA_TOOL_OPTIONS: `-Dhttp.proxyHost=${u.hostname} -Dhttp.proxyPort=${u.port} -Dhttps.proxyHost=${u.hostname} -Dhttps.proxyPort=${u.port}`,
  };
}

const RELAYED_PORTS_EXCLUDED = new Set([80, 443, 53]);

export async function prepareEgress(opts: PrepareEgressOptions): Promise<PreparedEgress> {
  const emit = createEventEmitter({ server: opts.server, session: opts.session }, opts.onEvent, opts.onSinkError);
  const upstream = opts.upstream ?? createSystemResolver();
  const pool = parseCidr(opts.pool ?? DEFAULT_POOL);
  if (!pool) throw new Error(`egress pool ${opts.pool} is not a CIDR`);
  const never = [pool];
  await ensureBaseTable();
  const net: SandboxNetwork = await createSandboxNetwork({ pool: opts.pool });

  const relays = createRelayManager({
    host: net.hostIp,
    policyGetter: opts.policyGetter,
    onEvent: emit,
    openRedirect: (ip, port, relayPort, ttl) => openRelayElement(net.id, ip, port, relayPort, ttl),
    never,
  });
  const dns = createEgressDns({
    policyGetter: opts.policyGetter,
    upstream,
    onEvent: emit,
    never,
    onAnswer: async (name, addresses, ttl, policy) => {
      const ports = allowedPorts(name, policy).filter((p) => !RELAYED_PORTS_EXCLUDED.has(p));
      for (const ip of addresses) for (const port of ports) await relays.open(name, ip, port, ttl);
    },
  });
  const proxy = createEgressProxy({
    filter: async (req) => decideConnection(req.name, req.port, compileEgressPolicy(opts.policyGetter()), upstream, never),
    onEvent: emit,
  });

  let closed: Promise<void> | null = null;
  const close = (): Promise<void> =>
    (closed ??= (async () => {
      const results = await Promise.allSettled([proxy.close(), dns.close(), relays.close()]);
      // Rules and network are removed even when a listener failed to close; every failure is reported.
      results.push(...(await Promise.allSettled([removeSandboxRules(net.id, net.hostIf)])));
      results.push(...(await Promise.allSettled([destroySandboxNetwork(net)])));
      const failures = results.flatMap((r) => (r.status === 'rejected' ? [String((r.reason as Error)?.message ?? r.reason)] : []));
      if (failures.length > 0) throw new Error(`egress teardown for ${opts.server} incomplete: ${failures.join('; ')}`);
    })());

  try {
    const dnsPort = await listenDns(dns, net.hostIp);
    const ports = await proxy.listen({ host: net.hostIp, explicitPort: 0, httpPort: 0, tlsPort: 0 });
    await addSandboxRules({
      id: net.id,
      hostIf: net.hostIf,
      hostIp: net.hostIp,
      dnsPort,
      explicitPort: ports.explicitPort,
      httpPort: ports.httpPort,
      tlsPort: ports.tlsPort,
    });
    const proxyUrl = `http://${net.hostIp}:${ports.explicitPort}`;
    return {
      netnsPath: net.netnsPath,
      netnsName: net.netnsName,
      resolvConfPath: net.resolvConfPath,
      hostAddress: net.hostIp,
      sandboxAddress: net.sandboxIp,
      proxyUrl,
      env: egressEnv(proxyUrl),
      ports: { dns: dnsPort, explicit: ports.explicitPort, http: ports.httpPort, tls: ports.tlsPort },
      close,
    };
  } catch (err) {
    await close().catch(() => {});
    throw new Error(`egress for ${opts.server} could not be prepared: ${(err as Error).message}`);
  }
}

/** The UDP port is ephemeral; TCP must get the same number, so retry a few times on a clash. */
async function listenDns(dns: ReturnType<typeof createEgressDns>, host: string): Promise<number> {
  let lastErr: unknown;
  for (let i = 0; i < 5; i++) {
    try {
      return await dns.listen(host, 0);
    } catch (err) {
      lastErr = err;
      await dns.close().catch(() => {});
    }
  }
  throw lastErr instanceof Error ? lastErr : new Error(String(lastErr));
}

/**
 * Removes namespaces, veths, resolv.conf directories and nft rules left by an Airlock that was killed.
 * Call once at startup, before any sandbox starts. By default it spares networks whose making process
 * still runs (another `airlock up` or `airlock run` on the same host); `only` replaces that test
 * with the caller's own choice of ids.
 */
export async function cleanupEgressLeftovers(only?: (id: string) => boolean): Promise<string[]> {
  const ids = new Set([...(await listSandboxNetworkIds()), ...(await sandboxIdsWithRules())]);
  const removed: string[] = [];
  for (const id of ids) {
    if (only ? !only(id) : await ownerIsAlive(id)) continue;
    const names = networkNamesOf(id);
    await removeSandboxRules(id, names.hostIf);
    await destroySandboxNetwork(names);
    removed.push(id);
  }
  return removed;
}

export interface PreparedEgressBridge {
  /** Host directory (0700) holding the proxy's Unix socket and the in-sandbox launcher. */
  dir: string;
  /** Unix socket serving the explicit proxy (host path). */
  socketPath: string;
  /** Bind this into the sandbox: the bridge directory at BRIDGE_INSIDE_DIR, read-only. */
  mount: { source: string; target: string; readOnly: true };
  /** Proxy variables naming the bridge inside the sandbox (`http://127.0.0.1:3128`). */
  env: Record<string, string>;
  /**
   * The command the sandbox runs instead of the server's: `node <launcher> <socket> 3128 <command> <args…>`,
   * which starts the loopback bridge and then the server as its child, sharing its stdio.
   */
  wrap(command: string, args: readonly string[]): { command: string; args: string[] };
  close(): Promise<void>;
}

/**
 * Egress for the rootless bwrap tier (no root, so no namespace, veth or nftables of ours): the sandbox
 * has no network but its own loopback (`--unshare-net`) and reaches only Airlock's explicit proxy,
 * through a Unix socket bound into it and a small bridge listening on 127.0.0.1:3128 inside. There is
 * no DNS and no transparent redirect in this tier: a client that ignores the proxy variables cannot
 * connect at all (fail closed, but also: such servers do not work here), and non-HTTP ports are not
 * available. Every CONNECT and absolute-URI request is decided and audited exactly as in the
 * namespace tier.
 *
 * `nodePath` is the Node binary that runs the launcher inside the sandbox (default: this process's);
 * it must be visible there (not under a masked path such as /home or /root).
 *
 * Failure contract: rejects after removing what it made when the socket or launcher cannot be written.
 */
export async function prepareEgressBridge(
  opts: Omit<PrepareEgressOptions, 'pool'> & { socketDir: string; nodePath?: string },
): Promise<PreparedEgressBridge> {
  const emit = createEventEmitter({ server: opts.server, session: opts.session }, opts.onEvent, opts.onSinkError);
  const upstream = opts.upstream ?? createSystemResolver();
  const dir = await mkdtemp(join(opts.socketDir, 'egress-'));
  const socketPath = join(dir, BRIDGE_SOCKET_NAME);
  const never = [parseCidr(DEFAULT_POOL)!];
  const proxy = createEgressProxy({
    filter: async (req) => decideConnection(req.name, req.port, compileEgressPolicy(opts.policyGetter()), upstream, never),
    onEvent: emit,
  });
  let closed: Promise<void> | null = null;
  const close = (): Promise<void> =>
    (closed ??= (async () => {
      await proxy.close();
      await rm(dir, { recursive: true, force: true });
    })());
  try {
    await writeFile(join(dir, BRIDGE_LAUNCHER_NAME), BRIDGE_LAUNCHER_SOURCE, { mode: 0o444 });
    await proxy.listenUnix(socketPath);
    // The directory (0700) keeps other host users out; the socket itself must be usable by the
    // sandbox's uid once bound inside.
    await chmod(socketPath, 0o666);
  } catch (err) {
    await close().catch(() => {});
    throw new Error(`egress bridge for ${opts.server} could not be prepared: ${(err as Error).message}`);
  }
  const node = opts.nodePath ?? process.execPath;
  return {
    dir,
    socketPath,
    mount: { source: dir, target: BRIDGE_INSIDE_DIR, readOnly: true },
    env: egressEnv(`http://127.0.0.1:${BRIDGE_INSIDE_PORT}`),
    wrap: (command, args) => ({
      command: node,
      args: [join(BRIDGE_INSIDE_DIR, BRIDGE_LAUNCHER_NAME), join(BRIDGE_INSIDE_DIR, BRIDGE_SOCKET_NAME), String(BRIDGE_INSIDE_PORT), command, ...args],
    }),
    close,
  };
}
