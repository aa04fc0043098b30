// The resolver's wire behaviour, driven with real DNS packets through `handle` (no sockets needed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import net from 'node:net';
import dnsPacket from 'dns-packet';
import type { RecordType } from 'dns-packet';
import { createEgressDns, looksLikeTunnel, type DnsEvent } from '../../src/egress/dns.js';
import { egressConfigSchema, type EgressConfig } from '../../src/egress/config.js';
import type { UpstreamResolver } from '../../src/egress/resolve.js';

const config = egressConfigSchema.parse({
  allow: ['api.example.test', 'db.example.test:5432', 'rebind.example.test', '*.wild.example.test'],
  allowWildcards: true,
  resolve: { 'api.example.test': ['10.238.0.2', 'fd00:a1a1::2'], 'db.example.test': '10.238.0.2' },
  allowPrivate: ['10.238.0.0/30'],
});

function setup(getter: () => EgressConfig = () => config, upstream?: UpstreamResolver) {
  const events: DnsEvent[] = [];
  const answered: Array<[string, string[], number]> = [];
  const dns = createEgressDns({
    policyGetter: getter,
    upstream:
      upstream ??
      (async (name) => {
        if (name === 'rebind.example.test') return { addresses: ['127.0.0.1'], ttl: 5 };
        if (name.endsWith('.wild.example.test')) return { addresses: ['10.238.0.1'], ttl: 60 };
        throw Object.assign(new Error('nx'), { code: 'ENOTFOUND' });
      }),
    onEvent: (e) => events.push(e),
    onAnswer: (n, a, ttl) => void answered.push([n, a, ttl]),
  });
  const ask = async (name: string, type: RecordType | 'ANY') => {
    const out = await dns.handle(dnsPacket.encode({ type: 'query', id: 4242, flags: dnsPacket.RECURSION_DESIRED, questions: [{ type: type as RecordType, name, class: 'IN' }] }));
    return out ? (dnsPacket.decode(out) as dnsPacket.DecodedPacket & { rcode: string }) : null;
  };
  return { ask, events, answered };
}

test('an allowlisted name gets its IPv4 addresses with the TTL; AAAA is empty (no IPv6 in sandboxes)', async () => {
  const { ask, events, answered } = setup();
  const a = await ask('API.example.test', 'A');
  assert.equal(a?.rcode, 'NOERROR');
  assert.equal(a?.id, 4242);
  assert.deepEqual(a?.answers?.map((x) => [x.type, 'data' in x ? x.data : null, 'ttl' in x ? x.ttl : null]), [['A', '10.238.0.2', 30]]);
  const aaaa = await ask('api.example.test', 'AAAA');
  assert.equal(aaaa?.rcode, 'NOERROR');
  assert.equal(aaaa?.answers?.length, 0);
  assert.deepEqual(events.map((e) => [e.kind, e.name, e.decision, e.qtype, e.ip]), [
    ['dns', 'api.example.test', 'allow', 'A', '10.238.0.2'],
    ['dns', 'api.example.test', 'allow', 'AAAA', null],
  ]);
  assert.deepEqual(answered, [['api.example.test', ['10.238.0.2'], 30]]);
});

test('names off the allowlist get NXDOMAIN; tunnel-shaped queries are REFUSED and logged without payload', async () => {
  const { ask, events } = setup();
  assert.equal((await ask('other.example.test', 'A'))?.rcode, 'NXDOMAIN');
  assert.equal((await ask('example.test', 'A'))?.rcode, 'NXDOMAIN');
  assert.equal((await ask('metadata.google.internal', 'A'))?.rcode, 'NXDOMAIN');
  assert.equal((await ask('x.evil.test', 'TXT'))?.rcode, 'REFUSED');
  assert.equal((await ask('x.evil.test', 'ANY'))?.rcode, 'REFUSED');
  assert.equal((await ask('x.evil.test', 'NULL'))?.rcode, 'REFUSED');
  const secret = 'a3f9c2e81b7d4f60a3f9c2e81b7d4f60';
  assert.equal((await ask(`${secret}.evil.test`, 'A'))?.rcode, 'REFUSED');
  assert.deepEqual(events.map((e) => e.reason), [
    'not-allowlisted',
    'not-allowlisted',
    'metadata-name',
    'tunnel-suspect',
    'tunnel-suspect',
    'tunnel-suspect',
    'tunnel-suspect',
  ]);
  assert.ok(events.every((e) => e.decision === 'deny'));
  assert.ok(!JSON.stringify(events).includes(secret));
});

test('allowlisted names that resolve to refused addresses get no answer (DNS rebinding)', async () => {
  const { ask, events } = setup();
  const r = await ask('rebind.example.test', 'A');
  assert.equal(r?.rcode, 'NOERROR');
  assert.equal(r?.answers?.length, 0);
  assert.deepEqual([events[0].decision, events[0].reason, events[0].ip], ['deny', 'loopback-address', '127.0.0.1']);
});

