/**
 * Starts one configured server for a session: remote servers through the SDK's client transports,
 * stdio servers inside the sandbox tier their configuration asks for. Every start is audited with
 * the tier it got; the development-only `process` tier also prints a warning each time.
 */
import type { ServerConfig } from '../policy/schema.js';
import { openVault, resolveSecretRefs, secretRefsIn } from '../vault/index.js';
import { resolveDriver } from './drivers.js';
import { buildSandboxSpec } from './launch.js';
import type { Runtime } from './runtime.js';
import { startRemoteUpstream, startStdioUpstream, type Upstream } from './upstream.js';

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
  const driver = await resolveDriver(server.isolation);
  if (driver.kind === 'process') {
    log(`WARNING: ${name} runs with isolation "process": no sandbox at all. It can read your files and keys and reach any host. Use it for development only.`);
  }
  // Recorded before the start, so an audit store that cannot append refuses the launch.
  await runtime.audit.append({ type: 'sandbox.start', tenant, server: name, session, data: { isolation: driver.kind, command: server.command, insecure: driver.kind === 'process' } });
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
  const spec = buildSandboxSpec({ name, server, isolation: driver.kind, home: runtime.home, env });
  const upstream = await startStdioUpstream({
    driver,
    spec,
    maxMessageBytes: runtime.config.gateway.maxMessageBytes,
    onStderr: (line) => process.stderr.write(`[${name}] ${line}\n`),
  });
  return { ...upstream, knownSecrets };
}
