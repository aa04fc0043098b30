/**
 * Driving the built CLI from an end-to-end test: an environment pointing at the test's own data and
 * runtime directories, a runner with a timeout, and the audit log read back through `audit tail`.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CLI } from '../helpers/mcp.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface AuditEntry {
  type: string;
  server: string | null;
  session: string | null;
  data: Record<string, unknown>;
}

export interface CliHarness {
  env(): Record<string, string>;
  /** The command line that runs the CLI with `args` (as the harness's user), e.g. for an MCP client transport. */
  argv(args: string[]): { command: string; args: string[] };
  cli(args: string[], timeoutMs?: number): Promise<CliResult>;
  auditEntries(n?: number): Promise<AuditEntry[]>;
}

export interface CliHarnessOptions {
  home: string;
  runtimeDir: string;
  extraEnv?: Record<string, string>;
  /** Runs the CLI as this unprivileged user (through setpriv), with a plain user's environment. */
  user?: { uid: number; gid: number };
}

export function cliHarness(o: CliHarnessOptions): CliHarness {
  const env = (): Record<string, string> => {
    const ours = { AIRLOCK_HOME: o.home, AIRLOCK_RUNTIME_DIR: o.runtimeDir, ...o.extraEnv };
    if (o.user) return { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: o.home, LANG: 'C.UTF-8', ...ours };
    const e: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined) e[k] = v;
    delete e.NODE_OPTIONS;
    delete e.AIRLOCK_DATABASE_URL;
    return { ...e, ...ours };
  };
  const argv = (args: string[]): { command: string; args: string[] } =>
    o.user
      ? { command: 'setpriv', args: [`--reuid=${o.user.uid}`, `--regid=${o.user.gid}`, '--clear-groups', process.execPath, CLI, ...args] }
      : { command: process.execPath, args: [CLI, ...args] };
  const cli = (args: string[], timeoutMs = 60_000): Promise<CliResult> =>
    new Promise((resolve, reject) => {
      const line = argv(args);
      const child = spawn(line.command, line.args, { cwd: o.home, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.once('error', reject);
      child.once('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    });
  const auditEntries = async (n = 2000): Promise<AuditEntry[]> => {
    const r = await cli(['audit', 'tail', '-n', String(n)]);
    assert.equal(r.code, 0, r.stderr);
    return r.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as AuditEntry);
  };
  return { env, argv, cli, auditEntries };
}

export interface ConnectedClient {
  client: Client;
  /** What the process behind a stdio transport wrote to stderr so far. */
  stderr(): string;
}

/**
 * Connects an SDK client; a failed connect rethrows with the stderr of `airlock run` (or whatever a
 * stdio transport started), which is where Airlock says why it refused to start.
 */
export async function connectClient(transport: StdioClientTransport | StreamableHTTPClientTransport, name = 'airlock-e2e'): Promise<ConnectedClient> {
  let err = '';
  if (transport instanceof StdioClientTransport) transport.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const client = new Client({ name, version: '1.0.0' });
  try {
    await client.connect(transport);
  } catch (e) {
    throw new Error(`${(e as Error).message}\n${err}`);
  }
  return { client, stderr: () => err };
}
