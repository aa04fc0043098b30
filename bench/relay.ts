/**
 * `npm run bench`: tools/call latency and throughput on server-everything's echo tool, for
 * direct stdio, `airlock run` (process isolation), `airlock up` (Streamable HTTP) and supergateway
 * (stdio → Streamable HTTP, stateful), all in one run, rounds interleaved so that machine noise hits
 * every target alike. Ratios are against direct stdio measured in the same run.
 *
 * Two floors run alongside (bench/floors.mjs): a stdio relay that only copies bytes, which is what
 * one extra process hop costs before any parsing or auditing, and an HTTP server that answers at once
 * with no upstream, which is what the client and HTTP alone cost.
 *
 *   npm run bench [-- --quick] [--sizes 1KiB,1MiB] [--callers 1,16] [--rounds 4] [--against <dir>]
 *
 * --sizes and --callers run a subset of the cells (labels as printed, without the space); --rounds
 * sets how many interleaved rounds each cell gets. --against <dir> adds the four `airlock run`/`up`
 * rows once more for another build (its dist/cli/main.js under <dir>), interleaved with this one, so
 * a change can be compared with what it replaces under the same machine noise.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { printTable, summarise } from './lib.js';

const root = resolve(import.meta.dirname, '..');
const serverJs = join(root, 'node_modules/@modelcontextprotocol/server-everything/dist/index.js');
const cli = join(root, 'dist/cli/main.js');
const quick = process.argv.includes('--quick');

/** The value after `--name`, or undefined. */
function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}
const list = (value: string | undefined): string[] | undefined => value?.split(',').map((v) => v.trim().toLowerCase().replace(/\s+/g, ''));

const ALL_SIZES = [
  { label: '1 KiB', bytes: 1024, calls: quick ? 60 : 320 },
  { label: '64 KiB', bytes: 64 * 1024, calls: quick ? 20 : 80 },
  { label: '1 MiB', bytes: 1024 * 1024, calls: quick ? 8 : 16 },
];
const sizeFilter = list(option('--sizes'));
const SIZES = sizeFilter ? ALL_SIZES.filter((s) => sizeFilter.includes(s.label.toLowerCase().replace(/\s+/g, ''))) : ALL_SIZES;
const CONCURRENCY = list(option('--callers'))?.map(Number) ?? [1, 16];
const ROUNDS = Number(option('--rounds') ?? 4);
const against = option('--against');
if (SIZES.length === 0 || CONCURRENCY.some((c) => !Number.isInteger(c) || c < 1) || !(ROUNDS >= 1)) {
  console.error('usage: npm run bench [-- --quick] [--sizes 1KiB,64KiB,1MiB] [--callers 1,16] [--rounds N] [--against <dir>]');
  process.exit(2);
}

