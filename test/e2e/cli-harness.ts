/**
 * Driving the built CLI from an end-to-end test: an environment pointing at the test's own data and
 * runtime directories, a runner with a timeout, and the audit log read back through `audit tail`.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
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
  cli(args: string[], timeoutMs?: number): Promise<CliResult>;
  auditEntries(n?: number): Promise<AuditEntry[]>;
}

export function cliHarness(o: { home: string; runtimeDir: string; extraEnv?: Record<string, string> }): CliHarness {
  const env = (): Record<string, string> => {
    const e: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined) e[k] = v;
    delete e.NODE_OPTIONS;
    delete e.AIRLOCK_DATABASE_URL;
    return { ...e, AIRLOCK_HOME: o.home, AIRLOCK_RUNTIME_DIR: o.runtimeDir, ...o.extraEnv };
  };
  const cli = (args: string[], timeoutMs = 60_000): Promise<CliResult> =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, ...args], { cwd: o.home, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
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
  return { env, cli, auditEntries };
}
