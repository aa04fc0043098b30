/**
 * Per-sandbox cgroups (v1 and v2) for memory, CPU and pids limits, created by Airlock itself so it
 * can read the OOM counter after the sandbox has died and remove the group afterwards.
 *
 * Failure contract: `createCgroup` throws (with the path and the fix) when a limit cannot be
 * written; a sandbox must then not start.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

const ROOT = '/sys/fs/cgroup';
/**
 * Parent group of every sandbox group. Below it, one group per runtime directory (`scope`), so that
 * the leftover cleanup of one Airlock never touches the sandboxes of another (or of a test running
 * beside it): runsc is pointed at `/airlock/<scope>/<id>`.
 */
export const CGROUP_PARENT = 'airlock';

/** The scope of a runtime directory: a short stable hash of its path. */
export function cgroupScope(runtimeDir: string): string {
  return `rt-${createHash('sha256').update(runtimeDir).digest('hex').slice(0, 10)}`;
}

export interface CgroupLimits {
  memoryMb: number;
  cpus: number;
  pids: number;
}

export type CgroupVersion = 1 | 2;

export function cgroupVersion(): CgroupVersion | null {
  if (existsSync(join(ROOT, 'cgroup.controllers'))) return 2;
  if (existsSync(join(ROOT, 'memory', 'memory.limit_in_bytes')) && existsSync(join(ROOT, 'pids'))) return 1;
  return null;
}

const V1_CONTROLLERS = ['memory', 'pids', 'cpu'] as const;

export interface Cgroup {
  /** The path runsc's OCI `cgroupsPath` takes (`/airlock/<name>`). */
  readonly ociPath: string;
  /** Files a wrapper writes its pid into to join every controller. */
  readonly procsFiles: string[];
  /** True when the kernel OOM killer fired inside this group. */
  oomKilled(): boolean;
  /** Removes the group (retries while the last tasks drain). */
  remove(): Promise<void>;
}

function write(file: string, value: string): void {
  try {
    writeFileSync(file, value);
  } catch (err) {
    throw new Error(
      `cannot set cgroup limit ${file} = ${value}: ${(err as Error).message}. ` +
        'Airlock needs root and a writable cgroup hierarchy for sandbox limits (run as root, or `airlock doctor`).',
    );
  }
}

