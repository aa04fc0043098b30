/**
 * The OCI runtime spec (config.json) for one gVisor sandbox. Pure: the same spec and options give
 * the same document, so it can be checked without starting anything.
 */
import { hostnameFor, masksFor } from './common.js';
import { SANDBOX_GID, SANDBOX_UID } from './workspace.js';
import type { ResourceLimits, SandboxSpec } from './types.js';

export interface OciOptions {
  /** Absolute command path (see resolveCommand). */
  command: string;
  cgroupsPath: string;
  limits: Required<ResourceLimits>;
  /** Size of the in-sandbox tmpfs workspace in MiB, or null for a bind of the host folder. */
  workspaceTmpfsMb: number | null;
  /** pids cap of the host cgroup (sentry threads and ptrace stubs included). */
  hostPids: number;
}

interface OciMount {
  destination: string;
  type: string;
  source: string;
  options?: string[];
}

const MiB = 1024 * 1024;

export function buildOciConfig(spec: SandboxSpec, opts: OciOptions): Record<string, unknown> {
  const { limits } = opts;
  const mounts: OciMount[] = [
    { destination: '/proc', type: 'proc', source: 'proc' },
    { destination: '/dev', type: 'tmpfs', source: 'tmpfs', options: ['nosuid', 'mode=755'] },
    { destination: '/sys', type: 'sysfs', source: 'sysfs', options: ['nosuid', 'noexec', 'nodev', 'ro'] },
  ];
  for (const p of masksFor(spec)) {
    mounts.push({ destination: p, type: 'tmpfs', source: 'tmpfs', options: ['nosuid', 'nodev', 'mode=755', 'size=64m'] });
  }
  if (opts.workspaceTmpfsMb !== null) {
    const size = opts.workspaceTmpfsMb > 0 ? [`size=${opts.workspaceTmpfsMb}m`] : [];
    mounts.push({
      destination: spec.workspace,
      type: 'tmpfs',
      source: 'tmpfs',
      options: ['nosuid', 'nodev', 'mode=700', `uid=${SANDBOX_UID}`, `gid=${SANDBOX_GID}`, ...size],
    });
  } else {
    mounts.push({ destination: spec.workspace, type: 'bind', source: spec.workspace, options: ['rbind', 'rw', 'nosuid', 'nodev'] });
  }
  for (const m of spec.mounts) {
    mounts.push({
      destination: m.target || m.source,
      type: 'bind',
      source: m.source,
      options: ['rbind', m.readOnly ? 'ro' : 'rw', 'nosuid', 'nodev'],
    });
  }
  return {
    ociVersion: '1.0.2',
    process: {
      terminal: false,
      user: { uid: SANDBOX_UID, gid: SANDBOX_GID, additionalGids: [] },
      args: [opts.command, ...spec.args],
      env: Object.entries(spec.env).map(([k, v]) => `${k}=${v}`),
      cwd: spec.cwd ?? spec.workspace,
      capabilities: { bounding: [], effective: [], inheritable: [], permitted: [], ambient: [] },
      rlimits: [
        { type: 'RLIMIT_NOFILE', hard: limits.openFiles, soft: limits.openFiles },
        { type: 'RLIMIT_FSIZE', hard: limits.fileSizeMb * MiB, soft: limits.fileSizeMb * MiB },
        { type: 'RLIMIT_NPROC', hard: limits.pids, soft: limits.pids },
        { type: 'RLIMIT_CORE', hard: 0, soft: 0 },
      ],
      noNewPrivileges: true,
    },
    root: { path: '/', readonly: true },
    hostname: hostnameFor(spec.server),
    mounts,
    linux: {
      namespaces: [{ type: 'pid' }, { type: 'ipc' }, { type: 'uts' }, { type: 'mount' }],
      resources: {
        memory: { limit: limits.memoryMb * MiB, swap: limits.memoryMb * MiB },
        cpu: { quota: Math.max(1000, Math.round(limits.cpus * 100_000)), period: 100_000 },
        // Host-side backstop; the configured limit is RLIMIT_NPROC above (see hostPidsBackstop).
        pids: { limit: opts.hostPids },
      },
      cgroupsPath: opts.cgroupsPath,
      maskedPaths: ['/proc/kcore', '/proc/keys', '/proc/timer_list', '/sys/firmware'],
      readonlyPaths: ['/proc/sys', '/proc/sysrq-trigger', '/proc/irq', '/proc/bus'],
    },
  };
}
