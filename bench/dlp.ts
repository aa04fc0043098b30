/**
 * DLP throughput and latency: Airlock's engine against secretlint (recommended preset) on the same
 * realistic MCP JSON messages, measured in the same run.   npm run bench:dlp
 *
 * Sizes: 2 KiB, 64 KiB, 1 MiB, 10 MiB. For Airlock two numbers are given: the engine over the
 * message's string leaves (what the gateway pays on top of the JSON parse it does anyway to relay
 * the message) and end to end (JSON.parse + the pipeline's own `collectLeaves` walk + inspect).
 * secretlint scans the raw JSON text.
 */
import { lintSource } from '@secretlint/core';
import { creator as recommended } from '@secretlint/secretlint-rule-preset-recommend';
import { createDlpInspector } from '../src/inspect/dlp/index.js';
import { collectLeaves } from '../src/inspect/leaves.js';
import type { TextLeaf } from '../src/inspect/types.js';

/** The walk the inspection pipeline does (default `gateway.maxDepth`). */
const MAX_DEPTH = 512;
const leavesOf = (value: unknown): TextLeaf[] => collectLeaves(value, MAX_DEPTH);

// Deterministic pseudo-random content.
let seed = 12345;
const rnd = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const AL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const rs = (n: number): string => Array.from({ length: n }, () => AL[Math.floor(rnd() * 62)]).join('');
const hex = (n: number): string => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(rnd() * 16)]).join('');

const LOG_LINES = [
  () => `2026-05-14T09:${10 + Math.floor(rnd() * 49)}:12.512Z INFO  [http] GET /api/v2/orders/${Math.floor(rnd() * 1e6)} 200 ${Math.floor(rnd() * 900)}ms`,
  () => `2026-05-14T09:12:${10 + Math.floor(rnd() * 49)}.101Z WARN  [db] slow query (${Math.floor(rnd() * 3000)}ms): SELECT id, status FROM orders WHERE customer_id = $1`,
  () => `commit ${hex(40)} Merge pull request #${Math.floor(rnd() * 9999)} from acme/feature-${rs(6)}`,
  () => `    at processTicksAndRejections (node:internal/process/task_queues:95:5) request_id=${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`,
  () => `export async function handle${rs(5)}(req: Request): Promise<Response> { return json({ ok: true, items: await repo.list(req.query) }); }`,
  () => `The deployment of service ${rs(6).toLowerCase()} finished with 3 warnings; see https://ci.example.com/builds/${Math.floor(rnd() * 1e5)} for details.`,
];
const SECRETS = [
  () => `AWS_ACCESS_KEY_ID=AKIA${Array.from({ length: 16 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[Math.floor(rnd() * 32)]).join('')}`,
  () => `token: ghp_${rs(36)}`,
  () => `DATABASE_URL=postgres://app:${rs(16)}@db.internal:5432/app`,
  () => `slack: xoxb-${Math.floor(rnd() * 1e12)}-${Math.floor(rnd() * 1e12)}-${rs(24)}`,
  () => `card on file 4242 4242 4242 4242, contact jane.doe@acme.io`,
];

function record(i: number): Record<string, unknown> {
  return {
    id: `ord_${rs(14)}`,
    uuid: `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`,
    status: pick(['open', 'paid', 'shipped', 'refunded']),
    total: Math.floor(rnd() * 100000) / 100,
    currency: 'EUR',
    createdAt: `2026-05-${10 + (i % 20)}T09:12:33Z`,
    note: pick(['Leave at the door', 'Gift wrap please', 'Call before delivery', '', 'Fragile: glassware']),
    sku: `SKU-${Math.floor(rnd() * 1e6)}`,
  };
}

/** A tools/call result of about `size` bytes: log text content plus structured records, a few secrets. */
function message(size: number): string {
  const lines: string[] = [];
  const records: Record<string, unknown>[] = [];
  let approx = 200;
  let i = 0;
  while (approx < size) {
    if (i % 3 === 0) {
      const r = record(i);
      records.push(r);
      approx += JSON.stringify(r).length + 1;
    } else {
      const l = i % 97 === 5 ? pick(SECRETS)() : pick(LOG_LINES)();
      lines.push(l);
      approx += l.length + 2;
    }
    i++;
  }
  return JSON.stringify({
    jsonrpc: '2.0',
    id: 7,
    result: { content: [{ type: 'text', text: lines.join('\n') }], structuredContent: { records }, isError: false },
  });
}

function pctl(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

const dlp = createDlpInspector({});
const ctx = { surface: 'response' as const, server: 'bench' };
const slConfig = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: recommended }] };

const sizes: [string, number, number, number][] = [
  // label, bytes, Airlock iterations, secretlint iterations
  ['2 KiB', 2 * 1024, 3000, 300],
  ['64 KiB', 64 * 1024, 300, 40],
  ['1 MiB', 1024 * 1024, 20, 5],
  ['10 MiB', 10 * 1024 * 1024, 4, 2],
];

const ms = (x: number): string => (x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(0));
console.log(`node ${process.version}, ${dlp.ruleCount} compiled rules; secretlint ${'11'} recommended preset`);
console.log('');
console.log('| size | Airlock engine p50 / p99 ms | Airlock engine MB/s | Airlock parse+walk+inspect MB/s | secretlint p50 / p99 ms | secretlint MB/s | engine ÷ secretlint | end-to-end ÷ secretlint |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const [label, size, iters, slIters] of sizes) {
  const json = message(size);
  const bytes = Buffer.byteLength(json);
  const leaves = leavesOf(JSON.parse(json));
  // Warm-up
  for (let k = 0; k < Math.min(20, iters); k++) dlp.inspect(leaves, ctx);
  const eng: number[] = [];
  for (let k = 0; k < iters; k++) {
    const t0 = performance.now();
    dlp.inspect(leaves, ctx);
    eng.push(performance.now() - t0);
  }
  const e2e: number[] = [];
  for (let k = 0; k < Math.max(2, Math.floor(iters / 2)); k++) {
    const t0 = performance.now();
    dlp.inspect(leavesOf(JSON.parse(json)), ctx);
    e2e.push(performance.now() - t0);
  }
  const sl: number[] = [];
  await lintSource({ source: { filePath: '/bench/message.json', content: json, contentType: 'text' }, options: { config: slConfig } });
  for (let k = 0; k < slIters; k++) {
    const t0 = performance.now();
    await lintSource({ source: { filePath: '/bench/message.json', content: json, contentType: 'text' }, options: { config: slConfig } });
    sl.push(performance.now() - t0);
  }
  const mbps = (t: number): number => bytes / 1e6 / (t / 1000);
  const engMed = pctl(eng, 50);
  const e2eMed = pctl(e2e, 50);
  const slMed = pctl(sl, 50);
  console.log(
    `| ${label} | ${ms(engMed)} / ${ms(pctl(eng, 99))} | ${mbps(engMed).toFixed(0)} | ${mbps(e2eMed).toFixed(0)} | ${ms(slMed)} / ${ms(pctl(sl, 99))} | ${mbps(slMed).toFixed(0)} | ${(slMed / engMed).toFixed(1)}× | ${(slMed / e2eMed).toFixed(1)}× |`,
  );
}
