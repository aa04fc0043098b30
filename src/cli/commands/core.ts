/**
 * init, run, up, inspect, status, tokens.
 */
import { existsSync, mkdirSync, watch, writeFileSync } from 'node:fs';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { Option } from 'commander';
import { inspectJsonl } from '../inspect-jsonl.js';
import { collect, homeOf, openRuntimeFor, printJson } from '../context.js';
import { buildPipeline } from '../../gateway/runtime.js';
import { formatIssues, loadConfig } from '../../policy/load.js';
import { serverSchema, type ServerConfig } from '../../policy/schema.js';
import { resolveDriver, type IsolationChoice } from '../../gateway/drivers.js';
import { runStdio } from '../../gateway/stdio-front.js';
import { nameFromCommand } from '../../gateway/launch.js';
import { startGateway } from '../../gateway/http-front.js';
import { serverPrefix, startServerUpstream, startWarmPools } from '../../gateway/start-server.js';
import { guardServers, installServer, PIN_FILE, quarantinePolicyFromConfig } from '../../vulns/index.js';
import type { Runtime } from '../../gateway/runtime.js';
import { createToken, listTokens, revokeToken } from '../../store/tokens.js';
import { saveConfigVersion, latestConfigVersion } from '../../store/configVersions.js';
import { initVaultKey } from '../../vault/index.js';
import { feedStatus } from '../../vulns/index.js';
import { auditVerify } from '../../audit/index.js';
import { cleanupOwnLeftovers } from '../../gateway/leftovers.js';
import { prepareVulnerabilityGuard, stopOnQuarantine } from '../../gateway/vulns-guard.js';

const ISOLATIONS = ['auto', 'gvisor', 'bwrap', 'process'];

const CONFIG_TEMPLATE = `# Airlock configuration. Reference: schema/airlock.schema.json (airlock config schema).
version: 1
gateway:
  host: 127.0.0.1
  port: 7700
servers: {}
  # filesystem:
  #   command: npx
  #   args: ["-y", "@modelcontextprotocol/server-filesystem", "/srv/data"]
  #   isolation: auto        # gvisor where available; bwrap; process (development only)
  #   scope: session         # one process per client session; "shared" for one process for all
  # remote-example:
  #   url: https://mcp.example.com/mcp
`;

