/**
 * End to end through the real CLI: the three isolation tiers as a user gets them from
 * `airlock run --isolation …` and from `airlock up` with `isolation:` in airlock.yaml, driven by the
 * official SDK client against the real server-everything and the hostile fixture server.
 *
 * Needs root, runsc and bubblewrap. Build first: npx tsc -p tsconfig.json
 *   node --import tsx --test test/e2e/isolation-cli.test.ts
 *
 * The data directory lives under /var/tmp (not /tmp, which every sandbox masks anyway) and is made
 * world-readable, with airlock.db mode 0644: the only thing between a uid-65534 server and the
 * database is the data-directory mask, so the masked-read test can fail if the mask is missing.
 * A private AIRLOCK_RUNTIME_DIR keeps `airlock up`'s leftover cleanup away from anyone else's sandboxes.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CLI, REPO_ROOT, SERVER_SCRIPTS, gatewayUrl as waitForGateway, leftoverProcesses } from '../helpers/mcp.js';
import { runscInfo } from '../../src/sandbox/runsc.js';
import { cliHarness, connectClient } from './cli-harness.js';

assert.equal(process.getuid?.(), 0, 'the sandbox tiers need root');
assert.ok(runscInfo(), 'runsc is required: apt-get install -y runsc');
assert.ok(existsSync('/usr/bin/bwrap'), 'bubblewrap is required: apt-get install -y bubblewrap');

const HOSTILE = join(REPO_ROOT, 'test', 'fixtures', 'hostile-server', 'server.mjs');
const tag = randomBytes(4).toString('hex');
const base = `/var/tmp/airlock-e2e-iso-${tag}`;
const home = join(base, 'home');
const runtimeDir = join(base, 'run');
// Set in this test process (and so in the CLI's own environment): it must never reach a sandboxed server.
const MARKER_KEY = `AIRLOCK_E2E_MARKER_${tag.toUpperCase()}`;
const MARKER_VALUE = `marker-${randomBytes(6).toString('hex')}`;
const CONFIGURED = { E2E_CONFIGURED: 'configured-value' };

const children = new Set<ChildProcess>();

const harness = cliHarness({ home, runtimeDir, extraEnv: { [MARKER_KEY]: MARKER_VALUE } });
const cliEnv = harness.env;
const cli = harness.cli;
const auditEntries = () => harness.auditEntries(1000);

interface Session {
  client: Client;
  stderr(): string;
  close(): Promise<void>;
}

async function connect(transport: StdioClientTransport | StreamableHTTPClientTransport): Promise<Session> {
  const { client, stderr } = await connectClient(transport);
  return {
    client,
    stderr,
    close: async () => {
      if (transport instanceof StreamableHTTPClientTransport) await transport.terminateSession().catch(() => undefined);
      await client.close().catch(() => undefined);
    },
  };
}

/** `airlock run --isolation <tier> --name <name> [--env …] -- <command…>` under the SDK client. */
function runVia(tier: string, name: string, command: string[], env: Record<string, string> = {}): Promise<Session> {
  const envArgs = Object.entries(env).flatMap(([k, v]) => ['--env', `${k}=${v}`]);
  return connect(
    new StdioClientTransport({ command: process.execPath, args: [CLI, 'run', '--isolation', tier, '--name', name, ...envArgs, '--', ...command], env: cliEnv(), cwd: home, stderr: 'pipe' }),
  );
}

function text(result: unknown): string {
  const content = (result as { content: { type: string; text: string }[] }).content;
  return content.map((c) => c.text).join('');
}

async function serverEnv(s: Session): Promise<Record<string, string>> {
  return JSON.parse(text(await s.client.callTool({ name: 'get-env', arguments: {} }))) as Record<string, string>;
}

const everything = [process.execPath, SERVER_SCRIPTS.everything];
let gateway: ChildProcess | null = null;
let gatewayUrl = '';
let token = '';
let directEcho: unknown;
let directTools: string[] = [];

