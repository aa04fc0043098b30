/**
 * End to end through the real CLI: egress allowlists given on the `airlock run` command line and in
 * airlock.yaml, exercised by a real MCP server (test/fixtures/fetch-server.mjs) under the official SDK
 * client. The server has two clients: one that honours HTTP(S)_PROXY (CONNECT / absolute URI) and one
 * that ignores them (Node 20's http/https), which only the transparent redirect can catch.
 *
 * The only "outside" is the fake host in a network namespace this file creates (test/egress/fakehost.ts);
 * names resolve to it through --resolve / egress.resolve. Nothing is sent anywhere else: the control
 * that runs without a sandbox uses the fake host's address literal only, never a name.
 *
 * Needs root, runsc, bubblewrap, iproute2, nftables, openssl. Build first: npx tsc -p tsconfig.json
 *   node --import tsx --test test/e2e/egress-cli.test.ts
 *
 * Live policy changes (an edited allowlist applying to new connections without a restart) are not
 * repeated here: test/egress/egress.test.ts covers them against the same policy getter the gateway
 * uses. Here two servers with different `egress:` blocks in one airlock.yaml show that each session
 * gets its own policy.
 */
import { cliHarness, connectClient } from './cli-harness.js';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { readdir } from 'node:fs/promises';
import { get as httpGet } from 'node:http';
import { stringify } from 'yaml';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CLI, REPO_ROOT, gatewayUrl as waitForGateway, leftoverProcesses } from '../helpers/mcp.js';
import { createFakeHost, type FakeHost, type FetchResult, expectBody } from '../egress/fakehost.js';
import { runscInfo } from '../../src/sandbox/runsc.js';
import { cleanupAllLeftovers } from '../../src/sandbox/index.js';
import { cleanupEgressLeftovers } from '../../src/egress/index.js';

assert.equal(process.getuid?.(), 0, 'egress needs root (network namespaces, nftables)');
assert.ok(runscInfo(), 'runsc is required: apt-get install -y runsc');
assert.ok(existsSync('/usr/bin/bwrap'), 'bubblewrap is required: apt-get install -y bubblewrap');

const FETCH = join(REPO_ROOT, 'test', 'fixtures', 'fetch-server.mjs');
const API = 'api.example.test';
const OTHER = 'other.example.test';
const tag = randomBytes(4).toString('hex');
const base = `/var/tmp/airlock-e2e-egress-${tag}`;
const home = join(base, 'home');
const runtimeDir = join(base, 'run');

let fake: FakeHost;
let ca = '';
let token = '';
let gateway: ChildProcess | null = null;
let gatewayUrl = '';
/** Pids of every `airlock run` and `airlock up` this file started: none may leave a network behind. */
const airlockPids: number[] = [];
const OWNERS_DIR = '/run/airlock-egress-owners';
let gatewayStderr = '';

const harness = cliHarness({ home, runtimeDir });
const cliEnv = harness.env;
const cli = harness.cli;
const auditEntries = () => harness.auditEntries(2000);

interface Session {
  fetch(tool: 'fetch_via_proxy' | 'fetch_direct', url: string): Promise<FetchResult>;
  stderr(): string;
  close(): Promise<void>;
}

async function connect(transport: StdioClientTransport | StreamableHTTPClientTransport): Promise<Session> {
  const { client, stderr } = await connectClient(transport);
  if (transport instanceof StdioClientTransport && transport.pid !== null) airlockPids.push(transport.pid);
  return {
    async fetch(tool, url) {
      const t0 = Date.now();
      const r = (await client.callTool({ name: tool, arguments: { url, ca } })) as { content: { text: string }[] };
      // E2E_DEBUG=1 prints every fetch and its duration, for diagnosing a failing run.
      if (process.env.E2E_DEBUG) console.error('fetch', tool, url, `${Date.now() - t0} ms`, r.content[0]!.text.slice(0, 160));
      return JSON.parse(r.content[0]!.text) as FetchResult;
    },
    stderr,
    close: async () => {
      if (transport instanceof StreamableHTTPClientTransport) await transport.terminateSession().catch(() => undefined);
      if (transport instanceof StdioClientTransport) await endGracefully(transport);
      await client.close().catch(() => undefined);
    },
  };
}

/**
 * Closes `airlock run`'s stdin and waits for it to exit by itself. The SDK's own close() sends SIGTERM
 * 2 s and SIGKILL 4 s after closing stdin, and stopping a gvisor sandbox with a network takes longer
 * than that here (about 3–5 s): a SIGKILL mid-stop would leave the network behind, which is a client's
 * choice this test does not make. (The private field is the only handle on the child's stdin.)
 */
async function endGracefully(transport: StdioClientTransport): Promise<void> {
  const child = (transport as unknown as { _process?: ChildProcess })._process;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.stdin?.end();
  await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
}

function runVia(args: string[]): Promise<Session> {
  return connect(
    new StdioClientTransport({ command: process.execPath, args: [CLI, 'run', ...args, '--', process.execPath, FETCH], env: cliEnv(), cwd: home, stderr: 'pipe' }),
  );
}

