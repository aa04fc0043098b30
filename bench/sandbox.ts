/**
 * npm run bench:sandbox — what isolation costs, all in one run against the same small Node MCP
 * server (test/fixtures/hostile-server, its `echo` tool):
 *  - cold start to a completed MCP initialize: plain process, bwrap, gVisor, gVisor from a warm pool
 *    with only the runtime booted, and — through the real gateway (HTTP front, relay, audit) — gVisor
 *    cold and gVisor from the gateway's warm pool (server started and MCP handshake done ahead);
 *  - tools/call p50/p99 at 1 KiB and 1 MiB through each, with ratios to the plain process;
 *  - distinct host syscalls made by the sandbox's host processes during the same workload, gVisor
 *    (sentry + gofer, strace -c attached to their threads) against a plain process (strace -f -c).
 *
 * Needs root, runsc, bwrap and strace. Env: BENCH_COLD (starts per mode, default 8),
 * BENCH_CALLS_1K (default 300), BENCH_CALLS_1M (default 30).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startGateway } from '../src/gateway/http-front.js';
import { openRuntime } from '../src/gateway/runtime.js';
import { startServerUpstream, startWarmPools } from '../src/gateway/start-server.js';
import { platformDecision, runscInfo } from '../src/sandbox/runsc.js';
import { cgroupScope, procsFilesOf, removeCgroupScope } from '../src/sandbox/cgroup.js';
import { getDriver } from '../src/sandbox/index.js';
import { WarmPool } from '../src/sandbox/pool.js';
import { SandboxStdioTransport } from '../src/sandbox/stdio-transport.js';
import type { IsolationDriver, IsolationKind, Sandbox, SandboxSpec } from '../src/sandbox/types.js';
import { HOSTILE_SERVER, hostileSpec } from '../test/sandbox/helpers.js';
import { percentile, printTable } from './lib.js';

const COLD = Number(process.env.BENCH_COLD ?? 8);
const CALLS_1K = Number(process.env.BENCH_CALLS_1K ?? 300);
const CALLS_1M = Number(process.env.BENCH_CALLS_1M ?? 30);

const base = `/var/tmp/airlock-bench-${randomBytes(4).toString('hex')}`;
const runtimeDir = join(base, 'run');
const home = join(base, 'home');
const spec = (server: string): SandboxSpec =>
  hostileSpec({
    server,
    workspace: join(home, 'workspaces', server),
    masked: [home],
    limits: { memoryMb: 1024, cpus: 2, pids: 128, openFiles: 1024, fileSizeMb: 64, diskMb: 64 },
  });

async function connectClient(sb: Sandbox): Promise<Client> {
  const client = new Client({ name: 'bench', version: '1' });
  await client.connect(new SandboxStdioTransport(sb), { timeout: 60_000 });
  return client;
}

const p = (xs: number[], q: number) => percentile([...xs].sort((a, b) => a - b), q);

async function coldStarts(driver: IsolationDriver, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const sb = await driver.start(spec(`cold-${driver.kind}`));
    const client = await connectClient(sb);
    out.push(performance.now() - t0);
    await client.close();
    await sb.kill();
  }
  return out;
}

/**
 * Session start from a warm pool of 1 with only the runtime booted (the pool has no prepare hook):
 * the server still starts and initializes after hand-out. Driver level, over stdio.
 */
async function bootedPoolStarts(driver: IsolationDriver, n: number): Promise<number[]> {
  const pool = new WarmPool({ driver, spec: spec('warm'), size: 1 });
  pool.start();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    await pool.waitReady(1);
    await new Promise((r) => setTimeout(r, 200)); // let the refill's own work settle
    const t0 = performance.now();
    const sb = await pool.acquire();
    const client = await connectClient(sb);
    out.push(performance.now() - t0);
    await client.close();
    await sb.kill();
  }
  await pool.close();
  return out;
}

/**
 * Session start through the real gateway (`startGateway` + `startServerUpstream` + `startWarmPools`,
 * what `airlock up` runs): the time from an SDK client connecting over Streamable HTTP to its
 * completed initialize (initialize answered and notifications/initialized accepted), for a server
 * with `warm: 1` (pre-initialized pool) and the same server with `warm: 0` (cold gVisor start).
 */