test('wildcards resolve labels under the zone but not the apex; other types for allowed names are empty', async () => {
  const { ask } = setup();
  assert.equal((await ask('a.b.wild.example.test', 'A'))?.answers?.length, 1);
  assert.equal((await ask('wild.example.test', 'A'))?.rcode, 'NXDOMAIN');
  const txt = await ask('api.example.test', 'TXT');
  assert.deepEqual([txt?.rcode, txt?.answers?.length], ['NOERROR', 0]);
});

test('fail closed: a throwing policy getter gives SERVFAIL, garbage gives no answer, upstream NX is NXDOMAIN', async () => {
  const broken = setup(() => {
    throw new Error('store down');
  });
  assert.equal((await broken.ask('api.example.test', 'A'))?.rcode, 'SERVFAIL');
  assert.equal(broken.events[0].reason, 'policy-unavailable');
  const { ask, events } = setup();
  const dns = createEgressDns({ policyGetter: () => config, upstream: async () => ({ addresses: [], ttl: 1 }), onEvent: (e) => events.push(e) });
  assert.equal(await dns.handle(Buffer.from([1, 2, 3])), null);
  assert.equal(events.at(-1)?.reason, 'malformed-query');
  const nx = setup(() => egressConfigSchema.parse({ allow: ['gone.example.test'] }));
  assert.equal((await nx.ask('gone.example.test', 'A'))?.rcode, 'NXDOMAIN');
  assert.equal((await ask('db.example.test', 'A'))?.answers?.length, 1);
});

test('the tunnel heuristic leaves ordinary names alone', () => {
  for (const n of ['api.github.com', 'registry.npmjs.org', 's3.us-east-1.amazonaws.com', 'd1a2b3c4d5e6f7.cloudfront.net', 'www.googleapis.com', 'login.microsoftonline.com', 'my-service-name.internal.example.com']) {
    assert.equal(looksLikeTunnel(n), false, n);
  }
  for (const n of ['aGVsbG8gd29ybGQgdGhpcyBpcyBzZWNyZXQ.evil.test', `${'a'.repeat(50)}.evil.test`, 'mzxw6ytboi2gk3tfmvzxg4tf.evil.test']) {
    assert.equal(looksLikeTunnel(n), true, n);
  }
});

test('the UDP and TCP front ends answer on the same port (loopback only)', async () => {
  const events: DnsEvent[] = [];
  const dns = createEgressDns({ policyGetter: () => config, upstream: async () => ({ addresses: [], ttl: 1 }), onEvent: (e) => events.push(e) });
  const port = await dns.listen('127.0.0.1', 0);
  try {
    const query = dnsPacket.encode({ type: 'query', id: 7, questions: [{ type: 'A', name: 'api.example.test', class: 'IN' }] });
    const udp = dgram.createSocket('udp4');
    const udpAnswer = await new Promise<Buffer>((resolve) => {
      udp.once('message', resolve);
      udp.send(query, port, '127.0.0.1');
    });
    udp.close();
    const tcpAnswer = await new Promise<Buffer>((resolve, reject) => {
      const s = net.connect({ host: '127.0.0.1', port }, () => s.write(Buffer.concat([Buffer.from([0, query.length]), query])));
      let buf = Buffer.alloc(0);
      s.on('data', (d: Buffer) => {
        buf = Buffer.concat([buf, d]);
        if (buf.length >= 2 && buf.length >= 2 + buf.readUInt16BE(0)) {
          s.destroy();
          resolve(buf.subarray(2));
        }
      });
      s.once('error', reject);
    });
    for (const raw of [udpAnswer, tcpAnswer]) {
      const a = dnsPacket.decode(raw);
      assert.equal(a.id, 7);
      assert.deepEqual(a.answers?.map((x) => ('data' in x ? x.data : null)), ['10.238.0.2']);
    }
    assert.equal(events.length, 2);
  } finally {
    await dns.close();
  }
});

test('an address is given out only once its audit record is written; a failed record answers SERVFAIL', async () => {
  const make = (onEvent: (e: DnsEvent) => unknown) =>
    createEgressDns({ policyGetter: () => config, upstream: async () => Promise.reject(new Error('unused')), onEvent });
  const ask = async (dns: ReturnType<typeof make>) =>
    dnsPacket.decode((await dns.handle(dnsPacket.encode({ type: 'query', id: 7, questions: [{ type: 'A', name: 'api.example.test', class: 'IN' }] })))!) as dnsPacket.DecodedPacket & { rcode: string };
  const failed = await ask(make(() => Promise.reject(new Error('audit store down'))));
  assert.equal(failed.rcode, 'SERVFAIL');
  assert.equal(failed.answers?.length, 0);
  let written = false;
  const slow = make(() => new Promise<void>((r) => setTimeout(() => ((written = true), r()), 50)));
  const ok = await ask(slow);
  assert.ok(written, 'the answer waited for the record');
  assert.deepEqual(ok.answers?.map((x) => ('data' in x ? x.data : null)), ['10.238.0.2']);
});
