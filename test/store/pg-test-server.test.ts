/**
 * scripts/pg-test-server.ts must never leave a PostgreSQL server (or its files) behind: not after
 * SIGTERM, and not when it is killed outright.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const SCRIPT = fileURLToPath(new URL('../../scripts/pg-test-server.ts', import.meta.url));

function start(tmp: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, '--fast'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, TMPDIR: tmp },
  });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (url) => resolve({ child, url }));
    child.once('exit', (code) => reject(new Error(`pg-test-server exited early (${code})`)));
  });
}

async function canConnect(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  c.on('error', () => undefined);
  try {
    await c.connect();
    await c.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

async function gone(url: string, ms = 10_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!(await canConnect(url))) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

function privateTmp(): string {
  const tmp = mkdtempSync(join(tmpdir(), 'airlock-pgts-'));
  chmodSync(tmp, 0o755);
  return tmp;
}

it('SIGTERM stops the server and removes its files', async () => {
  const tmp = privateTmp();
  try {
    const { child, url } = await start(tmp);
    assert.match(url, /^postgres:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/postgres$/);
    assert.equal(await canConnect(url), true);
    assert.equal(readdirSync(tmp).filter((f) => f.startsWith('airlock-pg-')).length, 1);
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    assert.equal(await canConnect(url), false);
    assert.deepEqual(readdirSync(tmp).filter((f) => f.startsWith('airlock-pg-')), []);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

it('a killed (SIGKILL) starter takes its server down with it', async () => {
  const tmp = privateTmp();
  try {
    const { child, url } = await start(tmp);
    assert.equal(await canConnect(url), true);
    child.kill('SIGKILL');
    assert.equal(await gone(url), true, 'the server must not outlive the process that started it');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
