/**
 * The vulnerability guard as `airlock up` runs it: installs configured `package:` servers into their
 * own pinned prefixes, evaluates every server against the advisory store at start, after each feed
 * refresh and after each install, keeps quarantine state fresh for the relay, and stops a server's
 * sessions the moment it is quarantined.
 *
 * Failure contract: a package server that cannot be installed or whose installation no longer
 * matches its pin is quarantined by the guard (inventory unreadable), never started unscanned.
 */
import type { Gateway } from './http-front.js';
import { ErrorCode } from './jsonrpc.js';
import type { Runtime } from './runtime.js';
import { serverPrefix } from './start-server.js';
import {
  AdvisoryIndex,
  applyEvaluation,
  evaluate,
  feedStatus,
  guardServers,
  installServer,
  PIN_FILE,
  quarantinePolicyFromConfig,
  scheduleFeedRefresh,
  verifyInstall,
  webhookNotifier,
  type GuardedServer,
  type QuarantineEvent,
} from '../vulns/index.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const quarantineListeners = new WeakMap<Runtime, (event: QuarantineEvent) => void>();

function packageServers(runtime: Runtime): GuardedServer[] {
  return Object.entries(runtime.config.servers)
    .filter(([, s]) => s.package)
    .map(([name]) => ({ name, source: { npmDir: serverPrefix(runtime.home, name) } }));
}

async function notify(runtime: Runtime, event: QuarantineEvent): Promise<void> {
  quarantineListeners.get(runtime)?.(event);
  const url = runtime.config.vulns.webhook;
  if (url) await webhookNotifier(url)(event);
}

/** Re-evaluates every package server now; returns how many are quarantined. */
export async function evaluateServers(runtime: Runtime): Promise<number> {
  const servers = packageServers(runtime);
  if (servers.length === 0) return 0;
  const tenant = runtime.config.gateway.tenant;
  const policy = quarantinePolicyFromConfig(runtime.config.vulns);
  const notifyAll = (e: QuarantineEvent) => notify(runtime, e);
  // The tree on disk is only what was scanned while it still matches its pin; an installation that
  // does not (missing, lockfile edited, package swapped) is evaluated as unreadable, i.e. quarantined.
  const verified: GuardedServer[] = [];
  let quarantined = 0;
  for (const s of servers) {
    const problem = await verifyInstall(serverPrefix(runtime.home, s.name)).then(
      () => null,
      (err: Error) => err.message,
    );
    if (problem === null) {
      verified.push(s);
      continue;
    }
    const evaluation = evaluate({ ok: false, error: problem }, new AdvisoryIndex(), policy);
    await applyEvaluation(runtime.store, s.name, evaluation, { audit: runtime.audit, tenant, notify: notifyAll });
    quarantined++;
  }
  const results = await guardServers(runtime.store, verified, { audit: runtime.audit, tenant, policy, notify: notifyAll });
  await runtime.quarantine.refresh(Object.keys(runtime.config.servers));
  return quarantined + results.filter((r) => r.state?.state === 'quarantined' || r.error).length;
}

export async function prepareVulnerabilityGuard(runtime: Runtime, log = (l: string) => process.stderr.write(`airlock: ${l}\n`)): Promise<void> {
  const { config } = runtime;
  for (const [name, server] of Object.entries(config.servers)) {
    if (!server.package) continue;
    const prefix = serverPrefix(runtime.home, name);
    if (!existsSync(join(prefix, PIN_FILE))) {
      log(`installing ${server.package} for ${name} (scripts disabled, pinned by lockfile)`);
      try {
        await installServer({ prefix, spec: server.package, audit: runtime.audit, server: name });
      } catch (err) {
        log(`cannot install ${name}: ${(err as Error).message}`);
      }
    } else {
      await verifyInstall(prefix).catch((err: Error) => log(`${name}: ${err.message}`));
    }
  }
  const quarantined = await evaluateServers(runtime);
  if (quarantined > 0) log(`${quarantined} server(s) quarantined; see \`airlock audit tail\` and \`airlock vulns status\``);
  const status = await feedStatus(runtime.store, { maxAgeMs: config.vulns.feed.maxAgeHours * 3600_000 });
  if (status.warning) {
    log(`warning: ${status.warning}`);
    await runtime.audit.append({ type: 'vulns.feed.stale', tenant: config.gateway.tenant, actor: 'system', data: { warning: status.warning, ageMs: status.ageMs } });
  }
  for (const source of config.vulns.feed.sources) {
    scheduleFeedRefresh({
      store: runtime.store,
      source,
      audit: runtime.audit,
      intervalMs: config.vulns.feed.refreshHours * 3600_000,
      maxAgeMs: config.vulns.feed.maxAgeHours * 3600_000,
      onUpdated: async () => {
        await evaluateServers(runtime);
      },
    });
  }
  runtime.quarantine.start(Object.keys(config.servers));
}

/**
 * Ends every open session of a server as soon as it is quarantined (its sandboxes stop with them):
 * at once for a quarantine this process applies, and within one watch interval for one applied
 * elsewhere (the CLI, another replica), which only the quarantine watch can see.
 */
export function stopOnQuarantine(runtime: Runtime, gateway: Gateway): void {
  const closing = new Map<string, Promise<void>>();
  const stop = (server: string, why = `the ${server} server was quarantined; see \`airlock vulns status\``): void => {
    if (closing.has(server)) return;
    const done = gateway
      .closeServer(server, why, ErrorCode.Quarantined)
      .catch((err: Error) => {
        process.stderr.write(`airlock: cannot stop the sandboxes of quarantined ${server}: ${err.message}\n`);
      })
      .finally(() => closing.delete(server));
    closing.set(server, done);
  };
  quarantineListeners.set(runtime, (event) => {
    if (event.type === 'vulns.quarantine' || event.type === 'vulns.quarantine.update') stop(event.server);
  });
  runtime.quarantine.onQuarantined((server, refusal) => stop(server, refusal.message));
}