async function gatewayStarts(n: number): Promise<{ warm: number[]; cold: number[] }> {
  const gwHome = join(base, 'gateway');
  mkdirSync(gwHome, { recursive: true });
  const entry = (warm: number) =>
    `{ command: ${JSON.stringify(process.execPath)}, args: [${JSON.stringify(HOSTILE_SERVER)}], env: { NODE_ENV: production }, isolation: gvisor, sandbox: { warm: ${warm}, limits: { memoryMb: 1024, cpus: 2 } } }`;
  writeFileSync(join(gwHome, 'airlock.yaml'), `gateway: { port: 0 }\nservers:\n  warm: ${entry(1)}\n  cold: ${entry(0)}\n`);
  const runtime = await openRuntime({ home: gwHome });
  const gateway = await startGateway({
    runtime,
    insecureNoAuth: true,
    log: () => undefined,
    startUpstream: (name, server, session) => startServerUpstream({ runtime, name, server, session, log: () => undefined }),
  });
  const out = { warm: [] as number[], cold: [] as number[] };
  try {
    await startWarmPools(runtime, (line) => console.error(line));
    const pool = runtime.pools.get('warm');
    if (!pool) throw new Error('the gateway started no warm pool');
    const session = async (server: 'warm' | 'cold', measured = true) => {
      const transport = new StreamableHTTPClientTransport(new URL(`${gateway.url}/mcp/${server}`));
      const client = new Client({ name: 'bench', version: '1' });
      const t0 = performance.now();
      await client.connect(transport, { timeout: 60_000 });
      if (measured) out[server].push(performance.now() - t0);
      await client.listTools(); // the session really works
      await transport.terminateSession();
      await client.close();
    };
    // One unmeasured session first: the gateway's one-time lazy start-up (the inspection pipeline's
    // first message takes ≈0.5 s) is paid by whichever session comes first, pooled or not.
    await pool.waitReady(1);
    await session('warm', false);
    for (let i = 0; i < n; i++) {
      await pool.waitReady(1);
      await new Promise((r) => setTimeout(r, 200)); // let the refill's own work settle
      await session('warm');
      await session('cold');
    }
  } finally {
    await gateway.close();
    await runtime.close();
  }
  return out;
}

const warmedUp = new WeakSet<Client>();

async function callTimes(client: Client, bytes: number, n: number): Promise<number[]> {
  const text = 'x'.repeat(bytes);
  const out: number[] = [];
  if (!warmedUp.has(client)) {
    warmedUp.add(client);
    for (let i = 0; i < 5; i++) await client.callTool({ name: 'echo', arguments: { text } });
  }
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const r = await client.callTool({ name: 'echo', arguments: { text } }, undefined, { timeout: 60_000 });
    out.push(performance.now() - t0);
    if ((r.content as Array<{ text: string }>)[0]!.text.length !== bytes) throw new Error('echo returned the wrong payload');
  }
  return out;
}

/** The fixed workload that the syscall count is taken over. */
async function syscallWorkload(client: Client): Promise<void> {
  await client.listTools();
  await callTimes(client, 1024, 100);
  await callTimes(client, 1024 * 1024, 5);
  await client.callTool({ name: 'whoami', arguments: {} });
  await client.callTool({ name: 'list_dir', arguments: { path: '/usr/lib' } });
}

function distinctSyscalls(straceSummary: string): string[] {
  const names = new Set<string>();
  for (const line of straceSummary.split('\n')) {
    const m = /^\s*[\d.]+\s+[\d.]+\s+\d+\s+\d+\s+(?:\d+\s+)?([a-z0-9_]+)\s*$/.exec(line);
    if (m && m[1] !== 'total') names.add(m[1]!);
  }
  return [...names].sort();
}

async function stopStrace(st: ChildProcess, file: string): Promise<string[]> {
  st.kill('SIGINT');
  await new Promise((r) => st.once('exit', r));
  return distinctSyscalls(readFileSync(file, 'utf8'));
}

async function plainSyscalls(): Promise<string[]> {
  const out = join(base, 'strace-plain.txt');
  const s = spec('strace-plain');
  const sb = await getDriver('process').start({ ...s, command: '/usr/bin/strace', args: ['-f', '-c', '-o', out, process.execPath, ...s.args] });
  const client = await connectClient(sb);
  await syscallWorkload(client);
  await client.close();
  sb.stdin.end();
  await sb.exited;
  return distinctSyscalls(readFileSync(out, 'utf8'));
}

/** Host processes of a gVisor sandbox: everything in its cgroup except the ptrace stubs. */
function sentryAndGoferThreads(id: string): number[] {
  const procs = procsFilesOf(cgroupScope(runtimeDir), id).flatMap((f) => readFileSync(f, 'utf8').split('\n').filter(Boolean));
  const tids: number[] = [];
  for (const pid of procs) {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    // Stubs are traced by the sentry (a second tracer cannot attach); their syscalls are the few
    // the sentry injects (mmap, munmap, ...), under the stub seccomp filter.
    if (/TracerPid:\s+[1-9]/.test(status)) continue;
    for (const t of readdirSync(`/proc/${pid}/task`)) tids.push(Number(t));
  }
  return tids;
}

