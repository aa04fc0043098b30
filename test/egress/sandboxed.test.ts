// The probe run as a real sandboxed server: under the gvisor driver (runsc --network=host inside the
// namespace prepared by prepareEgress) and the bwrap driver (nsenter into the same namespace). The only
// "outside" is the fake host in a namespace this file creates.
import { REPO } from '../sandbox/helpers.js';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import net from 'node:net';
import { createFakeHost, PROBE, type FakeHost, type ProbeResult } from './fakehost.js';
import { egressConfigSchema, prepareEgress, type EgressConfig, type EgressEvent } from '../../src/egress/index.js';
import { getDriver } from '../../src/sandbox/index.js';
import { runscInfo } from '../../src/sandbox/runsc.js';
import type { IsolationKind, SandboxSpec } from '../../src/sandbox/types.js';

assert.equal(process.getuid?.(), 0, 'egress tests run as root');
assert.ok(runscInfo(), 'runsc is required: apt-get install -y runsc');

const API = 'api.example.test';
const OTHER = 'other.example.test';
const tag = randomBytes(4).toString('hex');
const base = `/var/tmp/alk-egress-${tag}`;
const caDir = join(base, 'ca');
const runtimeDir = join(base, 'run');
let fake: FakeHost;
let config: EgressConfig;
const events: EgressEvent[] = [];
let egress: Awaited<ReturnType<typeof prepareEgress>>;
let hostService: net.Server;
let hostServicePort = 0;

before(async () => {
  fake = await createFakeHost([API, OTHER]);
  mkdirSync(caDir, { recursive: true, mode: 0o755 });
  copyFileSync(fake.certPath, join(caDir, 'ca.pem'));
  config = egressConfigSchema.parse({ allow: [API], resolve: { [API]: fake.ip, [OTHER]: fake.ip }, allowPrivate: [`${fake.ip}/32`] });
  hostService = net.createServer((c) => {
    c.on('error', () => {});
    c.end('host-secret');
  });
  await new Promise<void>((r) => hostService.listen(0, '0.0.0.0', r));
  hostServicePort = (hostService.address() as net.AddressInfo).port;
  egress = await prepareEgress({ server: 'probe', session: 'sandboxed', policyGetter: () => config, onEvent: (e) => events.push(e) });
});

after(async () => {
  await egress?.close();
  await fake?.close();
  hostService?.close();
  rmSync(base, { recursive: true, force: true });
});

async function runUnder(kind: IsolationKind, ops: object[], withProxyEnv: boolean): Promise<ProbeResult[]> {
  const ca = join(caDir, 'ca.pem');
  const spec: SandboxSpec = {
    server: 'probe',
    command: process.execPath,
    args: [PROBE, JSON.stringify(ops)],
    env: {
      PATH: '/usr/local/bin:/usr/bin:/bin',
      PROBE_CA: ca,
      NODE_EXTRA_CA_CERTS: ca,
      ...(withProxyEnv ? egress.env : {}),
    },
    workspace: join(base, `ws-${kind}-${randomBytes(3).toString('hex')}`),
    ephemeralWorkspace: true,
    mounts: [
      // The checkout (the probe lives in it), visible even when it sits under a hidden path such as /tmp.
      { source: REPO, target: REPO, readOnly: true },
      { source: caDir, target: caDir, readOnly: true },
      { source: egress.resolvConfPath, target: '/etc/resolv.conf', readOnly: true },
    ],
    masked: [],
    limits: { memoryMb: 384, cpus: 1, pids: 64, openFiles: 256, fileSizeMb: 16 },
    network: { mode: 'namespace', netnsPath: egress.netnsPath },
  };
  const sandbox = await getDriver(kind, { runtimeDir }).start(spec);
  sandbox.stdin.end();
  let out = '';
  let err = '';
  sandbox.stdout.on('data', (d: Buffer) => (out += d.toString()));
  sandbox.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exit = await Promise.race([sandbox.exited, new Promise<null>((r) => setTimeout(() => r(null), 90_000))]);
  await sandbox.kill();
  const line = out.trim().split('\n').pop() ?? '';
  assert.ok(exit && line.startsWith('['), `probe under ${kind} printed no result (exit ${JSON.stringify(exit)}): ${err.slice(-600)}`);
  return JSON.parse(line) as ProbeResult[];
}

for (const kind of ['gvisor', 'bwrap'] as const) {
  describe(`probe server under ${kind}`, () => {
    test('allowlisted name works via proxy variables and transparently; everything else fails', async () => {
      const before = events.length;
      const [viaProxy, viaConnect] = await runUnder(
        kind,
        [
          { op: 'httpProxy', url: `http://${API}/proxied` },
          { op: 'httpsProxy', host: API, port: 443 },
        ],
        true,
      );
      assert.equal(viaProxy.status, 200, JSON.stringify(viaProxy));
      assert.match(viaProxy.body ?? '', /fakehost api\.example\.test GET \/proxied/);
      assert.equal(viaConnect.status, 200, JSON.stringify(viaConnect));

      const [plain, tls, other, raw, txt, udp, v6, port] = await runUnder(
        kind,
        [
          { op: 'fetch', url: `http://${API}/transparent` },
          { op: 'fetch', url: `https://${API}/transparent` },
          { op: 'fetch', url: `https://${OTHER}/` },
          { op: 'tcp', host: fake.ip, port: 9000 },
          { op: 'dns', type: 'TXT', name: 'mzxw6ytboi2gk3tfmvzxg4tfmnzgk5dtnfxgo.exfil.test' },
          { op: 'udp', host: fake.ip, port: 9999 },
          { op: 'tcp', host: fake.ip6, port: 80, family: 6 },
          { op: 'tcp', host: egress.hostAddress, port: hostServicePort },
        ],
        false,
      );
      assert.equal(plain.status, 200, JSON.stringify(plain));
      assert.match(plain.body ?? '', /GET \/transparent/);
      assert.equal(tls.status, 200, JSON.stringify(tls));
      assert.equal(other.ok, false, JSON.stringify(other));
      assert.equal(raw.ok, false, JSON.stringify(raw));
      assert.equal(txt.ok, false);
      assert.equal(txt.code, 'EREFUSED');
      assert.equal(udp.ok, false);
      assert.equal(v6.ok, false);
      assert.equal(port.ok, false, 'a host service on 0.0.0.0 is not reachable from the sandbox');
      // Control: the same service answers on the same address from the host.
      const fromHost = await new Promise<string>((resolve, reject) => {
        const c = net.connect({ host: egress.hostAddress, port: hostServicePort });
        c.once('data', (d) => resolve(d.toString()));
        c.once('error', reject);
      });
      assert.equal(fromHost, 'host-secret');
      const ev = events.slice(before);
      assert.ok(ev.some((e) => e.kind === 'tls' && e.name === API && e.decision === 'allow'));
      assert.ok(ev.some((e) => e.kind === 'dns' && e.name === OTHER && e.decision === 'deny'));
      assert.ok(ev.some((e) => e.kind === 'dns' && e.reason === 'tunnel-suspect'));
    });
  });
}
