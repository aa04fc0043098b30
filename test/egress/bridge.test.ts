// The bwrap tier's Unix-socket proxy: the same decisions as the namespace tier, reached over a socket
// file. Talks only to a fake host in a namespace this file creates.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { spawn } from 'node:child_process';
import net from 'node:net';
import tls from 'node:tls';
import { readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFakeHost, type FakeHost } from './fakehost.js';
import { egressConfigSchema, prepareEgressBridge, type EgressEvent } from '../../src/egress/index.js';

const API = 'api.example.test';
const OTHER = 'other.example.test';
let fake: FakeHost;
let dir: string;
let bridge: Awaited<ReturnType<typeof prepareEgressBridge>>;
const events: EgressEvent[] = [];

before(async () => {
  fake = await createFakeHost([API]);
  dir = await mkdtemp(join(tmpdir(), 'alk-bridge-'));
  const config = egressConfigSchema.parse({
    allow: [API, OTHER.replace('other', 'loop')],
    resolve: { [API]: fake.ip, [OTHER]: fake.ip, 'loop.example.test': '127.0.0.1' },
    allowPrivate: [`${fake.ip}/32`],
  });
  bridge = await prepareEgressBridge({ server: 'bridge-test', session: 's', socketDir: dir, policyGetter: () => config, onEvent: (e) => events.push(e) });
});

after(async () => {
  await bridge?.close();
  await fake?.close();
  await rm(dir, { recursive: true, force: true });
});

function connectVia(target: string): Promise<{ status: number; socket: net.Socket | null; reason: string | null }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath: bridge.socketPath, method: 'CONNECT', path: target, agent: false });
    req.once('connect', (res, socket) => {
      if (res.statusCode !== 200) socket.destroy();
      resolve({ status: res.statusCode ?? 0, socket: res.statusCode === 200 ? socket : null, reason: (res.headers['x-airlock-egress'] as string) ?? null });
    });
    req.once('error', reject);
    req.end();
  });
}

test('CONNECT to an allowlisted name over the Unix socket reaches the real host end to end', async () => {
  const r = await connectVia(`${API}:443`);
  assert.equal(r.status, 200);
  const body = await new Promise<string>((resolve, reject) => {
    const t = tls.connect({ socket: r.socket!, servername: API, ca: readFileSync(fake.certPath) }, () =>
      t.write(`GET /via-bridge HTTP/1.1\r\nHost: ${API}\r\nConnection: close\r\n\r\n`),
    );
    let d = '';
    t.on('data', (c) => (d += c));
    t.once('end', () => resolve(d));
    t.once('error', reject);
  });
  assert.match(body, /fakehost api\.example\.test GET \/via-bridge/);
  assert.ok(events.some((e) => e.kind === 'connect' && e.name === API && e.decision === 'allow' && e.ip === fake.ip));
});

test('non-allowlisted names, loopback targets and address literals are refused over the socket', async () => {
  assert.deepEqual(await connectVia(`${OTHER}:443`).then((r) => [r.status, r.reason]), [403, 'denied; reason=not-allowlisted']);
  assert.deepEqual(await connectVia('loop.example.test:443').then((r) => [r.status, r.reason]), [403, 'denied; reason=loopback-address']);
  assert.deepEqual(await connectVia(`${fake.ip}:443`).then((r) => [r.status, r.reason]), [403, 'denied; reason=not-a-name']);
  assert.ok(events.some((e) => e.name === OTHER && e.decision === 'deny'));
});

test('the launcher bridges loopback TCP to the socket, then runs the server with its stdio and exit code', async () => {
  // On the host's loopback here (a sandbox has its own); a free port instead of the fixed 3128.
  const port = await new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
  // The "server": a client that honours only an explicit proxy address, like HTTPS_PROXY users do.
  const server = `
    const http = require('node:http'); const tls = require('node:tls'); const fs = require('node:fs');
    const req = http.request({ host: '127.0.0.1', port: ${port}, method: 'CONNECT', path: '${API}:443', agent: false });
    req.on('connect', (res, socket) => {
      const t = tls.connect({ socket, servername: '${API}', ca: fs.readFileSync(${JSON.stringify(fake.certPath)}) }, () =>
        t.write('GET /via-launcher HTTP/1.1\\r\\nHost: ${API}\\r\\nConnection: close\\r\\n\\r\\n'));
      let d = ''; t.on('data', (c) => (d += c)); t.on('end', () => { process.stdout.write(d.split('\\r\\n\\r\\n')[1] ?? ''); process.exit(7); });
    });
    req.on('error', (e) => { process.stderr.write(String(e)); process.exit(1); });
    req.end();`;
  const launcher = join(bridge.dir, 'bridge.mjs');
  const child = spawn(process.execPath, [launcher, bridge.socketPath, String(port), process.execPath, '-e', server], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  assert.equal(code, 7, err);
  assert.match(out, /fakehost api\.example\.test GET \/via-launcher/);
  assert.ok(events.some((e) => e.kind === 'connect' && e.name === API && e.decision === 'allow'));
  // Wrapped as the sandbox runs it: the launcher and socket at their in-sandbox paths, then the server.
  assert.deepEqual(bridge.wrap('node', ['server.js']), {
    command: process.execPath,
    args: ['/run/airlock-egress/bridge.mjs', '/run/airlock-egress/proxy.sock', '3128', 'node', 'server.js'],
  });
});

test('the socket lives in a private directory and goes away on close', async () => {
  const parent = join(bridge.socketPath, '..');
  assert.equal(statSync(parent).mode & 0o777, 0o700);
  assert.ok(statSync(bridge.socketPath).isSocket());
  assert.equal(bridge.env.HTTPS_PROXY, 'http://127.0.0.1:3128');
  await bridge.close();
  assert.throws(() => statSync(parent), { code: 'ENOENT' });
  await assert.rejects(connectVia(`${API}:443`), { code: 'ENOENT' });
});
