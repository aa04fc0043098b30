// The proxy's relay of bytes: a download whose upstream sends everything and closes at once must reach
// a slow client whole (the proxy's queue towards the client is flushed, not dropped), and a broken-off
// upstream must take the client down. The upstream is a TCP service on loopback; the filter is injected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { createHash, randomBytes } from 'node:crypto';
import { createEgressProxy } from '../../src/egress/proxy.js';

const PAYLOAD = randomBytes(8 * 1024 * 1024);

async function withUpstreamAndProxy(onUpstream: (s: net.Socket) => void, run: (proxyPort: number, upstreamPort: number) => Promise<void>): Promise<void> {
  const upstream = net.createServer((s) => {
    s.on('error', () => {});
    onUpstream(s);
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  const upstreamPort = (upstream.address() as net.AddressInfo).port;
  const proxy = createEgressProxy({
    filter: async (req) => ({ allow: true, name: req.name, port: req.port, ip: '127.0.0.1', reason: 'allowlisted' }),
    onEvent: () => undefined,
  });
  const ports = await proxy.listen({ host: '127.0.0.1', explicitPort: 0, httpPort: 0, tlsPort: 0 });
  try {
    await run(ports.explicitPort, upstreamPort);
  } finally {
    await proxy.close();
    await new Promise<void>((r) => upstream.close(() => r()));
  }
}

function openTunnel(proxyPort: number, upstreamPort: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: proxyPort, method: 'CONNECT', path: `api.example.test:${upstreamPort}`, agent: false });
    req.once('connect', (res, socket, head) => {
      assert.equal(res.statusCode, 200);
      if (head.length) socket.unshift(head);
      resolve(socket);
    });
    req.once('error', reject);
    req.end();
  });
}

test('an upstream that sends 8 MiB and closes at once: a slower client still receives every byte, then EOF', async () => {
  await withUpstreamAndProxy(
    (s) => s.end(PAYLOAD),
    async (proxyPort, upstreamPort) => {
      const socket = await openTunnel(proxyPort, upstreamPort);
      socket.pause();
      // The upstream has long finished and closed by the time this client starts reading.
      await new Promise((r) => setTimeout(r, 400));
      const hash = createHash('sha256');
      let got = 0;
      const outcome = await new Promise<string>((resolve) => {
        // A client slower than the upstream throughout, so the proxy still holds bytes for it when
        // it reads the upstream's end.
        socket.on('data', (d: Buffer) => {
          got += d.length;
          hash.update(d);
          socket.pause();
          setTimeout(() => socket.resume(), 3);
        });
        socket.once('end', () => resolve('end'));
        socket.once('error', (e) => resolve(`error ${e.message}`));
        socket.resume();
      });
      assert.equal(outcome, 'end');
      assert.equal(got, PAYLOAD.length);
      assert.equal(hash.digest('hex'), createHash('sha256').update(PAYLOAD).digest('hex'));
    },
  );
});

test('an upstream that breaks off (reset) closes the client too', async () => {
  await withUpstreamAndProxy(
    // Resets only once the tunnel carries bytes, so the reset is not mistaken for a failed dial.
    (s) => s.once('data', () => s.write('partial', () => s.resetAndDestroy())),
    async (proxyPort, upstreamPort) => {
      const socket = await openTunnel(proxyPort, upstreamPort);
      socket.write('go');
      const closed = await new Promise<boolean>((resolve) => {
        socket.on('data', () => {});
        socket.on('error', () => {});
        socket.once('close', () => resolve(true));
        setTimeout(() => resolve(false), 3000);
      });
      assert.ok(closed, 'the client was closed after the upstream reset');
    },
  );
});
