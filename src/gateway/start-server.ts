/**
 * Starts one configured server for a session: remote servers through the SDK's client transports,
 * stdio servers inside the sandbox tier their configuration asks for. Every start is audited with
 * the tier it got; the development-only `process` tier also prints a warning each time.
 */
import type { ServerConfig } from '../policy/schema.js';
import { resolveSecretRefs, secretRefsIn } from '../vault/index.js';
import { admission, serverEntryPoint, verifyInstall } from '../vulns/index.js';
import { join } from 'node:path';
import { prepareEgress, prepareEgressBridge, type EgressEvent, type PreparedEgress, type PreparedEgressBridge } from '../egress/index.js';
import { EgressLedger, runtimeDirFor } from './leftovers.js';
import { resolveDriver } from './drivers.js';
import { buildSandboxSpec } from './launch.js';
import type { Runtime } from './runtime.js';
import { startRemoteUpstream, startStdioUpstream, upstreamFromSandbox, type Upstream } from './upstream.js';
import { WarmPool } from '../sandbox/index.js';
import { preInitializedUpstream, preInitializer } from './pre-initialized.js';

export interface StartServerInput {
  runtime: Runtime;
  name: string;
  server: ServerConfig;
  session: string;
  log?: (line: string) => void;
}

export async function startServerUpstream(i: StartServerInput): Promise<Upstream> {
  const { runtime, name, server, session } = i;
  const log = i.log ?? ((line: string) => process.stderr.write(`airlock: ${line}\n`));
  const tenant = runtime.config.gateway.tenant;
  if (server.url) {
    const upstream = await startRemoteUpstream({ url: server.url, transport: server.transport ?? 'streamable-http', headers: server.headers });
    await runtime.audit.append({ type: 'upstream.start', tenant, server: name, session, data: { kind: 'remote', origin: new URL(server.url).origin } });
    return upstream;
  }
  // A quarantined server is not started at all (QuarantinedError names the advisory and the fix).
  await admission(runtime.store, name, { tenant });
  const launch = await resolveLaunch(runtime.home, name, server);
  const driver = await resolveDriver(server.isolation, runtime.home);
  if (driver.kind === 'process') {
    log(`WARNING: ${name} runs with isolation "process": no sandbox at all. It can read your files and keys and reach any host. Use it for development only.`);
  }
  // Without root, bwrap has no cgroup (rlimits only, by the server's explicit opt-in) and egress goes
  // through the Unix-socket bridge instead of a network namespace (docs/adr/0005).
  const rootless = driver.kind === 'bwrap' && process.getuid?.() !== 0;
  const rlimitsOnly = rootless && server.sandbox.rootless === 'rlimits-only';
  if (rlimitsOnly) {
    log(`WARNING: ${name} runs under bwrap without root: rlimits only (no CPU cap, memory per process, pids per user), as its sandbox.rootless: rlimits-only asks.`);
  }
  // Recorded before the start, so an audit store that cannot append refuses the launch.
  await runtime.audit.append({ type: 'sandbox.start', tenant, server: name, session, data: { isolation: driver.kind, command: launch.command, package: launch.pinned ?? undefined, insecure: driver.kind === 'process', ...(rlimitsOnly ? { limits: 'rlimits-only' } : {}), ...(server.egress ? { egress: rootless ? 'bridge' : 'namespace' } : {}) } });
  // Secrets are decrypted here, in memory, only for this server and only what its config names.
  let env = server.env;
  let knownSecrets: { name: string; value: string }[] = [];
  if (secretRefsIn(env).length > 0) {
    const vault = await runtime.vault();
    const resolved = await resolveSecretRefs(env, vault, tenant);
    env = resolved.env;
    knownSecrets = resolved.knownSecrets;
    await runtime.audit.append({ type: 'secret.inject', tenant, server: name, session, data: { injected: resolved.injected } });
  }
  let egress: PreparedEgress | null = null;
  let bridge: PreparedEgressBridge | null = null;
  const ledger = EgressLedger.of(runtime.home);
  if (server.egress) {
    if (driver.kind === 'process') {
      throw new Error(`${name} has an egress allowlist, which is enforced only under isolation gvisor or bwrap; the process tier has no network boundary`);
    }
    const egressOptions = {
      server: name,
      session,
      // Read on every new connection and DNS query: a policy change applies without a restart.
      policyGetter: () => runtime.config.servers[name]?.egress ?? server.egress!,
      // The append's promise goes back to the proxy: it dials at once but relays nothing until the
      // record is written, and closes the connection when it cannot be (fail closed).
      onEvent: (e: EgressEvent) =>
        runtime.audit
          .append({ type: `egress.${e.kind}`, tenant, server: name, session, actor: 'system', data: { name: e.name, port: e.port, ip: e.ip, decision: e.decision, reason: e.reason, qtype: e.qtype } })
          .catch((err: Error) => {
            log(`egress event of ${name} not recorded (connection closed): ${err.message}`);
            throw err;
          }),
    };
    if (rootless) {
      bridge = await prepareEgressBridge({ ...egressOptions, socketDir: runtimeDirFor(runtime.home) });
      env = { ...env, ...bridge.env };
    } else {
      egress = await prepareEgress(egressOptions);
      env = { ...env, ...egress.env };
      ledger.add(egress.netnsName);
    }
  }
  const spec = buildSandboxSpec({
    name,
    server: { ...server, command: launch.command, args: launch.args },
    isolation: driver.kind,
    home: runtime.home,
    env,
    ...(egress ? { network: { mode: 'namespace' as const, netnsPath: egress.netnsPath } } : {}),
  });
  if (launch.prefix) spec.mounts.push({ source: launch.prefix, target: launch.prefix, readOnly: true });
  if (egress) spec.mounts.push({ source: egress.resolvConfPath, target: '/etc/resolv.conf', readOnly: true });
  if (bridge) {
    // The sandbox runs the bridge launcher, which starts the loopback bridge and then the server.
    Object.assign(spec, bridge.wrap(spec.command, spec.args));
    spec.mounts.push(bridge.mount);
  }
  const pool = egress || bridge ? undefined : runtime.pools.get(name);
  let upstream: Upstream;
  try {
    const stdio = { maxMessageBytes: runtime.config.gateway.maxMessageBytes, onStderr: (line: string) => process.stderr.write(`[${name}] ${line}\n`) };
    if (pool) {
      const sandbox = await pool.acquire();
      // A pre-initialized sandbox answers the client's initialize from its handshake; a client
      // asking for another protocol version gets a cold start of the same spec instead.
      upstream =
        preInitializedUpstream(sandbox, {
          coldStart: () => startStdioUpstream({ driver, spec, ...stdio }),
          log: (line) => log(`${name}: ${line}`),
          onRefused: (method, capability) => {
            void runtime.audit
              .append({ type: 'message.refused', tenant, server: name, session, data: { dir: 's2c', method, reason: `client did not declare ${capability}` } })
              .catch((err: Error) => log(`refusal of ${method} for ${name} not recorded: ${err.message}`));
          },
        }) ?? upstreamFromSandbox(sandbox, stdio);
      return { ...upstream, knownSecrets };
    }
    upstream = await startStdioUpstream({ driver, spec, ...stdio });
  } catch (err) {
    if (egress) {
      await egress.close();
      ledger.remove(egress.netnsName);
    }
    await bridge?.close();
    throw err;
  }
  if (!egress && !bridge) return { ...upstream, knownSecrets };
  const network = egress;
  const release = async () => {
    await bridge?.close();
    if (network) {
      await network.close();
      ledger.remove(network.netnsName);
    }
  };
  void upstream.exited.then(release);
  return {
    ...upstream,
    knownSecrets,
    stop: async () => {
      await upstream.stop();
      await release();
    },
  };
}

