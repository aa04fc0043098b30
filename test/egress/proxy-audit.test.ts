// The proxy's audit contract: an allowed connection is dialled at once, while its audit record is
// being written, but relays no byte until the record is written; a record that fails closes it.
// The "upstream" is a server-first TCP service on loopback (it greets before the client speaks), so a
// byte relayed too early would be seen. The filter is injected: it names the loopback address itself.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { createEgressProxy, type EgressProxy, type ProxyEvent } from '../../src/egress/proxy.js';
import { createEventEmitter } from '../../src/egress/events.js';

let upstream: net.Server;
let upstreamPort = 0;
const accepted: number[] = [];

before(async () => {
  upstream = net.createServer((s) => {
    accepted.push(performance.now());
    s.on('error', () => {});
    s.write('GREETING-FROM-UPSTREAM');
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  upstreamPort = (upstream.address() as net.AddressInfo).port;
});

after(() => new Promise<void>((r) => upstream.close(() => r())));

async function withProxy(onEvent: (e: ProxyEvent) => unknown, run: (port: number) => Promise<void>): Promise<void> {
  const proxy: EgressProxy = createEgressProxy({
    filter: async (req) => ({ allow: true, name: req.name, port: req.port, ip: '127.0.0.1', reason: 'allowlisted' }),
    onEvent,
  });
  const ports = await proxy.listen({ host: '127.0.0.1', explicitPort: 0, httpPort: 0, tlsPort: 0 });
  try {
    await run(ports.explicitPort);
  } finally {
    await proxy.close();
  }
}

/** CONNECT through the proxy; collects what arrives on the tunnel for a moment. */
function tunnel(proxyPort: number): Promise<{ status: number; reason: string | null; at: number; data: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: proxyPort, method: 'CONNECT', path: `api.example.test:${upstreamPort}`, agent: false });
    req.once('connect', (res, socket, head) => {
      const at = performance.now();
      let data = head.toString();
      socket.on('data', (d) => (data += d.toString()));
      socket.on('error', () => {});
      setTimeout(() => {
        socket.destroy();
        resolve({ status: res.statusCode ?? 0, reason: (res.headers['x-airlock-egress'] as string) ?? null, at, data });
      }, 150);
    });
    req.once('error', reject);
    req.end();
  });
}

test('control: with a sink that records synchronously the tunnel opens and the upstream greeting arrives', async () => {
  await withProxy(() => undefined, async (port) => {
    const r = await tunnel(port);
    assert.equal(r.status, 200);
    assert.equal(r.data, 'GREETING-FROM-UPSTREAM');
  });
});

test('a record that fails closes the connection: 503, and no upstream byte reaches the client', async () => {
  await withProxy(() => Promise.reject(new Error('audit store down')), async (port) => {
    const r = await tunnel(port).catch((err: Error) => ({ status: -1, reason: err.message, at: 0, data: '' }));
    assert.equal(r.status, 503, JSON.stringify(r));
    assert.equal(r.reason, 'refused; reason=audit-unavailable');
    assert.equal(r.data, '');
  });
  // A sink that throws synchronously is the same failure.
  await withProxy(() => {
    throw new Error('audit store down');
  }, async (port) => {
    const r = await tunnel(port);
    assert.equal(r.status, 503);
    assert.equal(r.data, '');
  });
});

test('the dial does not wait for the record, but the tunnel opens only once the record is written', async () => {
  let writtenAt = 0;
  const before = accepted.length;
  await withProxy(
    () => new Promise<void>((resolve) => setTimeout(() => ((writtenAt = performance.now()), resolve()), 120)),
    async (port) => {
      const r = await tunnel(port);
      assert.equal(r.status, 200);
      assert.equal(r.data, 'GREETING-FROM-UPSTREAM');
      assert.equal(accepted.length, before + 1);
      assert.ok(accepted[before]! < writtenAt, 'the upstream was dialled while the record was still being written');
      assert.ok(r.at >= writtenAt, 'no byte (not even the 200) before the record was written');
    },
  );
});

test('through the event emitter: a failing audit append is reported and closes the connection', async () => {
  const sinkErrors: unknown[] = [];
  const emit = createEventEmitter({ server: 'audit-contract', session: 's' }, () => Promise.reject(new Error('append failed')), (e) => sinkErrors.push(e));
  await withProxy(emit, async (port) => {
    const r = await tunnel(port);
    assert.equal(r.status, 503);
    assert.equal(r.data, '');
  });
  assert.equal(sinkErrors.length, 1);
});
