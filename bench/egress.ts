/**
 * Egress proxy overhead: TLS connection setup time and download throughput to a fake host in a test
 * namespace, directly from the host versus from a sandbox namespace through Airlock (transparent
 * redirect + SNI proxy, and explicit CONNECT), in the same run.
 *
 * Targets: <= 1 ms added per connection (p50), >= 80% of direct throughput.
 * Run as root: `npm run bench:egress` (env EGRESS_BENCH_CONNECTIONS, EGRESS_BENCH_MB, EGRESS_BENCH_DOWNLOADS, EGRESS_BENCH_ROUNDS).
 * Paths are measured in interleaved rounds so load from other processes hits each path alike.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { createFakeHost } from '../test/egress/fakehost.js';
import { egressConfigSchema, prepareEgress } from '../src/egress/index.js';

const exec = promisify(execFile);
const CLIENT = join(dirname(fileURLToPath(import.meta.url)), 'egress-client.mjs');
const NAME = 'bench.example.test';
const connections = Number(process.env.EGRESS_BENCH_CONNECTIONS ?? 300);
const downloads = Number(process.env.EGRESS_BENCH_DOWNLOADS ?? 5);
const bytes = Number(process.env.EGRESS_BENCH_MB ?? 64) * 1024 * 1024;

interface Result {
  setup: number[];
  mbps: number[];
}

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const median = (xs: number[]): number => pct(xs, 50);

async function runClient(netns: string | null, job: object): Promise<Result> {
  const args = [CLIENT, JSON.stringify(job)];
  const { stdout } = netns
    ? await exec('ip', ['netns', 'exec', netns, process.execPath, ...args], { timeout: 600_000 })
    : await exec(process.execPath, args, { timeout: 600_000 });
  return JSON.parse(stdout.trim()) as Result;
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
  try {
    const base = { ip: fake.ip, name: NAME, ca: fake.certPath, connections, downloads, bytes };
    const proxy = { host: egress.hostAddress, port: egress.ports.explicit };
    // Warm up every path (JIT, ARP, conntrack) before measuring.
    const warm = { ...base, connections: 20, downloads: 1, bytes: 1024 * 1024 };
    await runClient(null, { ...warm, mode: 'direct' });
    await runClient(egress.netnsName, { ...warm, mode: 'transparent' });
    await runClient(egress.netnsName, { ...warm, mode: 'explicit', proxy });
    const rows: Array<[string, Result]> = [];
    // Interleave rounds so machine noise hits every path alike.
    const acc: Record<string, Result> = { direct: { setup: [], mbps: [] }, transparent: { setup: [], mbps: [] }, explicit: { setup: [], mbps: [] } };
    const rounds = Number(process.env.EGRESS_BENCH_ROUNDS ?? 10);
    for (let r = 0; r < rounds; r++) {
      const per = { ...base, connections: Math.ceil(connections / rounds), downloads: Math.max(1, Math.ceil(downloads / rounds)) };
      for (const [mode, ns] of [['direct', null], ['transparent', egress.netnsName], ['explicit', egress.netnsName]] as const) {
        const res = await runClient(ns, { ...per, mode, proxy });
        acc[mode].setup.push(...res.setup);
        acc[mode].mbps.push(...res.mbps);
      }
    }
    for (const mode of ['direct', 'transparent', 'explicit']) rows.push([mode, acc[mode]]);
    const direct = acc.direct;
    console.log(`egress bench: ${acc.direct.setup.length} TLS connections and ${acc.direct.mbps.length} x ${bytes / 1024 / 1024} MiB downloads per path`);
    console.log('path         setup p50 ms  setup p99 ms  added p50 ms  added p99 ms  MB/s (median)  throughput vs direct');
    for (const [mode, r] of rows) {
      const line = [
        mode.padEnd(12),
        pct(r.setup, 50).toFixed(3).padStart(12),
        pct(r.setup, 99).toFixed(3).padStart(13),
        (pct(r.setup, 50) - pct(direct.setup, 50)).toFixed(3).padStart(13),
        (pct(r.setup, 99) - pct(direct.setup, 99)).toFixed(3).padStart(13),
        median(r.mbps).toFixed(1).padStart(14),
        `${((median(r.mbps) / median(direct.mbps)) * 100).toFixed(1)}%`.padStart(21),
      ];
      console.log(line.join(' '));
    }
    const addedP50 = pct(acc.transparent.setup, 50) - pct(direct.setup, 50);
    const ratio = median(acc.transparent.mbps) / median(direct.mbps);
    console.log(
      `targets (transparent path): added setup p50 ${addedP50.toFixed(3)} ms ${addedP50 <= 1 ? '<=' : '>'} 1 ms; throughput ${(ratio * 100).toFixed(1)}% ${ratio >= 0.8 ? '>=' : '<'} 80%`,
    );
    if (denied > 0) console.log(`warning: ${denied} denied attempts during the bench`);
  } finally {
    await egress.close();
    await fake.close();
  }
}

await main();