/** Where Airlock installs a `package:` server. */
export function serverPrefix(home: string, name: string): string {
  return join(home, 'servers', name);
}

interface Launch {
  command: string;
  args: string[];
  /** name@version of an installed package server. */
  pinned?: string;
  /** Its install prefix, bound read-only into the sandbox. */
  prefix?: string;
}

/**
 * What to execute. A `package:` server runs from its pinned installation only, after checking that
 * the installed lockfile is still the one that was scanned; it is never fetched at start.
 */
async function resolveLaunch(home: string, name: string, server: ServerConfig): Promise<Launch> {
  if (!server.package) return { command: server.command!, args: server.args };
  const prefix = serverPrefix(home, name);
  const pin = await verifyInstall(prefix).catch((err: Error) => {
    throw new Error(`${err.message} (run \`airlock servers install ${name}\`, or start \`airlock up\`, which installs configured packages)`);
  });
  const entry = await serverEntryPoint(prefix, pin, server.bin);
  return { command: process.execPath, args: [entry, ...server.args], pinned: `${pin.name}@${pin.version}`, prefix };
}

/**
 * A pooled session's handshake completes within tens of milliseconds; the replacement sandbox's
 * boot (about a second of both cores here) waits this long so it does not slow that handshake.
 */
const REFILL_DELAY_MS = 250;

export interface WarmPoolStartOptions {
  /**
   * Complete the MCP handshake while a sandbox waits (default true), so a session's initialize is
   * answered at once (see pre-initialized.ts). false keeps only the runtime booted.
   */
  preInitialize?: boolean;
}

/**
 * Starts warm pools for servers that ask for them (`sandbox.warm`): booted, MCP-initialized
 * sandboxes wait, so a new session skips the runtime's cold start and the server's own start-up.
 * Servers with an egress allowlist are not pooled (their network namespace is made per session),
 * nor are package servers before their install is verified.
 */
export async function startWarmPools(runtime: Runtime, log: (line: string) => void, opts: WarmPoolStartOptions = {}): Promise<void> {
  const tenant = runtime.config.gateway.tenant;
  for (const [name, server] of Object.entries(runtime.config.servers)) {
    if (server.url || server.egress || server.sandbox.warm === 0 || server.scope === 'shared') continue;
    try {
      const launch = await resolveLaunch(runtime.home, name, server);
      const driver = await resolveDriver(server.isolation, runtime.home);
      let env = server.env;
      if (secretRefsIn(env).length > 0) env = (await resolveSecretRefs(env, await runtime.vault(), tenant)).env;
      const spec = buildSandboxSpec({ name, server: { ...server, command: launch.command, args: launch.args }, isolation: driver.kind, home: runtime.home, env });
      if (launch.prefix) spec.mounts.push({ source: launch.prefix, target: launch.prefix, readOnly: true });
      const prepare =
        opts.preInitialize === false
          ? undefined
          : preInitializer({ maxMessageBytes: runtime.config.gateway.maxMessageBytes, onStderr: (line) => process.stderr.write(`[${name}] ${line}\n`) });
      const pool = new WarmPool({
        driver,
        spec,
        size: server.sandbox.warm,
        ...(prepare ? { prepare, refillDelayMs: REFILL_DELAY_MS } : {}),
        onError: (err) => log(`warm pool of ${name}: ${err.message}`),
      });
      pool.start();
      runtime.pools.set(name, pool);
      await runtime.audit.append({ type: 'sandbox.pool', tenant, server: name, actor: 'system', data: { isolation: driver.kind, size: server.sandbox.warm, preInitialized: prepare !== undefined } });
    } catch (err) {
      log(`no warm pool for ${name}: ${(err as Error).message}`);
    }
  }
}