export function registerCoreCommands(program: Command): void {
  program
    .command('init')
    .description('Create the data directory, a configuration file, the audit keys and an API token (printed once).')
    .option('--demo', 'register the demo server (@modelcontextprotocol/server-everything) in the configuration')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { demo?: boolean; json?: boolean }, cmd: Command) => {
      const home = homeOf(cmd);
      mkdirSync(home, { recursive: true, mode: 0o700 });
      const configPath = join(home, 'airlock.yaml');
      let wroteConfig = false;
      if (!existsSync(configPath)) {
        writeFileSync(configPath, opts.demo ? demoConfig() : CONFIG_TEMPLATE, { mode: 0o600 });
        wroteConfig = true;
      }
      const vaultKey = await initVaultKey(home);
      const runtime = await openRuntimeFor(cmd);
      try {
        const token = await createToken(runtime.store, { name: 'init', role: 'admin', tenant: runtime.config.gateway.tenant });
        const saved = await saveConfigVersion(runtime.store, { tenant: runtime.config.gateway.tenant, yaml: runtime.loaded.source, actor: 'cli' });
        await runtime.audit.append({ type: 'config.change', tenant: runtime.config.gateway.tenant, actor: 'cli', data: { version: saved.version.version, sha256: saved.version.sha256, via: 'init' } });
        await runtime.audit.append({ type: 'token.create', tenant: runtime.config.gateway.tenant, actor: 'cli', data: { tokenId: token.id, role: token.role } });
        const result = { home, config: configPath, wroteConfig, database: runtime.store.location, vaultKey: { source: vaultKey.source, created: vaultKey.created, kekId: vaultKey.kekId }, tokenId: token.id, token: token.token };
        if (opts.json) printJson(result);
        else {
          process.stdout.write(`Airlock data directory: ${home}\nConfiguration: ${configPath}${wroteConfig ? ' (created)' : ' (kept)'}\nDatabase: ${runtime.store.location}\n\n`);
          process.stdout.write(`API token (shown once; store it now):\n  ${token.token}\n\nUse it as "Authorization: Bearer <token>" against \`airlock up\`.\n`);
        }
      } finally {
        await runtime.close();
      }
    });

  program
    .command('run')
    .description('Run one stdio MCP server behind Airlock. Point your MCP client at `airlock run -- <command> [args…]` instead of the server.')
    .addOption(new Option('--isolation <tier>', 'sandbox tier').choices(ISOLATIONS).default('auto'))
    .option('--name <name>', 'server name for policy and audit (default: derived from the command)')
    .option('--env <KEY=VALUE>', 'environment variable for the server; VALUE may be secret:NAME (repeatable)', collect, [])
    .option('--mount <path[:rw]>', 'make a host folder visible inside the sandbox, read-only unless :rw (repeatable)', collect, [])
    .option('--allow-host <host[:port]>', 'let the server reach this host (egress allowlist; repeatable)', collect, [])
    .option('--resolve <name=ip>', 'answer DNS for name with ip (internal names, tests; repeatable)', collect, [])
    .option('--allow-private <cidr>', 'let the server reach this private range (repeatable)', collect, [])
    .addOption(new Option('--rootless <policy>', 'bwrap without root: refuse, or run with rlimits only (no CPU cap; audited)').choices(['refuse', 'rlimits-only']))
    .option('--config <file>', 'configuration file (default $AIRLOCK_HOME/airlock.yaml)')
    .argument('<command...>', 'the server command and its arguments, after --')
    .passThroughOptions()
    .addHelpText('after', '\nExample:\n  airlock run --isolation gvisor -- npx -y @modelcontextprotocol/server-filesystem /data\n')
    .action(async (command: string[], opts: RunOptions, cmd: Command) => {
      let [exe, ...args] = command;
      const env = parseEnvPairs(opts.env);
      // `npx -y pkg@ver` in a sandbox: no network to fetch with, and nothing scanned or pinned. The
      // package is installed once by Airlock (scripts disabled, lockfile pinned, scanned) and run
      // from there; the process tier keeps npx as it is.
      let pkg: string | undefined;
      const npx = opts.isolation !== 'process' ? splitNpx(exe!, args) : null;
      if (npx) {
        pkg = npx.spec;
        args = npx.rest;
      }
      const egress =
        opts.allowHost.length + opts.resolve.length + opts.allowPrivate.length > 0
          ? { allow: opts.allowHost, resolve: Object.fromEntries(opts.resolve.map(splitPair)), allowPrivate: opts.allowPrivate }
          : undefined;
      const mounts = opts.mount.map((m) => {
        const rw = m.endsWith(':rw');
        const source = m.replace(/:(rw|ro)$/, '');
        return { source: resolvePath(source), readOnly: !rw };
      });
      const parsed = serverSchema.safeParse({
        ...(pkg ? { package: pkg } : { command: exe }),
        args,
        env,
        isolation: opts.isolation,
        cwd: process.cwd(),
        ...(mounts.length || opts.rootless ? { sandbox: { ...(mounts.length ? { mounts } : {}), ...(opts.rootless ? { rootless: opts.rootless } : {}) } } : {}),
        ...(egress ? { egress } : {}),
      });
      if (!parsed.success) throw new Error(formatIssues(parsed.error, 'the command line'));
      const server: ServerConfig = parsed.data;
      const name = opts.name ?? nameFromCommand(npx ? 'npx' : exe!, npx ? [npx.spec, ...args] : args);
      const runtime = await openRuntimeFor(cmd, opts.config);
      let code = 1;
      try {
        if (pkg) await ensureInstalled(runtime, name, pkg);
        code = await runStdio({ runtime, name, server });
      } finally {
        await runtime.close();
      }
      process.exit(code);
    });

  program
    .command('up')
    .description('Start the gateway: every configured server over Streamable HTTP at /mcp/<server> (and legacy SSE at /mcp/<server>/sse).')
    .option('--config <file>', 'configuration file (default $AIRLOCK_HOME/airlock.yaml)')
    .option('--port <port>', 'override gateway.port', (v) => Number.parseInt(v, 10))
    .option('--host <host>', 'override gateway.host')
    .action(async (opts: { config?: string; port?: number; host?: string }, cmd: Command) => {
      const runtime = await openRuntimeFor(cmd, opts.config);
      if (opts.port !== undefined) runtime.config.gateway.port = opts.port;
      if (opts.host !== undefined) runtime.config.gateway.host = opts.host;
      const tenant = runtime.config.gateway.tenant;
      const saved = await saveConfigVersion(runtime.store, { tenant, yaml: runtime.loaded.source, actor: 'cli' });
      if (saved.created) await runtime.audit.append({ type: 'config.change', tenant, actor: 'cli', data: { version: saved.version.version, sha256: saved.version.sha256, via: 'up' } });
      for (const [name, server] of Object.entries(runtime.config.servers)) {
        if (!server.url) await resolveDriver(server.isolation, runtime.home).catch((err: Error) => {
          throw new Error(`server "${name}": ${err.message}`);
        });
      }
      // A previous Airlock killed with -9 may have left sandboxes, mounts and namespaces behind.
      const { networks } = await cleanupOwnLeftovers(runtime.home);
      if (networks.length) process.stderr.write(`airlock: removed ${networks.length} leftover sandbox network(s)\n`);
      await prepareVulnerabilityGuard(runtime);
      await startWarmPools(runtime, (line) => process.stderr.write(`airlock: ${line}\n`));
      runtime.pipeline.warmUp();
      const gateway = await startGateway({
        runtime,
        startUpstream: (name, server, session) => startServerUpstream({ runtime, name, server, session }),
      });
      stopOnQuarantine(runtime, gateway);
      const names = Object.keys(runtime.config.servers);
      process.stderr.write(`airlock: gateway listening on ${gateway.url} (config version ${saved.version.version})\n`);
      for (const n of names) process.stderr.write(`airlock:   ${gateway.url}/mcp/${n}\n`);
      if (names.length === 0) process.stderr.write('airlock: no servers configured; add some to airlock.yaml\n');
      const stop = async () => {
        await gateway.close();
        await runtime.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
      // Policy changes apply without a restart: on SIGHUP, and when the file changes.
      const reload = async (why: string) => {
        try {
          const r = await runtime.reload('cli');
          if (r.changed) process.stderr.write(`airlock: configuration reloaded (${why}): version ${r.version}\n`);
        } catch (err) {
          process.stderr.write(`airlock: configuration NOT reloaded, the previous policy stays in force: ${(err as Error).message}\n`);
        }
      };
      process.on('SIGHUP', () => void reload('SIGHUP'));
      if (runtime.loaded.path) {
        let timer: NodeJS.Timeout | null = null;
        watch(runtime.loaded.path, () => {
          if (timer) clearTimeout(timer);
          timer = setTimeout(() => void reload('file changed'), 300);
        }).unref();
      }
    });

  program
    .command('inspect')
    .description('Run the inspection pipeline over JSON lines on stdin and print one verdict line per input (see docs/architecture/02-inspection.md).')
    .requiredOption('--jsonl', 'read and write JSON lines (the only format for now)')
    .option('--config <file>', 'configuration file whose inspect policy applies (default $AIRLOCK_HOME/airlock.yaml)')
    .action(async (opts: { config?: string }, cmd: Command) => {
      const loaded = loadConfig(opts.config ?? join(homeOf(cmd), 'airlock.yaml'));
      const pipeline = buildPipeline(loaded.config, randomBytes(16).toString('hex'));
      const { errors } = await inspectJsonl(pipeline, process.stdin, process.stdout);
      if (errors > 0) process.exitCode = 2;
    });

  program
    .command('status')
    .description('Show the data directory, database, configuration version and audit chain state.')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const runtime = await openRuntimeFor(cmd);
      try {
        const version = await latestConfigVersion(runtime.store, runtime.config.gateway.tenant);
        const feed = await feedStatus(runtime.store, { maxAgeMs: runtime.config.vulns.feed.maxAgeHours * 3600_000 });
        const audit = await auditVerify({ store: runtime.store, home: runtime.home, tenant: runtime.config.gateway.tenant });
        const status = {
          home: runtime.home,
          database: runtime.store.location,
          dialect: runtime.store.dialect,
          config: runtime.loaded.path,
          configVersion: version?.version ?? null,
          servers: Object.keys(runtime.config.servers),
          auditChain: audit.ok ? `intact, ${audit.count} entries` : `BROKEN at sequence ${audit.firstBadSeq}: ${audit.reason}`,
          advisories: feed.warning ? `WARNING: ${feed.warning}` : `${feed.advisories} records, newest import ${Math.round((feed.ageMs ?? 0) / 3600_000)} h old`,
        };
        if (opts.json) printJson({ ...status, feed, audit });
        else for (const [k, v] of Object.entries(status)) process.stdout.write(`${k.padEnd(14)} ${Array.isArray(v) ? v.join(', ') || '(none)' : v}\n`);
        if (!audit.ok) process.exitCode = 1;
      } finally {
        await runtime.close();
      }
    });

  const tokens = program.command('tokens').description('Manage API tokens for `airlock up`.');
  tokens
    .command('create')
    .description('Create a token (printed once).')
    .option('--name <name>', 'what the token is for', 'cli')
    .addOption(new Option('--role <role>', 'role').choices(['admin', 'user', 'viewer']).default('user'))
    .option('--json', 'print as JSON')
    .action(async (opts: { name: string; role: string; json?: boolean }, cmd: Command) => {
      const runtime = await openRuntimeFor(cmd);
      try {
        const t = await createToken(runtime.store, { name: opts.name, role: opts.role, tenant: runtime.config.gateway.tenant });
        await runtime.audit.append({ type: 'token.create', tenant: runtime.config.gateway.tenant, actor: 'cli', data: { tokenId: t.id, role: t.role } });
        if (opts.json) printJson({ id: t.id, token: t.token, role: t.role });
        else process.stdout.write(`${t.token}\n`);
      } finally {
        await runtime.close();
      }
    });
  tokens
    .command('list')
    .description('List tokens (never their values).')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const runtime = await openRuntimeFor(cmd);
      try {
        const list = await listTokens(runtime.store, runtime.config.gateway.tenant);
        if (opts.json) printJson(list);
        else for (const t of list) process.stdout.write(`${t.id}  ${t.role.padEnd(6)} ${t.name}  created ${t.createdAt}${t.revokedAt ? `  revoked ${t.revokedAt}` : ''}\n`);
      } finally {
        await runtime.close();
      }
    });
  tokens
    .command('revoke <id>')
    .description('Revoke a token.')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const runtime = await openRuntimeFor(cmd);
      try {
        if (!(await revokeToken(runtime.store, id))) throw new Error(`no active token with id ${id}`);
        await runtime.audit.append({ type: 'token.revoke', tenant: runtime.config.gateway.tenant, actor: 'cli', data: { tokenId: id } });
      } finally {
        await runtime.close();
      }
    });
}

