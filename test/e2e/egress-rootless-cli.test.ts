/**
 * End to end through the real CLI run by an unprivileged user (a system user this file creates and
 * removes): `airlock run --isolation bwrap --rootless rlimits-only --allow-host … -- <server>`. Without
 * root there is no network namespace, veth or nftables: the sandbox has only its own loopback, and
 * reaches Airlock's egress proxy through a Unix socket and the in-sandbox bridge on 127.0.0.1:3128
 * (docs/adr/0005). The server is test/fixtures/fetch-server.mjs under the official SDK client.
 *
 * The only "outside" is the fake host in a network namespace this file creates (test/egress/fakehost.ts);
 * names resolve to it through --resolve. The control (the same user, no sandbox) reaches it by its
 * address literal only.
 *
 * Needs root (to create the fake host and the user), bubblewrap, unprivileged user namespaces,
 * iproute2, openssl. Build first: npx tsc -p tsconfig.json
 *   node --import tsx --test test/e2e/egress-rootless-cli.test.ts
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { REPO_ROOT } from '../helpers/mcp.js';
import { cliHarness, connectClient, type CliHarness } from './cli-harness.js';
import { createFakeHost, type FakeHost, type FetchResult, expectBody } from '../egress/fakehost.js';

assert.equal(process.getuid?.(), 0, 'this test needs root to create its fake host and its unprivileged user');
assert.ok(existsSync('/usr/bin/bwrap'), 'bubblewrap is required: apt-get install -y bubblewrap');

const FETCH = join(REPO_ROOT, 'test', 'fixtures', 'fetch-server.mjs');
const API = 'api.example.test';
const OTHER = 'other.example.test';
const USER = 'airlock-rootless-e2e';
const tag = randomBytes(4).toString('hex');
const base = `/var/tmp/airlock-e2e-rootless-${tag}`;
const home = join(base, 'home');
// Memory-backed, as Airlock requires for its runtime directory; owned by the test user.
const runtimeDir = `/dev/shm/airlock-e2e-rootless-${tag}`;

let fake: FakeHost;
let ca = '';
let uid = 0;
let gid = 0;
let createdUser = false;

let harness: CliHarness;

interface Session {
  fetch(tool: 'fetch_via_proxy' | 'fetch_direct', url: string): Promise<FetchResult>;
  close(): Promise<void>;
}

async function runAsUser(runArgs: string[]): Promise<Session> {
  const transport = new StdioClientTransport({
    ...harness.argv(['run', ...runArgs, '--', process.execPath, FETCH]),
    env: harness.env(),
    cwd: home,
    stderr: 'pipe',
  });
  const { client } = await connectClient(transport, 'airlock-e2e-rootless');
  return {
    async fetch(tool, url) {
      const r = (await client.callTool({ name: tool, arguments: { url, ca } })) as { content: { text: string }[] };
      return JSON.parse(r.content[0]!.text) as FetchResult;
    },
    close: async () => {
      await client.close().catch(() => undefined);
    },
  };
}

before(async () => {
  fake = await createFakeHost([API, OTHER]);
  ca = readFileSync(fake.certPath, 'utf8');
  try {
    execFileSync('id', ['-u', USER], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', USER]);
    createdUser = true;
  }
  uid = Number(execFileSync('id', ['-u', USER], { encoding: 'utf8' }).trim());
  gid = Number(execFileSync('id', ['-g', USER], { encoding: 'utf8' }).trim());
  harness = cliHarness({ home, runtimeDir, user: { uid, gid } });
  assert.notEqual(uid, 0);
  mkdirSync(home, { recursive: true, mode: 0o700 });
  mkdirSync(runtimeDir, { recursive: true, mode: 0o700 });
  for (const d of [base, home, runtimeDir]) chownSync(d, uid, gid);
});

after(async () => {
  await fake?.close();
  rmSync(base, { recursive: true, force: true });
  rmSync(runtimeDir, { recursive: true, force: true });
  if (createdUser) {
    try {
      execFileSync('userdel', [USER], { stdio: 'ignore' });
    } catch {
      /* a process of the user still ends; the next run reuses it */
    }
  }
});

const egressArgs = () => ['--allow-host', API, '--resolve', `${API}=${fake.ip}`, '--resolve', `${OTHER}=${fake.ip}`, '--allow-private', `${fake.ip}/32`];

