// The bwrap tier's Unix-socket proxy: the same decisions as the namespace tier, reached over a socket
// file. Talks only to a fake host in a namespace this file creates.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
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

test('the socket lives in a private directory and goes away on close', async () => {
  const parent = join(bridge.socketPath, '..');
  assert.equal(statSync(parent).mode & 0o777, 0o700);
  assert.ok(statSync(bridge.socketPath).isSocket());
  assert.equal(bridge.env.HTTPS_PROXY, 'http://127.0.0.1:3128');
  await bridge.close();
  assert.throws(() => statSync(parent), { code: 'ENOENT' });
  await assert.rejects(connectVia(`${API}:443`), { code: 'ENOENT' });
});
