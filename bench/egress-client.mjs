// Bench client for bench/egress.ts, run inside the sandbox namespace. It alternates between paths on
// every connection and every download, so load from other processes hits all paths alike.
// argv[2]: { name, ca, connections, downloads, bytes, proxy: {host, port}, paths: [{ label, mode, ip }] }
//   mode 'direct': TLS straight to ip:443 (a bench-only veth to the fake host, no Airlock)
//   mode 'transparent': TLS to ip:443, redirected by nftables to Airlock's SNI proxy
//   mode 'explicit': CONNECT name:443 through Airlock's explicit proxy, then TLS
import net from 'node:net';
import tls from 'node:tls';
import http from 'node:http';
import { readFileSync } from 'node:fs';

const job = JSON.parse(process.argv[2]);
const ca = readFileSync(job.ca);

function rawSocket(path) {
  if (path.mode !== 'explicit') {
    return new Promise((resolve, reject) => {
      const s = net.connect({ host: path.ip, port: 443 });
      s.setNoDelay(true);
      s.once('connect', () => resolve(s));
      s.once('error', reject);
    });
  }
  return new Promise((resolve, reject) => {
    const req = http.request({ host: job.proxy.host, port: job.proxy.port, method: 'CONNECT', path: `${job.name}:443`, agent: false });
    req.once('connect', (res, s) => (res.statusCode === 200 ? (s.setNoDelay(true), resolve(s)) : reject(new Error(`proxy said ${res.statusCode}`))));
    req.once('error', reject);
    req.end();
  });
}

async function secure(path) {
  const t0 = process.hrtime.bigint();
  const sock = await rawSocket(path);
  const t = await new Promise((resolve, reject) => {
    const c = tls.connect({ socket: sock, servername: job.name, ca }, () => resolve(c));
    c.once('error', reject);
    c.once('close', () => reject(new Error(`${path.label}: closed during the TLS handshake`)));
  });
  return { t, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

function get(t, target) {
  return new Promise((resolve, reject) => {
    let headerDone = false;
    let body = 0;
    let buf = Buffer.alloc(0);
    let length = -1;
    t.on('data', (d) => {
      if (!headerDone) {
        buf = Buffer.concat([buf, d]);
        const i = buf.indexOf('\r\n\r\n');
        if (i < 0) return;
        headerDone = true;
        length = Number(/content-length: (\d+)/i.exec(buf.subarray(0, i).toString())?.[1] ?? -1);
        body = buf.length - i - 4;
      } else body += d.length;
      if (length >= 0 && body >= length) {
        t.destroy();
        resolve(body);
      }
    });
    t.once('error', reject);
    t.once('close', () => reject(new Error(`connection closed after ${body} body bytes`)));
    t.write(`GET ${target} HTTP/1.1\r\nHost: ${job.name}\r\nConnection: close\r\n\r\n`);
  });
}

const out = Object.fromEntries(job.paths.map((p) => [p.label, { setup: [], mbps: [] }]));
for (let i = 0; i < job.connections; i++) {
  for (const p of i % 2 ? [...job.paths].reverse() : job.paths) {
    const { t, ms } = await secure(p);
    out[p.label].setup.push(ms);
    await get(t, '/blob?size=16');
  }
}
for (let i = 0; i < job.downloads; i++) {
  for (const p of i % 2 ? [...job.paths].reverse() : job.paths) {
    const { t } = await secure(p);
    const t0 = process.hrtime.bigint();
    const n = await get(t, `/blob?size=${job.bytes}`);
    out[p.label].mbps.push(n / (Number(process.hrtime.bigint() - t0) / 1e9) / 1e6);
  }
}
process.stdout.write(JSON.stringify(out) + '\n');
process.exit(0);