test('without the rlimits-only opt-in, rootless bwrap refuses to start and says why', async () => {
  const r = await harness.cli(['run', '--isolation', 'bwrap', '--name', 'fetch-refused', ...egressArgs(), '--', process.execPath, FETCH]);
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /without root cannot enforce memory, CPU and pids limits/);
  assert.match(r.stderr, /sandbox\.rootless: rlimits-only/);
});

test('control: the same user without a sandbox reaches the fake host by its address', async () => {
  const s = await runAsUser(['--isolation', 'process', '--name', 'fetch-open']);
  try {
    const r = await s.fetch('fetch_direct', `http://${fake.ip}/open`);
    assert.deepEqual([r.ok, r.body], [true, expectBody(fake.ip, '/open')], JSON.stringify(r));
  } finally {
    await s.close();
  }
});

test('rootless bwrap: allowlisted name via the proxy variables over HTTPS and HTTP; others denied and audited; no raw route', async () => {
  const name = 'fetch-rootless';
  const s = await runAsUser(['--isolation', 'bwrap', '--rootless', 'rlimits-only', '--name', name, ...egressArgs()]);
  try {
    const https = await s.fetch('fetch_via_proxy', `https://${API}/tls`);
    assert.deepEqual([https.ok, https.status, https.body], [true, 200, expectBody(API, '/tls')], JSON.stringify(https));
    const http = await s.fetch('fetch_via_proxy', `http://${API}/plain`);
    assert.deepEqual([http.ok, http.status, http.body], [true, 200, expectBody(API, '/plain')], JSON.stringify(http));

    // Not allowlisted, though --resolve would answer it with the same fake host.
    for (const url of [`https://${OTHER}/`, `http://${OTHER}/`]) {
      const r = await s.fetch('fetch_via_proxy', url);
      assert.equal(r.ok, false);
      assert.equal(r.status, 403, `${url}: ${JSON.stringify(r)}`);
    }
    // A client that ignores the proxy variables has nothing to reach: no DNS, no route.
    const byName = await s.fetch('fetch_direct', `https://${API}/direct`);
    assert.equal(byName.ok, false, JSON.stringify(byName));
    assert.match(byName.code ?? '', /^(ENOTFOUND|EAI_AGAIN)$/, JSON.stringify(byName));
    for (const url of [`https://${fake.ip}/`, `http://${fake.ip}/`]) {
      const raw = await s.fetch('fetch_direct', url);
      assert.equal(raw.ok, false, `${url} must be unreachable: ${JSON.stringify(raw)}`);
      assert.equal(raw.code, 'ENETUNREACH', `${url}: ${JSON.stringify(raw)}`);
    }
    // The address literal through the proxy is refused by name rules.
    const literal = await s.fetch('fetch_via_proxy', `https://${fake.ip}/`);
    assert.equal(literal.status, 403, JSON.stringify(literal));
  } finally {
    await s.close();
  }

  const entries = await harness.auditEntries();
  const start = entries.find((e) => e.type === 'sandbox.start' && e.server === name);
  assert.ok(start, 'sandbox.start recorded');
  assert.equal(start.data.isolation, 'bwrap');
  assert.equal(start.data.limits, 'rlimits-only', 'the weaker limits are on the record');
  assert.equal(start.data.egress, 'bridge');
  const egress = entries.filter((e) => e.type.startsWith('egress.') && e.server === name && e.session === start.session);
  const has = (type: string, host: string, decision: string) => egress.some((e) => e.type === type && e.data.name === host && e.data.decision === decision);
  assert.ok(has('egress.connect', API, 'allow'), 'allowed CONNECT recorded');
  assert.ok(has('egress.http', API, 'allow'), 'allowed HTTP recorded');
  assert.ok(has('egress.connect', OTHER, 'deny'), 'denied CONNECT recorded with the name');
  assert.ok(has('egress.http', OTHER, 'deny'), 'denied HTTP recorded with the name');
  assert.ok(egress.some((e) => e.data.name === fake.ip && e.data.decision === 'deny'), 'the address literal recorded as denied');
  assert.equal(egress.find((e) => e.type === 'egress.connect' && e.data.name === API)?.data.ip, fake.ip, 'the resolved address is recorded');
});

test('the bridge directory and socket are gone after the session', () => {
  const left = existsSync(runtimeDir) ? execFileSync('find', [runtimeDir, '-name', 'proxy.sock'], { encoding: 'utf8' }).trim() : '';
  assert.equal(left, '', `bridge sockets left behind: ${left}`);
});