before(async () => {
  mkdirSync(home, { recursive: true });
  chmodSync(base, 0o755);
  chmodSync(home, 0o755);
  const server = (isolation: string) => ({ command: process.execPath, args: [SERVER_SCRIPTS.everything], isolation, env: CONFIGURED });
  writeFileSync(
    join(home, 'airlock.yaml'),
    stringify({ version: 1, gateway: { host: '127.0.0.1', port: 0 }, servers: { 'ev-gvisor': server('gvisor'), 'ev-bwrap': server('bwrap') } }),
    { mode: 0o600 },
  );
  const init = await cli(['init', '--json']);
  assert.equal(init.code, 0, init.stderr);
  token = (JSON.parse(init.stdout) as { token: string }).token;
  // Readable by anyone on the host: only the sandbox's mask may keep a server from it.
  chmodSync(join(home, 'airlock.db'), 0o644);

  const direct = await connect(new StdioClientTransport({ command: everything[0]!, args: everything.slice(1), env: { PATH: process.env.PATH ?? '/usr/bin:/bin' }, cwd: base, stderr: 'ignore' }));
  directEcho = await direct.client.callTool({ name: 'echo', arguments: { message: 'through every tier' } });
  directTools = (await direct.client.listTools()).tools.map((t) => t.name).sort();
  await direct.close();
});