interface RunOptions {
  isolation: IsolationChoice;
  mount: string[];
  name?: string;
  env: string[];
  allowHost: string[];
  resolve: string[];
  allowPrivate: string[];
  rootless?: 'refuse' | 'rlimits-only';
  config?: string;
}

/** `npx [-y] [--package=X | -p X] pkg@ver args…` → the package spec and the server's own arguments. */
function splitNpx(exe: string, args: string[]): { spec: string; rest: string[] } | null {
  if (exe.split('/').pop() !== 'npx') return null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-p' || a === '--package' || a.startsWith('--package=') || a === '-c' || a === '--call') return null; // unusual forms: leave to npx
    if (a.startsWith('-')) continue;
    return { spec: a, rest: args.slice(i + 1) };
  }
  return null;
}

/**
 * Installs a package server into its pinned prefix the first time, and evaluates it against the
 * advisory store on every run (a quarantined server is then refused at start).
 */
async function ensureInstalled(runtime: Runtime, name: string, spec: string): Promise<void> {
  const prefix = serverPrefix(runtime.home, name);
  if (!existsSync(join(prefix, PIN_FILE))) {
    process.stderr.write(`airlock: installing ${spec} for ${name} (scripts disabled, lockfile pinned); later runs use this copy\n`);
    await installServer({ prefix, spec, audit: runtime.audit, server: name });
  }
  await guardServers(runtime.store, [{ name, source: { npmDir: prefix } }], {
    audit: runtime.audit,
    tenant: runtime.config.gateway.tenant,
    policy: quarantinePolicyFromConfig(runtime.config.vulns),
  });
}

