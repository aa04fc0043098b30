/**
 * The `gvisor` driver: every server runs in its own runsc sandbox (gVisor's user-space kernel).
 * Bundles and runsc state live in a private directory under the runtime dir; runsc gets a dedicated
 * --root so cleanup only ever sees Airlock's own containers.
 *
 * Failure contract: `start` rejects — and leaves nothing behind — when runsc or root is missing,
 * a cgroup limit or the workspace cap cannot be applied, the network namespace is missing, or runsc
 * does not reach the running state. Limits are enforced by cgroups (memory, CPU, pids), rlimits
 * inside the sentry (open files, file size, processes) and tmpfs/ext4 size (workspace); none is
 * skipped silently. `kill()` kills every process of the sandbox (runsc kill --all, then delete
 * --force) and removes bundle, cgroup and ephemeral workspace.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { cgroupScope, createCgroup, listCgroups, procsFilesOf, removeCgroup } from './cgroup.js';
import { stdoutDrained, fullLimits, resolveCommand, sandboxId, sleep, teeStderr } from './common.js';
import { buildOciConfig } from './oci.js';
import { bundlesDir, dataDir, runscStateDir, runtimeDir } from './paths.js';
import { choosePlatform, runscInfo, supportsSandboxNetwork, type RunscPlatform } from './runsc.js';
import type { IsolationDriver, Sandbox, SandboxExit, SandboxSpec } from './types.js';
import { acquireSandboxWorkspace, unmountLeftoverWorkspaces, type WorkspaceLease } from './workspace.js';

const execFileP = promisify(execFile);

export interface GvisorOptions {
  /** Runtime directory (bundles, runsc state). Default: runtimeDir(). */
  runtimeDir?: string;
  /** Force a platform; default: the best this runsc and machine support (see choosePlatform). */
  platform?: RunscPlatform;
  /** How long runsc may take to reach "running". */
  bootTimeoutMs?: number;
  /** Airlock's data directory (where leftover workspace mounts are looked for). Default: dataDir(). */
  dataDir?: string;
}

const PREFIX = 'al';

/**
 * The host pids cgroup of a gVisor sandbox counts the sentry's own threads and, on the ptrace
 * platform, a stub process plus threads per guest address space (≈9 host tasks per guest process
 * measured here). A host cap equal to the configured limit makes the sentry itself fail to clone
 * and crash. So the configured limit is enforced inside the sandbox's own kernel — RLIMIT_NPROC of
 * uid 65534, which in gVisor counts only this sandbox's tasks — and the host cgroup is a backstop.
 */
export function hostPidsBackstop(pids: number): number {
  return Math.max(1024, pids * 16);
}