function egressArgs(): string[] {
  return ['--allow-host', API, '--resolve', `${API}=${fake.ip}`, '--resolve', `${OTHER}=${fake.ip}`, '--allow-private', `${fake.ip}/32`];
}

before(async () => {
  fake = await createFakeHost([API, OTHER]);
  ca = readFileSync(fake.certPath, 'utf8');
  mkdirSync(home, { recursive: true });
  chmodSync(base, 0o755);
  chmodSync(home, 0o755);
  const egressOf = (allow: string) => ({ allow: [allow], resolve: { [API]: fake.ip, [OTHER]: fake.ip }, allowPrivate: [`${fake.ip}/32`] });
  writeFileSync(
    join(home, 'airlock.yaml'),
    stringify({
      version: 1,
      gateway: { host: '127.0.0.1', port: 0 },
      servers: {
        'fetch-api': { command: process.execPath, args: [FETCH], isolation: 'gvisor', egress: egressOf(API) },
        'fetch-other': { command: process.execPath, args: [FETCH], isolation: 'gvisor', egress: egressOf(OTHER) },
      },
    }),
    { mode: 0o600 },
  );
  const init = await cli(['init', '--json']);
  assert.equal(init.code, 0, init.stderr);
  token = (JSON.parse(init.stdout) as { token: string }).token;
});

after(async () => {
  if (gateway && gateway.exitCode === null) {
    const exited = new Promise((r) => gateway!.once('exit', r));
    gateway.kill('SIGTERM');
    const t = setTimeout(() => gateway!.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(t);
  }
  for (const pid of leftoverProcesses(home)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  // Whatever a failed run left behind (the leftover test above reports it): networks made by our own
  // CLI processes, and sandboxes under our private runtime directory. Never anyone else's.
  await cleanupEgressLeftovers((id) => {
    try {
      return airlockPids.includes(Number(readFileSync(join(OWNERS_DIR, id), 'utf8').split(' ')[0]));
    } catch {
      return false;
    }
  }).catch(() => undefined);
  // The CLI keeps its sandboxes in a per-data-directory subfolder of AIRLOCK_RUNTIME_DIR.
  await cleanupAllLeftovers({ runtimeDir: join(runtimeDir, createHash('sha256').update(home).digest('hex').slice(0, 12)), dataDir: home }).catch(() => undefined);
  await fake?.close();
  unmountUnder(base);
  rmSync(base, { recursive: true, force: true });
});

test('the fake host answers on its address literal when nothing is in between (the control)', async () => {
  const body = await new Promise<string>((resolve, reject) => {
    httpGet({ host: fake.ip, port: 80, path: '/control', headers: { host: API } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (d: string) => (text += d)).on('end', () => resolve(text));
    }).on('error', reject);
  });
  assert.equal(body, expectBody(API, '/control'));
});

describe('airlock run --allow-host/--resolve/--allow-private', () => {
  for (const tier of ['gvisor', 'bwrap'] as const) {
    test(`${tier}: allowlisted name over HTTPS and HTTP succeeds; other names and address literals are denied and audited`, async () => {
      const name = `fetch-run-${tier}`;
      const s = await runVia(['--isolation', tier, '--name', name, ...egressArgs()]);
      try {
        // Allowlisted, with a client that honours the proxy variables and with one that ignores them.
        for (const tool of ['fetch_via_proxy', 'fetch_direct'] as const) {
          const https = await s.fetch(tool, `https://${API}/tls-${tool}`);
          assert.deepEqual([https.ok, https.status, https.body], [true, 200, expectBody(API, `/tls-${tool}`)], `${tool} https: ${JSON.stringify(https)}`);
          const http = await s.fetch(tool, `http://${API}/plain-${tool}`);
          assert.deepEqual([http.ok, http.status, http.body], [true, 200, expectBody(API, `/plain-${tool}`)], `${tool} http: ${JSON.stringify(http)}`);
        }
        // Not allowlisted (though --resolve would answer it with the same fake host).
        const viaProxy = await s.fetch('fetch_via_proxy', `https://${OTHER}/`);
        assert.equal(viaProxy.ok, false);
        assert.equal(viaProxy.status, 403, JSON.stringify(viaProxy));
        assert.match(viaProxy.message ?? '', /denied/);
        const direct = await s.fetch('fetch_direct', `https://${OTHER}/`);
        assert.equal(direct.ok, false);
        assert.equal(direct.code, 'ENOTFOUND', `Airlock's resolver does not answer a name off the list: ${JSON.stringify(direct)}`);
        // The fake host's own address, which answered the control above.
        for (const url of [`https://${fake.ip}/`, `http://${fake.ip}/`]) {
          for (const tool of ['fetch_via_proxy', 'fetch_direct'] as const) {
            const r = await s.fetch(tool, url);
            assert.equal(r.ok, false, `${tool} ${url} must be refused: ${JSON.stringify(r)}`);
            assert.notEqual(r.body, expectBody(fake.ip, '/'));
          }
        }
      } finally {
        await s.close();
      }
      const entries = await auditEntries();
      const start = entries.find((e) => e.type === 'sandbox.start' && e.server === name);
      assert.equal(start?.data.isolation, tier);
      const egress = entries.filter((e) => e.type.startsWith('egress.') && e.server === name && e.session === start!.session);
      const has = (type: string, host: string, decision: string) => egress.some((e) => e.type === type && e.data.name === host && e.data.decision === decision);
      assert.ok(has('egress.connect', API, 'allow'), 'allowed CONNECT recorded');
      assert.ok(has('egress.tls', API, 'allow'), 'allowed transparent TLS (SNI) recorded');
      assert.ok(has('egress.http', API, 'allow'), 'allowed HTTP recorded');
      assert.ok(has('egress.dns', API, 'allow'), 'allowed DNS answer recorded');
      assert.ok(has('egress.connect', OTHER, 'deny'), 'denied CONNECT recorded with the name');
      assert.ok(has('egress.dns', OTHER, 'deny'), 'denied DNS query recorded with the name');
      assert.ok(egress.some((e) => e.data.name === fake.ip && e.data.decision === 'deny'), 'the address literal attempt recorded as denied');
      const allowedApi = egress.find((e) => e.type === 'egress.connect' && e.data.name === API);
      assert.equal(allowedApi?.data.ip, fake.ip, 'the resolved address is recorded');
    });
  }

  test('process: the same --allow-host is refused, because only a sandbox has a network boundary', async () => {
    const r = await cli(['run', '--isolation', 'process', '--name', 'fetch-process', ...egressArgs(), '--', process.execPath, FETCH]);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /egress allowlist, which is enforced only under isolation gvisor or bwrap/);
  });

  test('process without an allowlist reaches the fake host by address (what the sandbox stops)', async () => {
    const s = await runVia(['--isolation', 'process', '--name', 'fetch-process-open']);
    try {
      const r = await s.fetch('fetch_direct', `http://${fake.ip}/open`);
      assert.deepEqual([r.ok, r.body], [true, expectBody(fake.ip, '/open')]);
    } finally {
      await s.close();
    }
  });
});

