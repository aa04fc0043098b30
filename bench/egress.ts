/**
 * Egress proxy overhead: TLS connection setup time and download throughput from a sandbox namespace
 * to a fake host in a test namespace, directly versus through Airlock, in the same run and the same
 * client process.
 *
 * - direct: a bench-only veth joins the sandbox namespace straight to the fake host (no Airlock).
 * - transparent: TCP 443 to the fake host's address, redirected by nftables to the SNI proxy.
 * - explicit: CONNECT through the explicit proxy (HTTPS_PROXY).
 *
 * The client alternates paths on every connection and download, so load from other processes on a
 * shared machine hits each path alike. Targets: <= 1 ms added per connection (p50), >= 80% of direct
 * throughput. Run as root: `npm run bench:egress`
 * (env EGRESS_BENCH_CONNECTIONS, EGRESS_BENCH_DOWNLOADS, EGRESS_BENCH_MB).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createFakeHost } from '../test/egress/fakehost.js';
import { egressConfigSchema, prepareEgress } from '../src/egress/index.js';

const exec = promisify(execFile);
const CLIENT = join(dirname(fileURLToPath(import.meta.url)), 'egress-client.mjs');
const NAME = 'bench.example.test';
const connections = Number(process.env.EGRESS_BENCH_CONNECTIONS ?? 300);
const downloads = Number(process.env.EGRESS_BENCH_DOWNLOADS ?? 10);
const bytes = Number(process.env.EGRESS_BENCH_MB ?? 64) * 1024 * 1024;

type Series = { setup: number[]; mbps: number[] };

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

async function runClient(netns: string, job: object): Promise<Record<string, Series>> {
  const { stdout } = await exec('ip', ['netns', 'exec', netns, process.execPath, CLIENT, JSON.stringify(job)], { timeout: 900_000 });
  return JSON.parse(stdout.trim()) as Record<string, Series>;
}

async function main(): Promise<void> {
  const fake = await createFakeHost([NAME]);
  let denied = 0;
  const config = egressConfigSchema.parse({ allow: [NAME], resolve: { [NAME]: fake.ip }, allowPrivate: [`${fake.ip}/32`] });
  const egress = await prepareEgress({
    server: 'bench',
    session: 'bench',
    policyGetter: () => config,
    onEvent: (e) => {
      if (e.decision === 'deny') denied++;
    },
  });
  // The direct path: a veth from the sandbox namespace straight into the fake host's namespace.
  const id = randomBytes(3).toString('hex');
  const [a, b] = [`alkd${id}`, `alke${id}`];
  const octet = parseInt(id.slice(0, 2), 16);
  const directIp = `10.239.${octet}.2`;
  try {
    await exec('ip', ['link', 'add', a, 'type', 'veth', 'peer', 'name', b]);
    await exec('ip', ['link', 'set', a, 'netns', egress.netnsName]);
    await exec('ip', ['link', 'set', b, 'netns', fake.netnsName]);
    await exec('ip', ['-n', egress.netnsName, 'addr', 'add', `10.239.${octet}.1/30`, 'dev', a]);
    await exec('ip', ['-n', fake.netnsName, 'addr', 'add', `${directIp}/30`, 'dev', b]);
    await exec('ip', ['-n', egress.netnsName, 'link', 'set', a, 'up']);
    await exec('ip', ['-n', fake.netnsName, 'link', 'set', b, 'up']);

    const job = {
      name: NAME,
      ca: fake.certPath,
      proxy: { host: egress.hostAddress, port: egress.ports.explicit },
      paths: [
        { label: 'direct', mode: 'direct', ip: directIp },
        { label: 'transparent', mode: 'transparent', ip: fake.ip },
        { label: 'explicit', mode: 'explicit', ip: fake.ip },
      ],
    };
    await runClient(egress.netnsName, { ...job, connections: 30, downloads: 1, bytes: 4 * 1024 * 1024 }); // warm-up
    // The proxy runs in this process: its CPU time over the measured run is Airlock's own cost.
    const cpu0 = process.cpuUsage();
    const r = await runClient(egress.netnsName, { ...job, connections, downloads, bytes });
    const cpu = process.cpuUsage(cpu0);
    const d = r.direct;
    console.log(`egress bench: ${d.setup.length} TLS connections and ${d.mbps.length} x ${bytes / 1024 / 1024} MiB downloads per path, paths alternated`);
    console.log('path         setup p50 ms  setup p99 ms  added p50 ms  added p99 ms  MB/s (median)  throughput vs direct');
    for (const label of ['direct', 'transparent', 'explicit']) {
      const s = r[label];
      console.log(
        [
          label.padEnd(12),
          pct(s.setup, 50).toFixed(3).padStart(12),
          pct(s.setup, 99).toFixed(3).padStart(13),
          (pct(s.setup, 50) - pct(d.setup, 50)).toFixed(3).padStart(13),
          (pct(s.setup, 99) - pct(d.setup, 99)).toFixed(3).padStart(13),
          pct(s.mbps, 50).toFixed(1).padStart(14),
          `${((pct(s.mbps, 50) / pct(d.mbps, 50)) * 100).toFixed(1)}%`.padStart(21),
        ].join(' '),
      );
    }
    for (const label of ['transparent', 'explicit']) {
      const added = pct(r[label].setup, 50) - pct(d.setup, 50);
      const ratio = pct(r[label].mbps, 50) / pct(d.mbps, 50);
      console.log(
        `target ${label}: added setup p50 ${added.toFixed(3)} ms ${added <= 1 ? 'MEETS' : 'MISSES'} <= 1 ms; throughput ${(ratio * 100).toFixed(1)}% ${ratio >= 0.8 ? 'MEETS' : 'MISSES'} >= 80%`,
      );
    }
    const proxiedMiB = (2 * downloads * bytes) / 1024 / 1024;
    console.log(
      `proxy process CPU over the run: user ${(cpu.user / 1000).toFixed(0)} ms, system ${(cpu.system / 1000).toFixed(0)} ms ` +
        `(${((cpu.user + cpu.system) / 1000 / proxiedMiB).toFixed(2)} ms per proxied MiB, connections included)`,
    );
    if (denied > 0) console.log(`warning: ${denied} denied attempts during the bench`);
  } finally {
    await exec('ip', ['-n', egress.netnsName, 'link', 'del', a]).catch(() => {});
    await egress.close();
    await fake.close();
  }
}

await main();
