/**
 * Helpers for the gateway tests: a private AIRLOCK_HOME with a config and an API token, `airlock up`
 * as a child process on a free port, SDK clients that reach a server directly, through
 * `airlock run`, through `airlock up` over Streamable HTTP and over legacy SSE, and a cleanup that
 * leaves no process behind.
 *
 * These tests run the built CLI (dist/cli/main.js), exactly as a user runs it. Build it first:
 *   npx tsc -p tsconfig.json
 *   node --import tsx --test test/gateway/*.test.ts
 *
 * Cleanup: every child started here is tracked and killed with its process group. Servers started
 * by the process driver live in their own process group, so they are found by their working
 * directory: every `airlock run` child runs with its cwd inside the test's AIRLOCK_HOME, and every
 * server configured here gets a cwd inside it too. `leftoverProcesses(home)` lists what is still
 * running there; `TestHome.cleanup()` kills those (by pid) and removes the directory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { ClientCapabilities } from '@modelcontextprotocol/sdk/types.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = join(REPO_ROOT, 'dist', 'cli', 'main.js');
const MODULES = join(REPO_ROOT, 'node_modules', '@modelcontextprotocol');

/** Entry points of the real servers from npm, and our fixtures. */
export const SERVER_SCRIPTS = {
  everything: join(MODULES, 'server-everything', 'dist', 'index.js'),
  filesystem: join(MODULES, 'server-filesystem', 'dist', 'index.js'),
  memory: join(MODULES, 'server-memory', 'dist', 'index.js'),
  dying: join(REPO_ROOT, 'test', 'fixtures', 'dying-server.mjs'),
} as const;

/** A stdio server as a command line plus the environment it needs (beyond PATH/HOME). */
export interface ServerSpec {
  command: string;
  args: string[];
  env?: Record<string, string>;
}

export function nodeServer(script: string, args: string[] = [], env?: Record<string, string>): ServerSpec {
  return { command: process.execPath, args: [script, ...args], env };
}

if (!existsSync(CLI)) {
  throw new Error(`${CLI} is missing: build the CLI first with \`npx tsc -p tsconfig.json\``);
}

// ---------------------------------------------------------------------------- children

const children = new Set<ChildProcess>();

function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

process.once('exit', () => {
  for (const c of children) killGroup(c, 'SIGKILL');
});

/** Waits for a child to exit; SIGTERM to its group after `graceMs`, SIGKILL 3 s later. */
export async function stopChild(child: ChildProcess, graceMs = 0): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const t1 = setTimeout(() => killGroup(child, 'SIGTERM'), graceMs);
  const t2 = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs + 3000);
  await exited;
  clearTimeout(t1);
  clearTimeout(t2);
}

/** Pids of processes (other than us) whose working directory is inside `dir`. */
export function leftoverProcesses(dir: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cwd = readlinkSync(`/proc/${entry}/cwd`);
      if (cwd === dir || cwd.startsWith(dir + '/')) found.push(Number(entry));
    } catch {
      /* gone, or not ours to read */
    }
  }
  return found;
}

/** Pids of the direct children of `pid`. */
export function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the parenthesised command name: state, ppid, ...
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) found.push(Number(entry));
    } catch {
      /* gone */
    }
  }
  return found;
}