async function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => res(p));
    });
  });
}

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs = 20_000): Promise<string> {
  return new Promise((resolveLine, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; got: ${buf.slice(-500)}`)), timeoutMs);
    const onData = (d: Buffer) => {
      buf += d.toString();
      const m = pattern.exec(buf);
      if (m) {
        clearTimeout(timer);
        resolveLine(m[0]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
  });
}

async function waitHttp(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(url, { method: 'GET' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${url} did not come up`);
}

interface Target {
  name: string;
  connect(): Promise<Client>;
}

async function main(): Promise<void> {
  const home = mkdtempSync(join(tmpdir(), 'airlock-bench-'));
  const children: ChildProcess[] = [];
  try {
    /**
     * Two data directories per build: the default policy (every engine on) and one with inspection
     * off, to separate what the relay itself costs from what inspection costs. A build compared
     * with --against gets its own, so neither `airlock up` treats the other's state as its leftovers.
     */
    const serverYaml = `servers:\n  everything: { command: ${JSON.stringify(process.execPath)}, args: [${JSON.stringify(serverJs)}], isolation: process }\n`;
    const initHome = async (cliJs: string, dir: string, yaml: string): Promise<{ env: Record<string, string>; token: string }> => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'airlock.yaml'), yaml);
      const dirEnv = { ...process.env, AIRLOCK_HOME: dir } as Record<string, string>;
      const init = spawn(process.execPath, [cliJs, 'init', '--json'], { env: dirEnv, stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      init.stdout!.on('data', (d) => (out += d));
      await new Promise((r) => init.on('exit', r));
      return { env: dirEnv, token: (JSON.parse(out) as { token: string }).token };
    };
    /** The four Airlock rows for one build: `run` and `up`, with every engine and with none. */
    const airlockTargets = async (cliJs: string, dir: string, suffix: string): Promise<Target[]> => {
      const full = await initHome(cliJs, join(dir, 'full'), `gateway: { port: 0 }\n${serverYaml}`);
      const bare = await initHome(
        cliJs,
        join(dir, 'bare'),
        `gateway: { port: 0 }\ninspect: { dlp: { enabled: false }, injection: { enabled: false }, exploits: { enabled: false } }\n${serverYaml}`,
      );
      const startUp = async (h: { env: Record<string, string> }): Promise<string> => {
        const up = spawn(process.execPath, [cliJs, 'up'], { env: h.env, stdio: ['ignore', 'pipe', 'pipe'] });
        children.push(up);
        return waitForLine(up, /http:\/\/127\.0\.0\.1:\d+/);
      };
      const upUrl = await startUp(full);
      const bareUpUrl = await startUp(bare);
      const runArgs = [cliJs, 'run', '--isolation', 'process', '--', process.execPath, serverJs];
      const overHttp = (url: string, token: string) =>
        connect(new StreamableHTTPClientTransport(new URL(`${url}/mcp/everything`), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
      return [
        { name: `airlock run${suffix}`, connect: () => connect(new StdioClientTransport({ command: process.execPath, args: runArgs, env: full.env, stderr: 'ignore' })) },
        { name: `airlock run, no engines${suffix}`, connect: () => connect(new StdioClientTransport({ command: process.execPath, args: runArgs, env: bare.env, stderr: 'ignore' })) },
        { name: `airlock up${suffix}`, connect: () => overHttp(upUrl, full.token) },
        { name: `airlock up, no engines${suffix}`, connect: () => overHttp(bareUpUrl, bare.token) },
      ];
    };
    const current = await airlockTargets(cli, join(home, 'current'), '');
    const other = against ? await airlockTargets(join(resolve(against), 'dist/cli/main.js'), join(home, 'against'), ' [against]') : [];

    const sgPort = await freePort();
    const sg = spawn(
      process.execPath,
      [join(root, 'node_modules/supergateway/dist/index.js'), '--stdio', `${process.execPath} ${serverJs}`, '--outputTransport', 'streamableHttp', '--stateful', '--port', String(sgPort), '--logLevel', 'none'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.push(sg);
    await waitHttp(`http://127.0.0.1:${sgPort}/mcp`);

    const floorPort = await freePort();
    const floor = spawn(process.execPath, [join(root, 'bench/floors.mjs'), 'http', String(floorPort)], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(floor);
    await waitForLine(floor, /listening/);

    const targets: Target[] = [
      { name: 'direct stdio', connect: () => connect(new StdioClientTransport({ command: process.execPath, args: [serverJs], stderr: 'ignore' })) },
      {
        name: 'floor: byte-copy relay',
        connect: () => connect(new StdioClientTransport({ command: process.execPath, args: [join(root, 'bench/floors.mjs'), 'copy', '--', process.execPath, serverJs], stderr: 'ignore' })),
      },
      ...current.slice(0, 2),
      ...other.slice(0, 2),
      ...current.slice(2),
      ...other.slice(2),
      { name: 'supergateway', connect: () => connect(new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${sgPort}/mcp`))) },
      { name: 'floor: HTTP, no upstream', connect: () => connect(new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${floorPort}/mcp`))) },
    ];
    const clients = new Map<string, Client>();
    for (const t of targets) clients.set(t.name, await t.connect());

    const rows: (string | number)[][] = [];
    const results: Record<string, unknown>[] = [];
    for (const size of SIZES) {
      const message = 'x'.repeat(size.bytes);
      for (const conc of CONCURRENCY) {
        const samples = new Map<string, number[]>(targets.map((t) => [t.name, []]));
        const wall = new Map<string, number>(targets.map((t) => [t.name, 0]));
        const failed = new Map<string, string>();
        const attempt = async (t: Target, calls: number, out: number[]) => {
          if (failed.has(t.name)) return;
          try {
            await run(clients.get(t.name)!, message, calls, conc, out);
          } catch (err) {
            failed.set(t.name, (err as { code?: number }).code === 413 ? 'refused: body over its 100 kB limit' : `failed: ${(err as Error).message.slice(0, 60)}`);
          }
        };
        for (const t of targets) await attempt(t, Math.min(10, size.calls), []); // warm-up
        for (let round = 0; round < ROUNDS; round++) {
          for (const t of targets) {
            const started = performance.now();
            await attempt(t, Math.ceil(size.calls / ROUNDS), samples.get(t.name)!);
            wall.set(t.name, wall.get(t.name)! + performance.now() - started);
          }
        }
        process.stderr.write(`measured ${size.label} × ${conc} callers\n`);
        const base = summarise(samples.get('direct stdio')!, wall.get('direct stdio')!);
        const sgSummary = failed.has('supergateway') ? null : summarise(samples.get('supergateway')!, wall.get('supergateway')!);
        for (const t of targets) {
          const why = failed.get(t.name);
          if (why) {
            rows.push([size.label, String(conc), t.name, why, '', '', '', '']);
            continue;
          }
          const s = summarise(samples.get(t.name)!, wall.get(t.name)!);
          rows.push([size.label, String(conc), t.name, s.p50, s.p99, s.perSecond, s.p50 / base.p50, sgSummary ? s.p50 / sgSummary.p50 : NaN]);
          results.push({ size: size.label, concurrency: conc, target: t.name, ...s, p50VsDirect: s.p50 / base.p50 });
        }
      }
    }
    console.log(`\ntools/call echo, ${ROUNDS} interleaved rounds per cell; latency in ms; ratios are p50 / p50 of the named baseline\n`);
    printTable(['payload', 'callers', 'target', 'p50 ms', 'p99 ms', 'calls/s', 'p50 × direct', 'p50 × supergateway'], rows);
    for (const c of clients.values()) await c.close().catch(() => undefined);
  } finally {
    for (const c of children) c.kill('SIGTERM');
    rmSync(home, { recursive: true, force: true });
  }
}

async function connect(transport: StdioClientTransport | StreamableHTTPClientTransport): Promise<Client> {
  const c = new Client({ name: 'bench', version: '1' });
  await c.connect(transport);
  return c;
}

/** `calls` echo calls with `conc` callers in parallel; pushes each call's latency in ms. */
async function run(client: Client, message: string, calls: number, conc: number, out: number[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < calls) {
      next++;
      const t0 = performance.now();
      const r = await client.callTool({ name: 'echo', arguments: { message } });
      out.push(performance.now() - t0);
      if ((r.content as { text: string }[])[0]!.text.length !== message.length + 6) throw new Error('echo returned a different payload');
    }
  };
  await Promise.all(Array.from({ length: conc }, worker));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