async function gvisorSyscalls(): Promise<{ names: string[]; threads: number }> {
  const out = join(base, 'strace-gvisor.txt');
  const sb = await getDriver('gvisor', { runtimeDir, dataDir: home }).start(spec('strace-gvisor'));
  const client = await connectClient(sb);
  const tids = sentryAndGoferThreads(sb.id);
  // No -f: following clone() would try to attach to new ptrace stubs, which the sentry traces.
  const st = spawn('strace', ['-c', '-o', out, ...tids.flatMap((t) => ['-p', String(t)])], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 1000));
  await syscallWorkload(client);
  const names = await stopStrace(st, out);
  await client.close();
  await sb.kill();
  return { names, threads: tids.length };
}

async function main(): Promise<void> {
  if (process.getuid?.() !== 0) throw new Error('bench:sandbox needs root (gvisor and bwrap drivers)');
  for (const bin of ['/usr/bin/strace', '/usr/bin/bwrap']) if (!existsSync(bin)) throw new Error(`${bin} is required`);
  const kinds: IsolationKind[] = ['process', 'bwrap', 'gvisor'];
  const drivers = Object.fromEntries(kinds.map((k) => [k, getDriver(k, { runtimeDir, dataDir: home })])) as Record<IsolationKind, IsolationDriver>;
  await drivers.gvisor.start(spec('platform-probe')).then((sb) => sb.kill()); // platform choice, cached
  const info = runscInfo()!;
  const platform = await platformDecision(info, runtimeDir);
  console.log(`runsc ${info.version}, gVisor platform: ${platform.platform} (${platform.reason})`);

  // Modes are interleaved (one start of each per round) so that load from elsewhere on the machine
  // hits every mode alike.
  const cold: Record<string, number[]> = Object.fromEntries(kinds.map((k) => [k, []]));
  for (let i = 0; i < COLD; i++) for (const k of kinds) cold[k]!.push(...(await coldStarts(drivers[k], 1)));
  cold['gvisor, warm pool, runtime booted only (driver, stdio)'] = await bootedPoolStarts(drivers.gvisor, COLD);
  const viaGateway = await gatewayStarts(COLD);
  cold['gvisor through the gateway, cold (warm: 0)'] = viaGateway.cold;
  cold['gvisor through the gateway, warm pool, pre-initialized'] = viaGateway.warm;

  // All three servers stay up; calls alternate between them in small rounds.
  const calls: Record<string, { k1: number[]; m1: number[] }> = Object.fromEntries(kinds.map((k) => [k, { k1: [], m1: [] }]));
  const open = await Promise.all(kinds.map(async (k) => {
    const sb = await drivers[k].start(spec(`calls-${k}`));
    return { k, sb, client: await connectClient(sb) };
  }));
  for (let i = 0; i < CALLS_1K; i += 10) for (const o of open) calls[o.k]!.k1.push(...(await callTimes(o.client, 1024, 10)));
  for (let i = 0; i < CALLS_1M; i += 2) for (const o of open) calls[o.k]!.m1.push(...(await callTimes(o.client, 1024 * 1024, 2)));
  for (const o of open) {
    await o.client.close();
    await o.sb.kill();
  }

  console.log(`\nCold start to completed MCP initialize (ms, ${COLD} starts each)`);
  const base0 = p(cold.process!, 50);
  printTable(
    ['mode', 'p50', 'p99', 'p50 / process'],
    Object.entries(cold).map(([m, xs]) => [m, p(xs, 50), p(xs, 99), p(xs, 50) / base0]),
  );

  console.log(`\ntools/call round trip (ms; ${CALLS_1K} calls at 1 KiB, ${CALLS_1M} at 1 MiB; gVisor platform ${platform.platform})`);
  const b1 = calls.process!.k1;
  const bm = calls.process!.m1;
  printTable(
    ['mode', '1 KiB p50', '1 KiB p99', '1 KiB p50 / process', '1 MiB p50', '1 MiB p99', '1 MiB p50 / process'],
    kinds.map((k) => [k, p(calls[k]!.k1, 50), p(calls[k]!.k1, 99), p(calls[k]!.k1, 50) / p(b1, 50), p(calls[k]!.m1, 50), p(calls[k]!.m1, 99), p(calls[k]!.m1, 50) / p(bm, 50)]),
  );

  const plain = await plainSyscalls();
  const gv = await gvisorSyscalls();
  console.log('\nDistinct host syscalls during the same workload (initialize, 100×1 KiB, 5×1 MiB, tools/list, 2 tools)');
  printTable(
    ['host processes', 'distinct syscalls'],
    [
      ['plain process (node, strace -f)', String(plain.length)],
      [`gVisor sentry + gofer (${gv.threads} threads, strace -c)`, String(gv.names.length)],
    ],
  );
  console.log(`gVisor: ${gv.names.join(' ')}`);
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => {
    removeCgroupScope(cgroupScope(runtimeDir));
    rmSync(base, { recursive: true, force: true });
  });