function splitPair(pair: string): [string, string] {
  const i = pair.indexOf('=');
  if (i <= 0) throw new Error(`--resolve expects name=ip, got "${pair}"`);
  return [pair.slice(0, i), pair.slice(i + 1)];
}

function parseEnvPairs(pairs: string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const p of pairs) {
    const i = p.indexOf('=');
    if (i <= 0) throw new Error(`--env expects KEY=VALUE, got "${p}"`);
    env[p.slice(0, i)] = p.slice(i + 1);
  }
  return env;
}

function demoConfig(): string {
  // Prefer the copy installed with Airlock (no download at run time); fall back to npx.
  let server: { command: string; args: string[] };
  try {
    const entry = createRequire(import.meta.url).resolve('@modelcontextprotocol/server-everything/package.json');
    server = { command: process.execPath, args: [join(dirname(entry), 'dist', 'index.js')] };
  } catch {
    server = { command: 'npx', args: ['-y', '@modelcontextprotocol/server-everything'] };
  }
  return `# Airlock demo configuration. Reference: schema/airlock.schema.json (airlock config schema)
version: 1
gateway:
  host: 127.0.0.1
  port: 7700
servers:
  everything:
    command: ${JSON.stringify(server.command)}
    args: ${JSON.stringify(server.args)}
    isolation: auto        # gvisor where available, else refused with the reason (see: airlock doctor)
`;
}
