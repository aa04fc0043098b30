/**
 * The `bwrap` driver: bubblewrap namespaces (--unshare-all), a read-only host root with the same
 * masks and workspace as gVisor, all capabilities dropped, and a seccomp filter (seccomp.ts).
 *
 * The sandboxed process runs as host uid/gid 65534 (not as root mapped into a user namespace:
 * a process that is host uid 0 would own root's 0600 files even without capabilities). Limits come
 * from a per-sandbox cgroup (memory, CPU, pids) that a root wrapper joins before dropping to 65534,
 * and rlimits (open files, file size). Without root there is no writable cgroup here, so start fails
 * rather than run unlimited — unless the server opts in to rlimits only (`sandbox.rootless:
 * rlimits-only`, see startRootless), which is then audited and warned about by the caller.
 *
 * Failure contract: `start` rejects — leaving nothing behind — when bwrap, root, a cgroup limit,
 * the workspace cap or the network namespace is missing. `kill()` SIGKILLs every task in the
 * sandbox's cgroup, so nothing a server forked survives it.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cgroupScope, createCgroup, listCgroups, procsFilesOf, removeCgroup, type Cgroup } from './cgroup.js';
import { stdoutDrained, fullLimits, hostnameFor, masksFor, resolveCommand, sandboxId, sleep, teeStderr } from './common.js';
import { dataDir, runtimeDir } from './paths.js';
import { which } from './runsc.js';
import { seccompBytes } from './seccomp.js';
import type { IsolationDriver, Sandbox, SandboxExit, SandboxSpec } from './types.js';
import { SANDBOX_GID, SANDBOX_UID, acquireSandboxWorkspace, unmountLeftoverWorkspaces, type WorkspaceLease } from './workspace.js';

export interface BwrapOptions {
  runtimeDir?: string;
  /** Airlock's data directory (where leftover workspace mounts are looked for). Default: dataDir(). */
  dataDir?: string;
}

const PREFIX = 'ab';
const MiB = 1024 * 1024;

/** bwrap arguments after the binary (exported for tests that check the layout). */
/**
 * `workspaceSource` is the host path bound on the workspace: the sandbox's host uid 65534 may not be
 * able to walk to the workspace itself (the data directory is 0700), so a persistent workspace is
 * first bind-mounted by root onto a traversable staging path under the runtime directory.
 */
export function bwrapArgs(
  spec: SandboxSpec,
  command: string,
  workspaceTmpfsMb: number | null,
  seccompFd: number,
  workspaceSource: string = spec.workspace,
): string[] {
  const a: string[] = ['--unshare-all'];
  if (spec.network.mode === 'namespace') a.push('--share-net');
  a.push('--die-with-parent', '--new-session', '--cap-drop', 'ALL');
  a.push('--uid', String(SANDBOX_UID), '--gid', String(SANDBOX_GID));
  a.push('--hostname', hostnameFor(spec.server));
  a.push('--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc');
  for (const p of masksFor(spec)) a.push('--tmpfs', p);
  if (workspaceTmpfsMb !== null) {
    if (workspaceTmpfsMb > 0) a.push('--size', String(workspaceTmpfsMb * MiB));
    a.push('--perms', '0700', '--tmpfs', spec.workspace);
  } else {
    a.push('--bind', workspaceSource, spec.workspace);
  }
  for (const m of spec.mounts) a.push(m.readOnly ? '--ro-bind' : '--bind', m.source, m.target || m.source);
  // Hide the host's kernel memory and keyring views from the new /proc.
  if (existsSync('/proc/kcore')) a.push('--ro-bind', '/dev/null', '/proc/kcore');
  // The environment is handed over by spawn (see start), never as --setenv arguments: argv of every
  // process is readable by every user of the host (ps), and the environment may hold secrets.
  a.push('--chdir', spec.cwd ?? spec.workspace);
  a.push('--seccomp', String(seccompFd), '--', command, ...spec.args);
  return a;
}