/** Polls until nothing runs inside `dir` any more; returns what is still there after `timeoutMs`. */
export async function waitNoLeftovers(dir: string, timeoutMs = 5000): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = leftoverProcesses(dir);
    if (left.length === 0 || Date.now() > deadline) return left;
    await sleep(100);
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------- the CLI

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `airlock <args>` to completion with AIRLOCK_HOME=home. */
export function airlock(home: string, args: string[], input?: string, timeoutMs = 60_000): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = track(spawn(process.execPath, [CLI, ...args], { cwd: home, env: cliEnv(home), stdio: ['pipe', 'pipe', 'pipe'], detached: true }));
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      killGroup(child, 'SIGKILL');
      reject(new Error(`airlock ${args.join(' ')} timed out after ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
    child.stdin!.end(input ?? '');
  });
}

function cliEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, AIRLOCK_HOME: home };
  delete env.AIRLOCK_DATABASE_URL; // these tests use the embedded default
  delete env.NODE_OPTIONS; // the CLI runs as built, without the test runner's loaders
  return env;
}

// ---------------------------------------------------------------------------- homes

export interface ServerEntry {
  command: string;
  args?: string[];
  env?: Record<string, string>;
  cwd?: string;
  isolation?: 'process' | 'gvisor' | 'bwrap' | 'auto';
  scope?: 'session' | 'shared';
}

export interface TestHome {
  home: string;
  /** The API token `airlock init` printed. */
  token: string;
  tokenId: string;
  /** A scratch directory inside the home for files the servers use. */
  scratch: string;
  cleanup(): Promise<void>;
}

/**
 * A fresh AIRLOCK_HOME with airlock.yaml listing `servers` (process isolation, cwd inside the home),
 * initialised with `airlock init --json`.
 */
export async function makeHome(
  servers: (scratch: string) => Record<string, ServerEntry> = () => ({}),
  gateway: Record<string, unknown> = {},
): Promise<TestHome> {
  const home = mkdtempSync(join(tmpdir(), 'airlock-gw-'));
  const scratch = join(home, 'scratch');
  mkdirSync(scratch, { recursive: true });
  const declared = servers(scratch);
  const config = {
    version: 1,
    gateway: { host: '127.0.0.1', port: 0, ...gateway },
    servers: Object.fromEntries(
      Object.entries(declared).map(([name, s]) => {
        const cwd = s.cwd ?? join(home, 'cwd', name);
        mkdirSync(cwd, { recursive: true });
        return [name, { isolation: 'process', args: [], ...s, cwd }];
      }),
    ),
  };
  writeFileSync(join(home, 'airlock.yaml'), stringify(config), { mode: 0o600 });
  const init = await airlock(home, ['init', '--json']);
  if (init.code !== 0) throw new Error(`airlock init failed (${init.code}): ${init.stderr}`);
  const parsed = JSON.parse(init.stdout) as { token: string; tokenId: string };
  return {
    home,
    token: parsed.token,
    tokenId: parsed.tokenId,
    scratch,
    async cleanup() {
      for (const pid of leftoverProcesses(home)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------- airlock up

export interface Gateway {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  proc: ChildProcess;
  /** Everything the gateway wrote to stderr so far. */
  stderr(): string;
  stop(): Promise<void>;
}

/** Starts `airlock up --port 0` and waits for its "gateway listening on" line. */
export async function startUp(home: string, extraArgs: string[] = []): Promise<Gateway> {
  const proc = track(spawn(process.execPath, [CLI, 'up', '--port', '0', ...extraArgs], { cwd: home, env: cliEnv(home), stdio: ['ignore', 'ignore', 'pipe'], detached: true }));
  let stderr = '';
  const url = await gatewayUrl(proc, (d) => (stderr += d));
  return {
    url,
    proc,
    stderr: () => stderr,
    stop: () => stopChild(proc),
  };
}

/**
 * Waits for an `airlock up` process to print "gateway listening on <url>" and returns the URL;
 * rejects with everything it wrote to stderr if it exits first or takes over 30 s. `onStderr` keeps
 * receiving the gateway's stderr afterwards.
 */
export function gatewayUrl(proc: ChildProcess, onStderr?: (text: string) => void): Promise<string> {
  let stderr = '';
  return new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`airlock up did not start within 30 s:\n${stderr}`)), 30_000);
    proc.stderr!.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      onStderr?.(d);
      const m = /gateway listening on (http:\/\/[^\s]+)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolvePromise(m[1]!);
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`airlock up exited with ${code} before listening:\n${stderr}`));
    });
  });
}

// ---------------------------------------------------------------------------- clients

export type Via = 'direct' | 'run' | 'http' | 'sse';
export const ALL_VIAS: readonly Via[] = ['direct', 'run', 'http', 'sse'];

export interface ClientOptions {
  capabilities?: ClientCapabilities;
  /** Called with the client before connecting (register request handlers here). */
  setup?: (client: Client) => void;
}

export interface Connected {
  client: Client;
  transport: Transport;
  close(): Promise<void>;
}

async function connectWith(transport: Transport, o: ClientOptions): Promise<Connected> {
  const client = new Client({ name: 'airlock-test-client', version: '1.0.0' }, { capabilities: o.capabilities ?? {} });
  o.setup?.(client);
  await client.connect(transport);
  return {
    client,
    transport,
    close: async () => {
      // A well-behaved Streamable HTTP client ends its session (DELETE); closing alone only drops the connection.
      if (transport instanceof StreamableHTTPClientTransport) await transport.terminateSession().catch(() => undefined);
      await client.close().catch(() => undefined);
    },
  };
}

/** The official SDK client straight to the server, no Airlock in between. */
export function connectDirect(server: ServerSpec, cwd: string, o: ClientOptions = {}): Promise<Connected> {
  return connectWith(new StdioClientTransport({ command: server.command, args: server.args, env: { ...defaultEnv(), ...server.env }, cwd, stderr: 'ignore' }), o);
}

/** The same client launching `airlock run --isolation process -- <server>`. */
export function connectRun(home: string, name: string, server: ServerSpec, o: ClientOptions = {}): Promise<Connected> {
  const envArgs = Object.entries(server.env ?? {}).flatMap(([k, v]) => ['--env', `${k}=${v}`]);
  const args = [CLI, 'run', '--isolation', 'process', '--name', name, ...envArgs, '--', server.command, ...server.args];
  const env = cliEnv(home) as Record<string, string>;
  return connectWith(new StdioClientTransport({ command: process.execPath, args, env, cwd: home, stderr: 'ignore' }), o);
}

function authHeaders(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** Streamable HTTP to `airlock up` at /mcp/<name>. */
export function connectHttp(url: string, token: string, name: string, o: ClientOptions = {}): Promise<Connected> {
  return connectWith(new StreamableHTTPClientTransport(new URL(`${url}/mcp/${name}`), { requestInit: { headers: authHeaders(token) } }), o);
}

/** Legacy SSE to `airlock up` at /mcp/<name>/sse. */
export function connectSse(url: string, token: string, name: string, o: ClientOptions = {}): Promise<Connected> {
  return connectWith(new SSEClientTransport(new URL(`${url}/mcp/${name}/sse`), { requestInit: { headers: authHeaders(token) } }), o);
}

function defaultEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const k of ['PATH', 'HOME', 'LANG']) if (process.env[k]) env[k] = process.env[k]!;
  return env;
}

// ---------------------------------------------------------------------------- raw stdio

/**
 * `airlock run` driven with raw lines: write anything to its stdin, read JSON lines from its stdout.
 */
export class RawRun {
  readonly proc: ChildProcess;
  private buffer = '';
  private readonly lines: unknown[] = [];
  private waiters: Array<() => void> = [];
  stderr = '';

  constructor(home: string, name: string, server: ServerSpec) {
    const args = [CLI, 'run', '--isolation', 'process', '--name', name, '--', server.command, ...server.args];
    this.proc = track(spawn(process.execPath, args, { cwd: home, env: cliEnv(home), stdio: ['pipe', 'pipe', 'pipe'], detached: true }));
    this.proc.stdin!.on('error', () => undefined);
    this.proc.stderr!.setEncoding('utf8').on('data', (d: string) => (this.stderr += d));
    this.proc.stdout!.setEncoding('utf8').on('data', (d: string) => {
      this.buffer += d;
      let nl: number;
      while ((nl = this.buffer.indexOf('\n')) !== -1) {
        const line = this.buffer.slice(0, nl);
        this.buffer = this.buffer.slice(nl + 1);
        if (line.trim()) this.lines.push(JSON.parse(line));
      }
      for (const w of this.waiters.splice(0)) w();
    });
  }

  write(text: string): Promise<void> {
    return new Promise((r, j) => this.proc.stdin!.write(text, (err) => (err ? j(err) : r())));
  }

  send(message: unknown): Promise<void> {
    return this.write(JSON.stringify(message) + '\n');
  }

  /** The next message from stdout matching `pred` (messages before it that do not match are kept). */
  async next(pred: (m: Record<string, unknown>) => boolean = () => true, timeoutMs = 15_000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const i = this.lines.findIndex((m) => pred(m as Record<string, unknown>));
      if (i !== -1) return this.lines.splice(i, 1)[0] as Record<string, unknown>;
      if (this.proc.exitCode !== null) throw new Error(`airlock run exited (${this.proc.exitCode}) while waiting:\n${this.stderr}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(this.lines).slice(0, 500)}\n${this.stderr.slice(-2000)}`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
  }

  /** The response with this id. */
  response(id: string | number, timeoutMs?: number): Promise<Record<string, unknown>> {
    return this.next((m) => m.id === id && ('result' in m || 'error' in m), timeoutMs);
  }

  /** Everything received and not yet taken. */
  pending(): unknown[] {
    return [...this.lines];
  }

  /** initialize + notifications/initialized. */
  async handshake(): Promise<void> {
    await this.send({ jsonrpc: '2.0', id: 'init', method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
    const res = await this.response('init');
    if (!('result' in res)) throw new Error(`initialize failed: ${JSON.stringify(res)}`);
    await this.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
  }

  async close(): Promise<number | null> {
    this.proc.stdin!.end();
    await stopChild(this.proc, 5000);
    return this.proc.exitCode;
  }
}

/** A tools/call request for echo. */
export function echoRequest(id: string | number, message: string): Record<string, unknown> {
  return { jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'echo', arguments: { message } } };
}

// ---------------------------------------------------------------------------- raw HTTP

/** A Streamable HTTP session driven with fetch, for inputs no SDK client would send. */
export class RawHttp {
  sessionId: string | null = null;
  constructor(
    readonly endpoint: string,
    readonly token: string,
  ) {}

  headers(extra: Record<string, string> = {}): Record<string, string> {
    const h: Record<string, string> = {
      authorization: `Bearer ${this.token}`,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': '2025-06-18',
      ...extra,
    };
    if (this.sessionId) h['mcp-session-id'] = this.sessionId;
    return h;
  }

  /** POSTs a body; returns the status and every JSON-RPC message in the answer (JSON or SSE). */
  async post(body: string | Uint8Array): Promise<{ status: number; messages: Record<string, unknown>[]; text: string }> {
    const res = await fetch(this.endpoint, { method: 'POST', headers: this.headers(), body });
    const sid = res.headers.get('mcp-session-id');
    if (sid) this.sessionId = sid;
    const text = await res.text();
    return { status: res.status, messages: parseBody(res.headers.get('content-type') ?? '', text), text };
  }

  postJson(message: unknown): ReturnType<RawHttp['post']> {
    return this.post(JSON.stringify(message));
  }

  async handshake(): Promise<void> {
    const init = await this.postJson({ jsonrpc: '2.0', id: 'init', method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
    if (init.status !== 200 || !this.sessionId) throw new Error(`initialize failed: ${init.status} ${init.text}`);
    const ack = await this.postJson({ jsonrpc: '2.0', method: 'notifications/initialized' });
    if (ack.status !== 202) throw new Error(`initialized notification got ${ack.status}`);
  }

  async close(): Promise<void> {
    if (!this.sessionId) return;
    await fetch(this.endpoint, { method: 'DELETE', headers: this.headers() }).catch(() => undefined);
  }
}

function parseBody(contentType: string, text: string): Record<string, unknown>[] {
  if (text.trim() === '') return [];
  if (contentType.includes('text/event-stream')) {
    return text
      .split('\n')
      .filter((l) => l.startsWith('data: '))
      .map((l) => JSON.parse(l.slice(6)) as Record<string, unknown>);
  }
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? (v as Record<string, unknown>[]) : [v as Record<string, unknown>];
  } catch {
    return [];
  }
}

/** A JSON value nested `depth` arrays deep: [[[...[0]...]]]. */
export function nestedArrays(depth: number): string {
  return '['.repeat(depth) + '0' + ']'.repeat(depth);
}