describe('airlock up with egress blocks in airlock.yaml', () => {
  before(async () => {
    gateway = spawn(process.execPath, [CLI, 'up', '--port', '0'], { cwd: home, env: cliEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
    airlockPids.push(gateway.pid!);
    gatewayUrl = await waitForGateway(gateway, (d) => (gatewayStderr += d));
  });

  const open = (name: string) =>
    connect(new StreamableHTTPClientTransport(new URL(`${gatewayUrl}/mcp/${name}`), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));

  test('two servers with different allowlists: each reaches only its own host', async () => {
    const [a, b] = await Promise.all([open('fetch-api'), open('fetch-other')]);
    try {
      for (const tool of ['fetch_via_proxy', 'fetch_direct'] as const) {
        const aApi = await a.fetch(tool, `https://${API}/a`);
        assert.deepEqual([aApi.ok, aApi.body], [true, expectBody(API, '/a')], `fetch-api → ${API} (${tool}): ${JSON.stringify(aApi)}`);
        const aOther = await a.fetch(tool, `https://${OTHER}/a`);
        assert.equal(aOther.ok, false, `fetch-api → ${OTHER} (${tool}) is denied: ${JSON.stringify(aOther)}`);
        const bOther = await b.fetch(tool, `http://${OTHER}/b`);
        assert.deepEqual([bOther.ok, bOther.body], [true, expectBody(OTHER, '/b')], `fetch-other → ${OTHER} (${tool}): ${JSON.stringify(bOther)}`);
        const bApi = await b.fetch(tool, `http://${API}/b`);
        assert.equal(bApi.ok, false, `fetch-other → ${API} (${tool}) is denied: ${JSON.stringify(bApi)}`);
      }
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
    const egress = (await auditEntries()).filter((e) => e.type.startsWith('egress.'));
    const has = (server: string, host: string, decision: string) => egress.some((e) => e.server === server && e.data.name === host && e.data.decision === decision);
    assert.ok(has('fetch-api', API, 'allow') && has('fetch-api', OTHER, 'deny'));
    assert.ok(has('fetch-other', OTHER, 'allow') && has('fetch-other', API, 'deny'));
  });

  test('after the sessions end and the gateway stops, no sandbox network of this file is left', async () => {
    const exited = new Promise((r) => gateway!.once('exit', r));
    gateway!.kill('SIGTERM');
    await exited;
    // Every network records its maker; a record is removed only with its network.
    const owners = await readdir(OWNERS_DIR).catch(() => [] as string[]);
    const makerOf = (id: string): number => {
      try {
        return Number(readFileSync(join(OWNERS_DIR, id), 'utf8').split(' ')[0]);
      } catch {
        return -1; // removed meanwhile
      }
    };
    const ours = owners.filter((id) => airlockPids.includes(makerOf(id)));
    assert.deepEqual(ours, [], `sandbox networks left behind: ${ours.join(', ')} (made by ${ours.map(makerOf).join(', ')}; airlock up was ${gateway!.pid})\n${gatewayStderr.slice(-3000)}`);
  });
});

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