export function createGvisorDriver(opts: GvisorOptions = {}): IsolationDriver {
  const rt = opts.runtimeDir ?? runtimeDir();
  const stateRoot = runscStateDir(rt);
  const bundles = bundlesDir(rt);
  const live = new Set<string>();
  const scope = cgroupScope(rt);
  const home = opts.dataDir ?? dataDir();
  let platform: RunscPlatform | undefined = opts.platform;

  const runsc = async (args: string[], timeout = 15_000) => {
    const info = runscInfo()!;
    return execFileP(info.path, ['--root', stateRoot, ...args], { timeout, encoding: 'utf8' });
  };

  async function removeContainer(id: string): Promise<void> {
    await runsc(['kill', '--all', id, 'KILL']).catch(() => undefined);
    await runsc(['delete', '--force', id]).catch(() => undefined);
  }

  async function start(spec: SandboxSpec): Promise<Sandbox> {
    const info = runscInfo();
    if (!info) throw new Error('gvisor isolation: runsc is not installed. Install it: apt-get install -y runsc (see `airlock doctor`)');
    if (process.getuid?.() !== 0) {
      throw new Error('gvisor isolation needs root (runsc --rootless=false, cgroup limits). Run Airlock as root or use isolation: bwrap');
    }
    if (spec.network.mode === 'host') throw new Error('gvisor isolation refuses host networking; only the process driver accepts it');
    if (spec.network.mode === 'namespace' && !existsSync(spec.network.netnsPath)) {
      throw new Error(`gvisor isolation: network namespace ${spec.network.netnsPath} does not exist`);
    }
    const limits = fullLimits(spec.limits);
    platform ??= await choosePlatform(info, rt);
    const id = sandboxId(PREFIX, spec.server);
    const bundle = join(bundles, id);
    const command = resolveCommand(spec);
    mkdirSync(stateRoot, { recursive: true, mode: 0o700 });
    mkdirSync(bundle, { recursive: true, mode: 0o700 });

    const undo: Array<() => Promise<void> | void> = [() => rmSync(bundle, { recursive: true, force: true })];
    const rollback = async () => {
      for (const u of undo.reverse()) {
        try {
          await u();
        } catch {
          /* keep undoing the rest; leftovers cleanup catches what stays */
        }
      }
    };
    let cgroup: ReturnType<typeof createCgroup>;
    let lease: WorkspaceLease;
    try {
      cgroup = createCgroup(scope, id, { ...limits, pids: hostPidsBackstop(limits.pids) });
      undo.push(() => cgroup.remove());
      lease = acquireSandboxWorkspace(spec, limits.diskMb);
      undo.push(() => lease.release());
      const config = buildOciConfig(spec, {
        command,
        cgroupsPath: cgroup.ociPath,
        limits,
        workspaceTmpfsMb: lease.inSandboxTmpfsMb,
        hostPids: hostPidsBackstop(limits.pids),
      });
      writeFileSync(join(bundle, 'config.json'), JSON.stringify(config, null, 2), { mode: 0o600 });
    } catch (err) {
      await rollback();
      throw err;
    }

    const netFlag =
      spec.network.mode === 'none' ? 'none' : supportsSandboxNetwork(info) ? 'sandbox' : 'host';
    // AIRLOCK_RUNSC_DEBUG=<dir> keeps runsc's debug logs (boot, gofer, sentry strace) for diagnosis.
    const debugDir = process.env.AIRLOCK_RUNSC_DEBUG;
    const debug = debugDir ? ['--debug', `--debug-log=${debugDir}/`, ...(process.env.AIRLOCK_RUNSC_STRACE ? ['--strace'] : [])] : [];
    const panicLog = join(bundle, 'panic.log');
    const runscArgs = [
      '--root', stateRoot, '--rootless=false', `--platform=${platform}`, `--network=${netFlag}`,
      `--panic-log=${panicLog}`, ...debug, 'run', '--bundle', bundle, id,
    ];
    const [file, args] =
      spec.network.mode === 'namespace'
        ? ['nsenter', [`--net=${spec.network.netnsPath}`, '--', info.path, ...runscArgs]]
        : [info.path, runscArgs];
    // runsc must not inherit Airlock's environment either (it passes nothing on, but keep it clean).
    const child = spawn(file, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' } });
    live.add(id);
    const stderr = teeStderr(child.stderr!);
    // start() resolves only once runsc reports "running"; a server that writes and exits before
    // then would lose its output, because Node resumes (drains) an unread child stdout at exit.
    // Piping into our own stream gives it a reader from the first byte, with backpressure kept.
    const stdout = new PassThrough({ highWaterMark: 64 * 1024 });
    child.stdout!.pipe(stdout);
    let killedByUs = false;
    let startFailed = false;

    const childExit = new Promise<{ code: number | null; signal: string | null }>((resolve) => {
      child.once('exit', (code, signal) => resolve({ code, signal }));
      child.once('error', () => resolve({ code: null, signal: null }));
    });

    const exited: Promise<SandboxExit> = childExit.then(async ({ code, signal }) => {
      const oom = (() => {
        try {
          return cgroup.oomKilled();
        } catch {
          return false;
        }
      })();
      // A sentry crash leaves its Go panic here; hand it to whoever reads the server's stderr.
      let panicked = false;
      try {
        const text = readFileSync(panicLog, 'utf8').trim();
        if (text) {
          panicked = true;
          stderr.stream.write(`\n[airlock] gVisor sentry crashed: ${text.slice(-2000)}\n`);
        }
      } catch {
        /* no panic */
      }
      await removeContainer(id);
      await rollback();
      // The sandbox is gone, so its stdout is at EOF: let the reader have every byte first.
      await stdoutDrained(child.stdout!);
      live.delete(id);
      stderr.finish();
      const reason = startFailed ? 'start-failed' : oom ? 'oom' : killedByUs ? 'killed' : panicked ? 'runtime-crash' : undefined;
      return { code, signal, ...(reason ? { reason } : {}) };
    });

    // "Booted" = runsc reports the container running; an early exit is a start failure.
    const deadline = Date.now() + (opts.bootTimeoutMs ?? 20_000);
    let early: { code: number | null; signal: string | null } | null = null;
    void childExit.then((e) => (early = e));
    for (;;) {
      if (early) {
        // A server that ran and ended quickly is not a start failure; runsc's own failures exit
        // 128 with "… container: …" on stderr (or die without a code).
        const { code } = early as { code: number | null };
        if (code === null || (code === 128 && /container:|runsc|error/i.test(stderr.tail()))) {
          startFailed = true;
          await exited;
          throw new Error(`gvisor sandbox for ${spec.server} failed to start: ${stderr.tail().trim() || 'runsc exited'}`);
        }
        break;
      }
      const state = await runsc(['state', id], 5000).then(
        (r) => (JSON.parse(r.stdout) as { status?: string }).status,
        () => undefined,
      );
      if (state === 'running' || state === 'stopped') break;
      if (Date.now() > deadline) {
        startFailed = true;
        child.kill('SIGKILL');
        await exited;
        throw new Error(`gvisor sandbox for ${spec.server} did not boot within ${opts.bootTimeoutMs ?? 20_000} ms: ${stderr.tail().trim()}`);
      }
      await sleep(15);
    }

    let killing: Promise<void> | null = null;
    return {
      id,
      driver: 'gvisor',
      stdin: child.stdin!,
      stdout,
      stderr: stderr.stream,
      exited,
      kill() {
        killing ??= (async () => {
          if (child.exitCode === null && child.signalCode === null) {
            killedByUs = true;
            await runsc(['kill', '--all', id, 'KILL']).catch(() => undefined);
            const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
            await childExit;
            clearTimeout(timer);
          }
          await exited;
        })();
        return killing;
      },
    };
  }

  async function cleanupLeftovers(): Promise<void> {
    if (!runscInfo() || process.getuid?.() !== 0) return;
    if (existsSync(stateRoot)) {
      const { stdout } = await runsc(['list', '-quiet']).catch(() => ({ stdout: '' }));
      for (const id of stdout.split('\n').map((s) => s.trim())) {
        if (id && id.startsWith(`${PREFIX}-`) && !live.has(id)) await removeContainer(id);
      }
    }
    if (existsSync(bundles)) {
      for (const name of readdirSync(bundles)) {
        if (!live.has(name)) rmSync(join(bundles, name), { recursive: true, force: true });
      }
    }
    for (const name of listCgroups(scope)) {
      if (name.startsWith(`${PREFIX}-`) && !live.has(name)) await killCgroupTasks(procsFilesOf(scope, name)).then(() => removeCgroup(scope, name));
    }
    unmountLeftoverWorkspaces(join(home, 'workspaces'));
  }

  return { kind: 'gvisor', start, cleanupLeftovers };
}

/** SIGKILLs every task still in a leftover group (a sentry whose runsc state was lost). */
async function killCgroupTasks(procsFiles: string[]): Promise<void> {
  for (const f of procsFiles) {
    let pids: number[] = [];
    try {
      pids = readFileSync(f, 'utf8').split('\n').filter(Boolean).map(Number);
    } catch {
      continue;
    }
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  }
  await sleep(100);
}
