// Bench client for bench/egress.ts. Runs either on the host (direct) or inside a sandbox namespace
// (through Airlock's proxy). argv[2] is a JSON job; prints one JSON result line.
//   { mode: 'direct'|'transparent'|'explicit', ip, name, proxy?: {host, port}, connections, bytes, downloads }
import net from 'node:net';
import tls from 'node:tls';
import http from 'node:http';
import { readFileSync } from 'node:fs';

const job = JSON.parse(process.argv[2]);
const ca = readFileSync(job.ca);

function rawSocket() {
  if (job.mode !== 'explicit') {
    return new Promise((resolve, reject) => {
      const s = net.connect({ host: job.ip, port: 443 });
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

async function secure() {
  const t0 = process.hrtime.bigint();
  const sock = await rawSocket();
  const t = await new Promise((resolve, reject) => {
    const c = tls.connect({ socket: sock, servername: job.name, ca }, () => resolve(c));
    c.once('error', reject);
  });
  return { t, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

function get(t, path) {
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
    t.write(`GET ${path} HTTP/1.1\r\nHost: ${job.name}\r\nConnection: close\r\n\r\n`);
  });
}

const setup = [];
for (let i = 0; i < job.connections; i++) {
  const { t, ms } = await secure();
  setup.push(ms);
  await get(t, '/blob?size=16');
}
const mbps = [];
for (let i = 0; i < job.downloads; i++) {
  const { t } = await secure();
  const t0 = process.hrtime.bigint();
  const n = await get(t, `/blob?size=${job.bytes}`);
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  mbps.push(n / s / 1e6);
}
process.stdout.write(JSON.stringify({ setup, mbps }) + '\n');
process.exit(0);
