/**
 * Builds the relay for one client session of one server, with everything that guards it: tool
 * policy and pinning, and the session knowledge the inspection engines use.
 */
import type { Endpoint } from './endpoint.js';
import { PinRepository } from './pins/repository.js';
import { RelaySession, type Refusal, type RelayHooks } from './relay.js';
import type { Runtime } from './runtime.js';
import { ToolGuard, listAllTools } from './tool-guard.js';
import type { Upstream } from './upstream.js';
import type { ServerConfig } from '../policy/schema.js';

export interface SessionInput {
  runtime: Runtime;
  name: string;
  server: ServerConfig;
  session: string;
  client: Endpoint;
  upstream: Upstream;
  log: (line: string) => void;
}

export function createRelaySession(i: SessionInput): RelaySession {
  const { runtime, name, server, session } = i;
  const cfg = runtime.config;
  const tenant = cfg.gateway.tenant;
  const guard = new ToolGuard({
    tenant,
    server: name,
    session,
    filter: server.tools,
    pins: server.pin ? new PinRepository(runtime.store) : null,
    audit: runtime.audit,
    scan: (tools) => runtime.pipeline.inspectMessage({ tools }, { surface: 'description', server: name, method: 'tools/list', tools: runtime.tools.all() }).recorded,
    onExposed: (names) => runtime.tools.set(name, names),
    judge: (tool) => {
      const r = runtime.pipeline.inspectMessage(tool, { surface: 'description', server: name, method: 'tools/list', tools: runtime.tools.all() });
      return { verdict: r.verdict, findings: r.recorded };
    },
  });
  const ownHosts = ownHostsOf(server);
  const relay = new RelaySession({
    tenant,
    server: name,
    session,
    client: i.client,
    upstream: i.upstream.endpoint,
    pipeline: runtime.pipeline,
    audit: runtime.audit,
    maxDepth: cfg.gateway.maxDepth,
    unknownMethods: cfg.gateway.unknownMethods,
    context: () => ({ knownSecrets: i.upstream.knownSecrets, tools: runtime.tools.all(), ownHosts }),
    hooks: withQuarantine(guard.hooks(), () => runtime.quarantine.check(name)),
    log: i.log,
  });
  guard.useLister(() => listAllTools((method, params) => relay.internalRequest(method, params)));
  return relay;
}

/** Every request is first refused while the server is quarantined, then goes through the tool guard. */
function withQuarantine(hooks: RelayHooks, check: () => Refusal | null | Promise<Refusal | null>): RelayHooks {
  const next = hooks.admitRequest;
  return {
    ...hooks,
    admitRequest: (req) => {
      const q = check();
      if (q instanceof Promise) return q.then((r) => r ?? (next ? next(req) : null));
      if (q) return q;
      return next ? next(req) : null;
    },
  };
}

/** Hosts that belong to the server itself: a link to them in its results is not exfiltration. */
function ownHostsOf(server: ServerConfig): string[] {
  const hosts: string[] = [];
  if (server.url) hosts.push(new URL(server.url).hostname);
  return hosts;
}
