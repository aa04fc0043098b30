import { test } from 'node:test';
import assert from 'node:assert/strict';
import tls from 'node:tls';
import net from 'node:net';
import { readClientHelloSni } from '../../src/egress/sni.js';
import { parseHttpHost } from '../../src/egress/proxy.js';

/** Captures the real ClientHello Node's TLS stack sends for a server name (loopback only). */
async function captureClientHello(servername: string | undefined): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer((s) => {
      s.once('data', (d: Buffer) => {
        resolve(d);
        s.destroy();
        srv.close();
      });
    });
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      const c = tls.connect({ host: '127.0.0.1', port, servername, rejectUnauthorized: false });
      c.on('error', () => {});
    });
    srv.on('error', reject);
  });
}

test('reads SNI from a real ClientHello, also when it arrives byte by byte', async () => {
  const hello = await captureClientHello('api.example.test');
  assert.deepEqual(readClientHelloSni(hello), { state: 'done', sni: 'api.example.test' });
  for (let i = 1; i < hello.length; i += 37) {
    assert.equal(readClientHelloSni(hello.subarray(0, i)).state, 'need-more', `prefix ${i}`);
  }
});

test('a ClientHello without SNI yields null; non-TLS and corrupt input are refused', async () => {
  const hello = await captureClientHello(undefined);
  assert.deepEqual(readClientHelloSni(hello), { state: 'done', sni: null });
  assert.equal(readClientHelloSni(Buffer.from('GET / HTTP/1.1\r\n')).state, 'not-tls');
  const corrupt = Buffer.from(hello);
  corrupt[5] = 0x02; // not a ClientHello
  assert.equal(readClientHelloSni(corrupt).state, 'malformed');
});

test('a ClientHello split over two TLS records is reassembled', async () => {
  const hello = await captureClientHello('split.example.test');
  const body = hello.subarray(5);
  const cut = 60;
  const rec = (b: Buffer) => Buffer.concat([Buffer.from([0x16, 0x03, 0x01, b.length >> 8, b.length & 255]), b]);
  const two = Buffer.concat([rec(body.subarray(0, cut)), rec(body.subarray(cut))]);
  assert.deepEqual(readClientHelloSni(two), { state: 'done', sni: 'split.example.test' });
});

test('HTTP Host parsing refuses duplicates and missing Host', () => {
  assert.deepEqual(parseHttpHost(Buffer.from('GET / HTTP/1.1\r\nHost: a.test:8080\r\n\r\n')), { done: true, name: 'a.test' });
  assert.deepEqual(parseHttpHost(Buffer.from('GET / HTTP/1.1\r\nHost: a.test\r\n')), { done: false });
  assert.equal((parseHttpHost(Buffer.from('GET / HTTP/1.1\r\nHost: a.test\r\nhost: b.test\r\n\r\n')) as { reason?: string }).reason, 'duplicate-host');
  assert.equal((parseHttpHost(Buffer.from('GET / HTTP/1.1\r\nX: y\r\n\r\n')) as { reason?: string }).reason, 'no-host');
  assert.equal((parseHttpHost(Buffer.from('\x16\x03\x01 junk\r\n\r\n')) as { reason?: string }).reason, 'not-http');
});
