/**
 * The isolation driver interface. The gateway starts every stdio upstream through one of these and
 * never spawns a server process itself. Drivers decide nothing about policy: the spec they receive
 * is already the full decision.
 */
import type { Readable, Writable } from 'node:stream';

export type IsolationKind = 'gvisor' | 'bwrap' | 'process';

export interface BindMount {
  /** Host path. */
  source: string;
  /** Path inside the sandbox (defaults to source). */
  target: string;
  readOnly: boolean;
}

export interface ResourceLimits {
  memoryMb: number;
  /** CPU quota in cores (0.5 = half a core). */
  cpus: number;
  pids: number;
  openFiles: number;
  fileSizeMb: number;
  /**
   * Size cap of the writable workspace in MiB. Optional for compatibility; the gvisor and bwrap
   * drivers apply a default when it is missing (see limits.ts). 0 means no cap.
   */
  diskMb?: number;
}

export type NetworkSpec =
  | { mode: 'none' }
  /** Join an existing network namespace prepared by the egress part (path like /run/netns/NAME). */
  | { mode: 'namespace'; netnsPath: string }
  /** Host network. Only the process driver accepts it, for development. */
  | { mode: 'host' };

export interface SandboxSpec {
  /** Server name; also the sandbox's hostname. */
  server: string;
  command: string;
  args: string[];
  /** The complete environment. Nothing of Airlock's own environment is added by a driver. */
  env: Record<string, string>;
  cwd?: string;
  /** Writable workspace on the host, bound at the same path inside. Created when missing. */
  workspace: string;
  /** Delete the workspace when the sandbox stops. */
  ephemeralWorkspace: boolean;
  mounts: BindMount[];
  /** Extra host paths to hide behind an empty tmpfs (the data directory is always added). */
  masked: string[];
  limits: ResourceLimits;
  network: NetworkSpec;
  /**
   * What the bwrap driver does without root, where no cgroup can enforce `limits`: refuse (the
   * default), or run with rlimits only (an explicit per-server opt-in, `sandbox.rootless`).
   */
  rootless?: 'refuse' | 'rlimits-only';
}

export interface SandboxExit {
  code: number | null;
  signal: string | null;
  /** Why it ended when Airlock knows better than the exit code (`oom`, `killed`, `start-failed`). */
  reason?: string;
}

/** A running sandboxed server, wired to the relay through its stdio. */
export interface Sandbox {
  readonly id: string;
  readonly driver: IsolationKind;
  readonly stdin: Writable;
  readonly stdout: Readable;
  readonly stderr: Readable;
  /** Resolves once, when the sandboxed process has ended and the sandbox is gone. */
  readonly exited: Promise<SandboxExit>;
  /** Stops the whole sandbox (every process in it) and removes what it left on the host. Idempotent. */
  kill(): Promise<void>;
}

/**
 * Failure contract: `start` rejects when the sandbox cannot be started exactly as specified
 * (missing runtime, unsupported option, bundle cannot be written). It never falls back to a weaker
 * driver; choosing a tier is the caller's decision and is recorded in the audit log.
 */
export interface IsolationDriver {
  readonly kind: IsolationKind;
  start(spec: SandboxSpec): Promise<Sandbox>;
  /** Removes sandboxes, bundles, mounts and namespaces left by a previous Airlock that was killed. */
  cleanupLeftovers(): Promise<void>;
}