after(async () => {
  if (gateway && gateway.exitCode === null) {
    const exited = new Promise((r) => gateway!.once('exit', r));
    gateway.kill('SIGTERM');
    const t = setTimeout(() => gateway!.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(t);
  }
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  for (const pid of leftoverProcesses(home)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  unmountUnder(base);
  rmSync(base, { recursive: true, force: true });
});

/** What a sandboxed server's environment may hold: the configured variables and what the tier sets. */
function assertOnlyConfigured(env: Record<string, string>, name: string, tier: 'gvisor' | 'bwrap'): void {
  assert.equal(env.E2E_CONFIGURED, CONFIGURED.E2E_CONFIGURED, 'the configured variable is there');
  assert.equal(env[MARKER_KEY], undefined, "the CLI's own environment does not leak in");
  assert.deepEqual(Object.keys(env).filter((k) => k.startsWith('AIRLOCK')), [], 'no AIRLOCK_* variable');
  assert.equal(env.HOME, join(home, 'workspaces', name), `HOME is the server's workspace, not the host's ${process.env.HOME}`);
  // PATH finds the command; LANG is passed on; bwrap's wrapper shell sets PWD to the working directory.
  const allowed = new Set(['E2E_CONFIGURED', 'HOME', 'PATH', 'LANG', ...(tier === 'bwrap' ? ['PWD'] : [])]);
  assert.deepEqual(Object.keys(env).filter((k) => !allowed.has(k)), [], `nothing else in the environment under ${tier}`);
}

describe('airlock run --isolation', () => {
  for (const tier of ['gvisor', 'bwrap'] as const) {
    test(`${tier}: echo equals direct, the environment holds only configured variables, the start is audited`, async () => {
      const name = `run-${tier}`;
      const s = await runVia(tier, name, everything, CONFIGURED);
      try {
        assert.deepEqual((await s.client.listTools()).tools.map((t) => t.name).sort(), directTools);
        assert.deepEqual(await s.client.callTool({ name: 'echo', arguments: { message: 'through every tier' } }), directEcho);
        assertOnlyConfigured(await serverEnv(s), name, tier);
        assert.doesNotMatch(s.stderr(), /WARNING/, 'no insecure-tier warning for a sandbox');
      } finally {
        await s.close();
      }
      const starts = (await auditEntries()).filter((e) => e.type === 'sandbox.start' && e.server === name);
      assert.equal(starts.length, 1);
      assert.equal(starts[0]!.data.isolation, tier);
      assert.equal(starts[0]!.data.insecure, false);
    });
  }

  test('process: echo equals direct, a warning on stderr and an insecure sandbox.start', async () => {
    const s = await runVia('process', 'run-process', everything, CONFIGURED);
    try {
      assert.deepEqual(await s.client.callTool({ name: 'echo', arguments: { message: 'through every tier' } }), directEcho);
      const env = await serverEnv(s);
      assert.equal(env.E2E_CONFIGURED, CONFIGURED.E2E_CONFIGURED);
      // The process tier is no sandbox, yet its environment is still built from the config only.
      assert.equal(env[MARKER_KEY], undefined);
      assert.match(s.stderr(), /WARNING: run-process runs with isolation "process": no sandbox at all/);
    } finally {
      await s.close();
    }
    const starts = (await auditEntries()).filter((e) => e.type === 'sandbox.start' && e.server === 'run-process');
    assert.equal(starts.length, 1);
    assert.equal(starts[0]!.data.isolation, 'process');
    assert.equal(starts[0]!.data.insecure, true);
  });
});

describe("the data directory is masked: a server cannot read $AIRLOCK_HOME/airlock.db", () => {
  const db = () => join(home, 'airlock.db');
  for (const tier of ['gvisor', 'bwrap', 'process'] as const) {
    test(`${tier}: ${tier === 'process' ? 'readable (the control: no sandbox)' : 'not there (ENOENT)'}`, async () => {
      const s = await runVia(tier, `hostile-${tier}`, [process.execPath, HOSTILE]);
      try {
        const r = JSON.parse(text(await s.client.callTool({ name: 'read_file', arguments: { path: db() } }))) as { ok: boolean; code?: string; text?: string };
        if (tier === 'process') {
          assert.equal(r.ok, true, 'without a sandbox the server reads the database');
          assert.ok(r.text!.startsWith('SQLite format 3'), 'and it is the real SQLite file');
        } else {
          assert.equal(r.ok, false);
          // ENOENT, not EACCES: the file is hidden by the mask, not only protected by its mode.
          assert.equal(r.code, 'ENOENT');
        }
      } finally {
        await s.close();
      }
    });
  }
});

describe('airlock up with isolation: gvisor and bwrap servers', () => {
  before(async () => {
    gateway = spawn(process.execPath, [CLI, 'up', '--port', '0'], { cwd: home, env: cliEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
    children.add(gateway);
    gatewayUrl = await waitForGateway(gateway);
  });

  for (const tier of ['gvisor', 'bwrap'] as const) {
    test(`${tier}: echo equals direct, only configured variables, sandbox.start records the tier`, async () => {
      const name = `ev-${tier}`;
      const s = await connect(new StreamableHTTPClientTransport(new URL(`${gatewayUrl}/mcp/${name}`), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
      try {
        assert.deepEqual((await s.client.listTools()).tools.map((t) => t.name).sort(), directTools);
        assert.deepEqual(await s.client.callTool({ name: 'echo', arguments: { message: 'through every tier' } }), directEcho);
        assertOnlyConfigured(await serverEnv(s), name, tier);
      } finally {
        await s.close();
      }
      const starts = (await auditEntries()).filter((e) => e.type === 'sandbox.start' && e.server === name);
      assert.ok(starts.length >= 1, `a sandbox.start entry for ${name}`);
      assert.ok(starts.every((e) => e.data.isolation === tier && e.data.insecure === false));
    });
  }

  test('after the sessions end and the gateway stops, no sandbox process of this file is left', async () => {
    const exited = new Promise((r) => gateway!.once('exit', r));
    gateway!.kill('SIGTERM');
    await exited;
    // runsc (sentry, gofer) and the bwrap wrapper all name the private runtime directory on their command line.
    assert.deepEqual(processesMentioning(runtimeDir), [], 'sandbox processes left behind');
    assert.deepEqual(leftoverProcesses(home), []);
    // A stopped gvisor sandbox's OCI bundle is removed with it.
    const bundles = join(runtimeDir, 'bundles');
    assert.deepEqual(existsSync(bundles) ? readdirSync(bundles) : [], [], 'sandbox bundles left behind');
  });
});

function processesMentioning(text: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (cmdline.includes(text)) found.push(`${entry}: ${cmdline.slice(0, 160)}`);
    } catch {
      /* gone */
    }
  }
  return found;
}

/** The sandbox drivers mount a tmpfs inside the runtime directory; it must go before the directory can. */
function unmountUnder(dir: string): void {
  const mounts = readFileSync('/proc/mounts', 'utf8').split('\n').map((l) => l.split(' ')[1] ?? '');
  for (const m of mounts.filter((m) => m.startsWith(dir + '/')).reverse()) {
    try {
      execFileSync('umount', ['-l', m]);
    } catch {
      /* already gone */
    }
  }
}