function readCounter(file: string, key: string): number {
  try {
    const line = readFileSync(file, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${key} `));
    return line ? Number(line.split(' ')[1]) : 0;
  } catch {
    return 0;
  }
}

async function rmdirRetry(dir: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if (!existsSync(dir)) return;
    // Child groups (runsc may create some of its own) go first.
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) await rmdirRetry(join(dir, e.name));
    }
    try {
      rmdirSync(dir);
      return;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return;
      if (code !== 'EBUSY') throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`cgroup ${dir} is still busy; remove it with: rmdir ${dir}`);
}

/**
 * mkdir -p that survives a sibling sandbox removing the (then empty) scope group between the
 * creation of the scope and of our group below it.
 */
function mkdirRetry(dir: string): void {
  for (let i = 0; ; i++) {
    try {
      mkdirSync(dir, { recursive: true });
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || i >= 5) throw err;
    }
  }
}

/** Creates `/airlock/<scope>/<name>` with the given limits in every controller Airlock uses. */
export function createCgroup(scope: string, name: string, limits: CgroupLimits): Cgroup {
  const rel = join(CGROUP_PARENT, scope, name);
  const version = cgroupVersion();
  if (version === null) {
    throw new Error(
      'no usable cgroup hierarchy at /sys/fs/cgroup (memory, pids, cpu); sandbox limits cannot be enforced. ' +
        'Mount cgroups (v2: mount -t cgroup2 none /sys/fs/cgroup) and run Airlock as root.',
    );
  }
  const memBytes = String(limits.memoryMb * 1024 * 1024);
  const period = 100_000;
  const quota = Math.max(1000, Math.round(limits.cpus * period));
  if (version === 1) {
    const dirs = V1_CONTROLLERS.map((c) => join(ROOT, c, rel));
    for (const d of dirs) mkdirRetry(d);
    const [mem, pids, cpu] = dirs as [string, string, string];
    write(join(mem, 'memory.limit_in_bytes'), memBytes);
    // Swap would let a sandbox exceed its memory limit; cap memory+swap at the same value.
    if (existsSync(join(mem, 'memory.memsw.limit_in_bytes'))) write(join(mem, 'memory.memsw.limit_in_bytes'), memBytes);
    write(join(pids, 'pids.max'), String(limits.pids));
    write(join(cpu, 'cpu.cfs_period_us'), String(period));
    write(join(cpu, 'cpu.cfs_quota_us'), String(quota));
    return {
      ociPath: `/${rel}`,
      procsFiles: dirs.map((d) => join(d, 'cgroup.procs')),
      oomKilled: () => readCounter(join(mem, 'memory.oom_control'), 'oom_kill') > 0,
      async remove() {
        for (const d of dirs) await rmdirRetry(d);
        removeCgroupScope(scope);
      },
    };
  }
  for (const parent of [join(ROOT, CGROUP_PARENT), join(ROOT, CGROUP_PARENT, scope)]) {
    mkdirSync(parent, { recursive: true });
    write(join(parent, 'cgroup.subtree_control'), '+memory +pids +cpu');
  }
  const dir = join(ROOT, rel);
  mkdirRetry(dir);
  write(join(dir, 'memory.max'), memBytes);
  if (existsSync(join(dir, 'memory.swap.max'))) write(join(dir, 'memory.swap.max'), '0');
  write(join(dir, 'pids.max'), String(limits.pids));
  write(join(dir, 'cpu.max'), `${quota} ${period}`);
  return {
    ociPath: `/${rel}`,
    procsFiles: [join(dir, 'cgroup.procs')],
    oomKilled: () => readCounter(join(dir, 'memory.events'), 'oom_kill') > 0,
    async remove() {
      await rmdirRetry(dir);
      removeCgroupScope(scope);
    },
  };
}

/** Names of this scope's sandbox groups that exist right now (for leftover cleanup). */
export function listCgroups(scope: string): string[] {
  const version = cgroupVersion();
  const base = version === 2 ? join(ROOT, CGROUP_PARENT, scope) : join(ROOT, 'memory', CGROUP_PARENT, scope);
  if (!existsSync(base)) return [];
  return readdirSync(base, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
}

/** cgroup.procs files of one group (those that exist). */
export function procsFilesOf(scope: string, name: string): string[] {
  return [join(ROOT, 'pids', CGROUP_PARENT, scope, name, 'cgroup.procs'), join(ROOT, CGROUP_PARENT, scope, name, 'cgroup.procs')].filter((f) =>
    existsSync(f),
  );
}

/** Removes one group by name in every controller (leftover cleanup). */
export async function removeCgroup(scope: string, name: string): Promise<void> {
  const version = cgroupVersion();
  const dirs =
    version === 2
      ? [join(ROOT, CGROUP_PARENT, scope, name)]
      : ['memory', 'pids', 'cpu', 'cpuacct', 'cpuset', 'blkio', 'devices', 'freezer', 'net_cls', 'net_prio', 'perf_event', 'hugetlb', 'rdma', 'systemd'].map(
          (c) => join(ROOT, c, CGROUP_PARENT, scope, name),
        );
  for (const d of dirs) await rmdirRetry(d);
}

/**
 * Removes a runtime directory's scope group once it is empty (called after each sandbox's own group
 * is gone); a no-op while any sandbox group is still in it.
 */
export function removeCgroupScope(scope: string): void {
  for (const c of ['', 'memory', 'pids', 'cpu', 'cpuacct', 'cpuset', 'blkio', 'devices', 'freezer', 'net_cls', 'net_prio', 'perf_event', 'hugetlb', 'rdma', 'systemd']) {
    try {
      rmdirSync(join(ROOT, c, CGROUP_PARENT, scope));
    } catch {
      /* absent, or still in use */
    }
  }
}