export function createBwrapDriver(opts: BwrapOptions = {}): IsolationDriver {
  const rt = opts.runtimeDir ?? runtimeDir();
  const filters = join(rt, 'bwrap');
  const binds = join(rt, 'binds');
  const scope = cgroupScope(rt);
  const home = opts.dataDir ?? dataDir();
  const live = new Set<string>();

  async function start(spec: SandboxSpec): Promise<Sandbox> {
    const bwrap = which('bwrap', '/usr/bin:/usr/local/bin:/bin');
    if (!bwrap) throw new Error('bwrap isolation: bubblewrap is not installed. Install it: apt-get install -y bubblewrap');
    if (spec.network.mode === 'host') throw new Error('bwrap isolation refuses host networking; only the process driver accepts it');
    if (process.getuid?.() !== 0) return startRootless(spec, bwrap);
    if (spec.network.mode === 'namespace' && !existsSync(spec.network.netnsPath)) {
      throw new Error(`bwrap isolation: network namespace ${spec.network.netnsPath} does not exist`);
    }
    const limits = fullLimits(spec.limits);
    const command = resolveCommand(spec);
    const id = sandboxId(PREFIX, spec.server);
    mkdirSync(filters, { recursive: true, mode: 0o700 });
    const bpfFile = join(filters, `${id}.bpf`);

    const undo: Array<() => Promise<void> | void> = [];
    const rollback = async () => {
      for (const u of undo.reverse()) {
        try {
          await u();
        } catch {
          /* keep undoing the rest; leftovers cleanup catches what stays */
        }
      }
    };
    let cgroup: Cgroup;
    let lease: WorkspaceLease;
    let bpfFd: number;
    const stage = join(binds, id);
    try {
      writeFileSync(bpfFile, seccompBytes(), { mode: 0o600 });
      undo.push(() => rmSync(bpfFile, { force: true }));
      cgroup = createCgroup(scope, id, limits);
      undo.push(() => cgroup.remove());
      lease = acquireSandboxWorkspace(spec, limits.diskMb);
      undo.push(() => lease.release());
      bpfFd = openSync(bpfFile, 'r');
      if (lease.inSandboxTmpfsMb === null) {
        // Staging bind: /run/airlock (0711) → binds (0711) → <id> (0700, uid 65534).
        chmodSync(rt, 0o711);
        mkdirSync(binds, { recursive: true, mode: 0o711 });
        chmodSync(binds, 0o711);
        mkdirSync(stage, { mode: 0o700 });
        undo.push(() => rmSync(stage, { recursive: true, force: true }));
        chownSync(stage, SANDBOX_UID, SANDBOX_GID);
        execFileSync('mount', ['--bind', spec.workspace, stage], { stdio: ['ignore', 'ignore', 'pipe'] });
        undo.push(() => void execFileSync('umount', [stage], { stdio: 'ignore' }));
      }
    } catch (err) {
      await rollback();
      throw err;
    }

    // Root wrapper: join the cgroup first (so nothing of the server ever runs outside it), enter
    // the network namespace, then drop to 65534 with rlimits and exec bwrap.
    const join_ = cgroup.procsFiles.map((f) => `echo $$ > '${f}'`).join(' && ');
    const chain = [
      ...(spec.network.mode === 'namespace' ? ['nsenter', `--net=${spec.network.netnsPath}`, '--'] : []),
      'setpriv', `--reuid=${SANDBOX_UID}`, `--regid=${SANDBOX_GID}`, '--clear-groups', '--no-new-privs',
      'prlimit', `--nofile=${limits.openFiles}`, `--fsize=${limits.fileSizeMb * MiB}`, '--core=0', '--',
      bwrap, ...bwrapArgs(spec, command, lease.inSandboxTmpfsMb, 3, lease.inSandboxTmpfsMb === null ? stage : spec.workspace),
    ];
    const child = spawn('/bin/sh', ['-c', `${join_} && exec "$@"`, 'airlock-bwrap', ...chain], {
      stdio: ['pipe', 'pipe', 'pipe', bpfFd],
      // Exactly the spec's environment reaches the server (sh, setpriv and bwrap pass it through).
      env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', ...spec.env },
    });
    closeSync(bpfFd);
    return adopt(id, spec.server, child, {
      async cleanup({ spawnFailed, killedByUs }) {
        const oom = cgroup.oomKilled();
        await killTasks(cgroup);
        await rollback();
        return spawnFailed ? 'start-failed' : oom ? 'oom' : killedByUs ? 'killed' : undefined;
      },
      killTasks: () => killTasks(cgroup),
    });
  }

  /**
   * Without root: bwrap makes its own user namespace (the server is uid 65534 inside, the invoking
   * user outside), there is no cgroup, no network namespace of ours and no loop-mounted workspace.
   * Only with the server's explicit `sandbox.rootless: rlimits-only` opt-in does it start, with
   * rlimits instead of cgroup limits: RLIMIT_DATA (memoryMb, per process, not per sandbox),
   * RLIMIT_NPROC (pids, counted per user), RLIMIT_NOFILE, RLIMIT_FSIZE, no core dumps — and no CPU
   * cap at all. The caller audits and warns about that choice. `kill()` SIGKILLs bwrap; its sandbox
   * init dies with it (--die-with-parent) and with it every process of the sandbox's pid namespace.
   */
  async function startRootless(spec: SandboxSpec, bwrap: string): Promise<Sandbox> {
    if (spec.rootless !== 'rlimits-only') {
      throw new Error(
        'bwrap isolation without root cannot enforce memory, CPU and pids limits (no writable cgroup). ' +
          'Run Airlock as root (it drops the server to uid 65534), or accept rlimits only for this server with ' +
          '`sandbox.rootless: rlimits-only` in its config (`airlock run --rootless rlimits-only`) — see `airlock doctor`',
      );
    }
    if (spec.network.mode === 'namespace') {
      throw new Error('bwrap isolation without root cannot join a network namespace; egress in this tier goes through the Unix-socket bridge');
    }
    if (!spec.ephemeralWorkspace) {
      throw new Error('bwrap isolation without root supports only `sandbox.workspace: ephemeral` (a persistent, size-capped workspace needs root to mount)');
    }
    const limits = fullLimits(spec.limits);
    const command = resolveCommand(spec);
    const id = sandboxId(PREFIX, spec.server);
    mkdirSync(filters, { recursive: true, mode: 0o700 });
    const bpfFile = join(filters, `${id}.bpf`);
    writeFileSync(bpfFile, seccompBytes(), { mode: 0o600 });
    let lease: WorkspaceLease;
    let bpfFd: number;
    try {
      lease = acquireSandboxWorkspace(spec, limits.diskMb);
      bpfFd = openSync(bpfFile, 'r');
    } catch (err) {
      rmSync(bpfFile, { force: true });
      throw err;
    }
    const chain = [
      `--nofile=${limits.openFiles}`, `--fsize=${limits.fileSizeMb * MiB}`, '--core=0',
      `--nproc=${limits.pids}`, `--data=${limits.memoryMb * MiB}`, '--',
      bwrap, ...bwrapArgs(spec, command, lease.inSandboxTmpfsMb, 3),
    ];
    const child = spawn(which('prlimit', '/usr/bin:/bin') ?? 'prlimit', chain, {
      stdio: ['pipe', 'pipe', 'pipe', bpfFd],
      env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', ...spec.env },
    });
    closeSync(bpfFd);
    return adopt(id, spec.server, child, {
      async cleanup({ spawnFailed, killedByUs }) {
        rmSync(bpfFile, { force: true });
        await lease.release().catch(() => undefined);
        return spawnFailed ? 'start-failed' : killedByUs ? 'killed' : undefined;
      },
    });
  }

  /**
   * Wires a spawned bwrap chain up as a Sandbox: its stderr, its exit, and `kill()`. `cleanup` runs
   * once the chain has exited, before the last of its stdout is read, and says why it ended when
   * Airlock knows (start failure, OOM, killed by us). `killTasks` reaches what the chain forked.
   */
  async function adopt(
    id: string,
    server: string,
    child: ChildProcess,
    o: { cleanup(why: { spawnFailed: boolean; killedByUs: boolean }): Promise<string | undefined>; killTasks?: () => Promise<void> },
  ): Promise<Sandbox> {
    live.add(id);
    const stderr = teeStderr(child.stderr!);
    let killedByUs = false;
    let spawnError: Error | null = null;
    const childExit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      child.once('exit', (code, signal) => resolve({ code, signal }));
      child.once('error', (err) => {
        spawnError = err;
        resolve({ code: null, signal: null });
      });
    });
    const exited: Promise<SandboxExit> = childExit.then(async ({ code, signal }) => {
      const reason = await o.cleanup({ spawnFailed: spawnError !== null, killedByUs });
      // The sandbox is gone, so its stdout is at EOF: let the reader have every byte first.
      await stdoutDrained(child.stdout!);
      live.delete(id);
      stderr.finish();
      return { code, signal, ...(reason ? { reason } : {}) };
    });
    await new Promise<void>((resolve) => {
      child.once('spawn', resolve);
      child.once('error', () => resolve());
    });
    if (spawnError) {
      await exited;
      throw new Error(`bwrap sandbox for ${server} failed to start: ${(spawnError as Error).message}`);
    }
    let killing: Promise<void> | null = null;
    return {
      id,
      driver: 'bwrap',
      stdin: child.stdin!,
      stdout: child.stdout!,
      stderr: stderr.stream,
      exited,
      kill() {
        killing ??= (async () => {
          if (child.exitCode === null && child.signalCode === null) {
            killedByUs = true;
            await o.killTasks?.();
            child.kill('SIGKILL');
            await childExit;
          }
          await exited;
        })();
        return killing;
      },
    };
  }

  async function cleanupLeftovers(): Promise<void> {
    if (process.getuid?.() !== 0) return;
    for (const name of listCgroups(scope)) {
      if (!name.startsWith(`${PREFIX}-`) || live.has(name)) continue;
      await killTasks({ ociPath: '', procsFiles: procsFilesOf(scope, name), oomKilled: () => false, remove: async () => {} });
      await removeCgroup(scope, name);
    }
    if (existsSync(filters)) {
      for (const f of readdirSync(filters)) if (!live.has(f.replace(/\.bpf$/, ''))) rmSync(join(filters, f), { force: true });
    }
    if (existsSync(binds)) {
      for (const name of readdirSync(binds)) {
        if (live.has(name)) continue;
        try {
          execFileSync('umount', [join(binds, name)], { stdio: 'ignore' });
        } catch {
          /* not mounted */
        }
        rmSync(join(binds, name), { recursive: true, force: true });
      }
    }
    unmountLeftoverWorkspaces(join(home, 'workspaces'));
  }

  return { kind: 'bwrap', start, cleanupLeftovers };
}

function pidsIn(procsFile: string): number[] {
  try {
    return readFileSync(procsFile, 'utf8').split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** SIGKILLs every task of the group until it is empty (a forking server cannot outrun it for long). */
async function killTasks(cg: Cgroup): Promise<void> {
  for (let round = 0; round < 100; round++) {
    const pids = cg.procsFiles.flatMap(pidsIn);
    if (pids.length === 0) return;
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    await sleep(20);
  }
}

