/**
 * npm run bench:vulns — inventory and match one server with ~300 dependencies against 200,000
 * synthetic OSV advisories, and the time to load such a feed (import into the store, then load the
 * in-memory index from it). SQLite store.
 *
 * Baseline, measured in the same run: matching the same inventory by scanning every advisory (no
 * per-package index), which is what a store without the (ecosystem, name) index would do.
 *
 * Also: the exploit inspector on typical MCP messages (a tools/call request, a 10 KB and a 1 MB
 * result), against a baseline of parsing the same message and collecting its string leaves.
 *
 * BENCH_ADVISORIES (default 200000), BENCH_DEPS (default 300). Run with --expose-gc (the npm script
 * does) so that garbage from building each fresh index is collected outside the timed section.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/index.js';
import { importFeed, loadIndex } from '../src/vulns/advisory-store.js';
import { distinctPackages, inventoryNpmLockfile } from '../src/vulns/inventory.js';
import { AdvisoryIndex, packageKey, type PackageRef } from '../src/vulns/osv-match.js';
import type { OsvRecord } from '../src/vulns/osv-schema.js';
import { createExploitInspector } from '../src/inspect/exploits/index.js';
import { collectLeaves } from '../src/inspect/leaves.js';
import { printTable, summarise } from './lib.js';

const N_ADV = Number(process.env.BENCH_ADVISORIES ?? 200_000);
const N_DEPS = Number(process.env.BENCH_DEPS ?? 300);
const N_NAMES = Math.max(N_DEPS * 4, Math.floor(N_ADV / 3));

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const rand = rng(42);
const int = (n: number) => Math.floor(rand() * n);
const name = (i: number) => (i % 7 === 0 ? `@scope${i % 50}/pkg-${i}` : `pkg-${i}`);
const ver = () => `${int(6)}.${int(20)}.${int(30)}`;

function advisory(i: number): OsvRecord {
  const pkg = name(i < N_DEPS * 20 ? i % N_DEPS : int(N_NAMES));
  const a = ver();
  const b = `${Number(a.split('.')[0]) + 1}.0.0`;
  const kind = i % 10;
  const affected =
    kind === 0
      ? { package: { ecosystem: 'npm', name: pkg }, versions: [a, ver(), ver()] }
      : {
          package: { ecosystem: 'npm', name: pkg },
          ranges: [
            {
              type: kind < 8 ? 'ECOSYSTEM' : 'SEMVER',
              events: kind === 5 ? [{ introduced: '0' }, { last_affected: a }] : [{ introduced: kind % 2 ? '0' : a }, { fixed: b }],
            },
          ],
        };
  return {
    schema_version: '1.6.0',
    id: `GHSA-${i.toString(36).padStart(4, '0')}-bnch-${(i * 7919).toString(36).slice(-4).padStart(4, '0')}`,
    modified: '2025-06-01T00:00:00Z',
    published: '2025-05-01T00:00:00Z',
    aliases: [`CVE-2025-${100000 + i}`],
    summary: `Synthetic advisory ${i} for ${pkg}`,
    details: 'Synthetic record used by the benchmark. '.repeat(3),
    affected: [affected],
    database_specific: { severity: ['LOW', 'MODERATE', 'HIGH', 'CRITICAL'][i % 4] },
  } as unknown as OsvRecord;
}

function lockfile(dir: string): void {
  const packages: Record<string, unknown> = { '': { name: 'bench-server', version: '1.0.0', dependencies: {} as Record<string, string> } };
  const deps = (packages[''] as { dependencies: Record<string, string> }).dependencies;
  for (let i = 0; i < N_DEPS; i++) {
    const n = name(i);
    const v = ver();
    // Every tenth package is a second copy at another version, nested under the previous one.
    const loc = i % 10 === 9 ? `node_modules/${name(i - 1)}/node_modules/${name(i - 2)}` : `node_modules/${n}`;
    packages[loc] = { version: v, resolved: `https://registry.npmjs.org/${n}/-/x-${v}.tgz`, integrity: 'sha512-' + Buffer.alloc(64, i).toString('base64') };
    if (i % 10 !== 9) deps[n] = v;
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bench-server', version: '1.0.0', dependencies: deps }));
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ name: 'bench-server', version: '1.0.0', lockfileVersion: 3, requires: true, packages }));
}

const gc = (globalThis as { gc?: () => void }).gc;

function ms(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'airlock-bench-vulns-'));
  try {
    console.log(`bench:vulns — ${N_ADV} advisories over ${N_NAMES} package names, inventory of ${N_DEPS} packages`);
    const feedDir = join(work, 'feed');
    mkdirSync(feedDir);
    const records: OsvRecord[] = [];
    for (let i = 0; i < N_ADV; i++) records.push(advisory(i));
    for (let f = 0; f < records.length; f += 1000) writeFileSync(join(feedDir, `part-${String(f / 1000).padStart(4, '0')}.json`), JSON.stringify(records.slice(f, f + 1000)));
    const appDir = join(work, 'app');
    mkdirSync(appDir);
    lockfile(appDir);

    const store = await openStore({ home: join(work, 'home') });
    let t0 = process.hrtime.bigint();
    const imp = await importFeed(store, feedDir);
    const importMs = ms(t0);
    if (imp.added !== N_ADV || imp.invalid.length) throw new Error(`import: ${imp.added} added, ${imp.invalid.length} invalid`);
    t0 = process.hrtime.bigint();
    const again = await importFeed(store, feedDir);
    const reimportMs = ms(t0);
    if (again.unchanged !== N_ADV) throw new Error('re-import was not incremental');
    t0 = process.hrtime.bigint();
    const index = await loadIndex(store);
    const loadMs = ms(t0);
    t0 = process.hrtime.bigint();
    const memIndex = new AdvisoryIndex();
    for (const r of records) memIndex.add(r);
    const buildMs = ms(t0);
    await store.close();

    console.log('\nFeed load (SQLite):');
    printTable(
      ['step', 'ms', 'records/s'],
      [
        ['import into store (validate + write)', importMs, (N_ADV / importMs) * 1000],
        ['re-import, nothing changed (incremental)', reimportMs, (N_ADV / reimportMs) * 1000],
        ['load index from store', loadMs, (N_ADV / loadMs) * 1000],
        ['(build index from parsed records, no store)', buildMs, (N_ADV / buildMs) * 1000],
      ],
    );

    // Inventory.
    const invSamples: number[] = [];
    let inv = await inventoryNpmLockfile(join(appDir, 'package-lock.json'));
    const invWall = process.hrtime.bigint();
    for (let i = 0; i < 20; i++) {
      const t = process.hrtime.bigint();
      inv = await inventoryNpmLockfile(join(appDir, 'package-lock.json'));
      invSamples.push(ms(t));
    }
    const invS = summarise(invSamples, ms(invWall));
    const pkgs = distinctPackages(inv);

    // Match: cold (first call compiles the ranges it touches), then warm.
    t0 = process.hrtime.bigint();
    const first = index.matchAll(pkgs);
    const coldMs = ms(t0);
    const matchSamples: number[] = [];
    const mWall = process.hrtime.bigint();
    for (let i = 0; i < 200; i++) {
      const t = process.hrtime.bigint();
      const m = index.matchAll(pkgs);
      matchSamples.push(ms(t));
      if (m.length !== first.length) throw new Error('unstable match result');
    }
    const matchS = summarise(matchSamples, ms(mWall));

    // End to end after load: inventory from the lockfile + match, fresh index each time (cold compile).
    const e2eSamples: number[] = [];
    const eWall = process.hrtime.bigint();
    for (let i = 0; i < 10; i++) {
      const fresh = new AdvisoryIndex();
      for (const r of records) fresh.add(r);
      // Collect the garbage of building the index first, so its pause is not billed to the match.
      gc?.();
      const t = process.hrtime.bigint();
      const inv2 = await inventoryNpmLockfile(join(appDir, 'package-lock.json'));
      fresh.matchAll(distinctPackages(inv2));
      e2eSamples.push(ms(t));
    }
    const e2eS = summarise(e2eSamples, ms(eWall));

    // Baseline: no index, scan every advisory for every package.
    const flat = records.flatMap((r) => (r.affected ?? []).map((a) => ({ key: packageKey(a.package!.ecosystem, a.package!.name), r })));
    const baseSamples: number[] = [];
    let baseCount = 0;
    const bWall = process.hrtime.bigint();
    for (let i = 0; i < 3; i++) {
      const t = process.hrtime.bigint();
      baseCount = 0;
      for (const p of pkgs as PackageRef[]) {
        const key = packageKey(p.ecosystem, p.name);
        const one = new AdvisoryIndex();
        for (const e of flat) if (e.key === key) one.add(e.r);
        baseCount += one.match(p).length;
      }
      baseSamples.push(ms(t));
    }
    const baseS = summarise(baseSamples, ms(bWall));
    if (baseCount !== first.length) throw new Error(`baseline found ${baseCount} matches, index ${first.length}`);

    console.log(`\nInventory and match (${inv.packages.length} package copies, ${pkgs.length} distinct, ${first.length} matches):`);
    printTable(
      ['step', 'n', 'p50 ms', 'p99 ms', 'vs baseline p50'],
      [
        ['inventory (arborist loadVirtual of package-lock.json)', invS.n, invS.p50, invS.p99, '-'],
        ['match, cold (first call, compiles touched ranges)', 1, coldMs, coldMs, `${(baseS.p50 / coldMs).toFixed(0)}x faster`],
        ['match, warm', matchS.n, matchS.p50, matchS.p99, `${(baseS.p50 / matchS.p50).toFixed(0)}x faster`],
        ['inventory + cold match (target < 1000 ms)', e2eS.n, e2eS.p50, e2eS.p99, '-'],
        ['baseline: scan all advisories per package', baseS.n, baseS.p50, baseS.p99, '1x'],
      ],
    );
    const ok = e2eS.p99 < 1000;
    console.log(`\ntarget (inventory + match < 1 s after load): ${ok ? 'met' : 'MISSED'} (p99 ${e2eS.p99.toFixed(1)} ms)`);
    benchExploits();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const PROSE = [
  'The server reads files below its root and returns their contents; see https://example.com/docs/guide#setup for details.',
  'Run `npm install` and then `npx example --port 3000`; logs go to ./logs/app.log and ../shared/cache is ignored.',
  '```json\n{ "name": "example", "version": "1.2.3", "scripts": { "build": "tsc -p ." } }\n```',
  "SELECT id, name FROM users WHERE email = $1 AND created_at > $2 -- parameterised",
  'Version ${project.version} is built with Java 17; set JAVA_HOME="${HOME}/jdk" first.',
  '| option | default |\n|---|---|\n| `--verbose` | false |\n| `--output` | stdout |',
  'Contact support@example.com or open https://github.com/example/repo/issues/new?labels=bug&title=Crash.',
].join('\n\n');

function textOfSize(n: number): string {
  let t = '';
  while (t.length < n) t += PROSE + '\n\n';
  return t.slice(0, n);
}

function benchExploits(): void {
  const inspector = createExploitInspector({ shellTools: ['git/*'] });
  const messages: [string, string, 'request' | 'response', number][] = [
    ['tools/call request (3 arguments)', JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name: 'read_file', arguments: { path: '/srv/data/reports/2026/q3.csv', encoding: 'utf8', query: "status = 'open' and owner = 'me'" } } }), 'request', 5000],
    ['tools/call result, 10 KB text', JSON.stringify({ jsonrpc: '2.0', id: 7, result: { content: [{ type: 'text', text: textOfSize(10_000) }] } }), 'response', 1000],
    ['tools/call result, 1 MB text', JSON.stringify({ jsonrpc: '2.0', id: 7, result: { content: [{ type: 'text', text: textOfSize(1_000_000) }] } }), 'response', 20],
  ];
  const rows: (string | number)[][] = [];
  for (const [label, raw, surface, n] of messages) {
    const ctx = { surface, server: 'fs', tool: 'read_file', method: 'tools/call' } as const;
    const base: number[] = [];
    const insp: number[] = [];
    let found = 0;
    for (let i = 0; i < n + Math.ceil(n / 10); i++) {
      const warm = i < Math.ceil(n / 10);
      let t = process.hrtime.bigint();
      const leaves = collectLeaves(JSON.parse(raw), 512);
      const b = ms(t);
      t = process.hrtime.bigint();
      found = inspector.inspect(leaves, ctx).length;
      const x = ms(t);
      if (!warm) {
        base.push(b);
        insp.push(x);
      }
    }
    if (found !== 0) throw new Error(`exploit inspector fired ${found} times on benign ${label}`);
    const bs = summarise(base, 1);
    const is = summarise(insp, 1);
    rows.push([label, is.n, is.p50, is.p99, bs.p50, `${(is.p50 / bs.p50).toFixed(1)}x`, ((raw.length / 1e6) / (is.p50 / 1000)).toFixed(0)]);
  }
  console.log('\nExploit inspector on benign messages (every bundled signature; no finding expected):');
  printTable(['message', 'n', 'p50 ms', 'p99 ms', 'baseline parse+leaves p50 ms', 'inspect / baseline', 'MB/s'], rows);
}

await main();
