/**
 * Per-server sandbox configuration (the `sandbox` block of a server in airlock config) and its
 * translation into a driver's SandboxSpec. The policy schema embeds `sandboxConfigSchema`; this file
 * is the single source of truth for its fields and defaults.
 */
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_LIMITS } from './limits.js';
import { dataDir } from './paths.js';
import type { NetworkSpec, SandboxSpec } from './types.js';

const absolutePath = z.string().refine((p) => isAbsolute(p), { message: 'must be an absolute path' });

export const limitsSchema = z
  .object({
    memoryMb: z.number().int().min(32).default(DEFAULT_LIMITS.memoryMb).describe('Memory cap of the whole sandbox, MiB.'),
    cpus: z.number().positive().max(256).default(DEFAULT_LIMITS.cpus).describe('CPU quota in cores (0.5 = half a core).'),
    pids: z.number().int().min(8).default(DEFAULT_LIMITS.pids).describe('Maximum number of processes and threads.'),
    openFiles: z.number().int().min(16).default(DEFAULT_LIMITS.openFiles).describe('RLIMIT_NOFILE.'),
    fileSizeMb: z.number().int().min(1).default(DEFAULT_LIMITS.fileSizeMb).describe('RLIMIT_FSIZE, MiB.'),
    diskMb: z
      .number()
      .int()
      .min(0)
      .default(DEFAULT_LIMITS.diskMb)
      .describe('Size cap of the writable workspace, MiB (0 = no cap).'),
  })
  .strict();

export const mountSchema = z
  .object({
    source: absolutePath.describe('Host path.'),
    target: absolutePath.optional().describe('Path inside the sandbox; defaults to source.'),
    readOnly: z.boolean().default(true),
  })
  .strict();

export const sandboxConfigSchema = z
  .object({
    isolation: z
      .enum(['auto', 'gvisor', 'bwrap', 'process'])
      .default('auto')
      .describe('auto: the strongest tier this machine supports (see `airlock doctor`).'),
    limits: limitsSchema.default(limitsSchema.parse({})),
    workspace: z
      .enum(['persist', 'ephemeral'])
      .default('ephemeral')
      .describe('persist: the workspace survives restarts; ephemeral: it is deleted when the sandbox stops.'),
    mounts: z.array(mountSchema).default([]).describe('Extra host folders made visible to the server.'),
    masked: z.array(absolutePath).default([]).describe('Host paths hidden behind an empty tmpfs.'),
    warm: z.number().int().min(0).max(32).default(0).describe('Booted sandboxes kept ready for new sessions.'),
    rootless: z
      .enum(['refuse', 'rlimits-only'])
      .default('refuse')
      .describe(
        'Without root (bwrap only): refuse to start, or run with rlimits instead of cgroup limits (no CPU cap; memory per process; pids per user). The choice is audited.',
      ),
    idleTimeoutSeconds: z
      .number()
      .int()
      .min(0)
      .default(600)
      .describe('Stop a sandbox whose session has been idle this long (0 = never).'),
  })
  .strict();

export type SandboxConfig = z.infer<typeof sandboxConfigSchema>;
export type SandboxConfigInput = z.input<typeof sandboxConfigSchema>;

export interface SpecInput {
  server: string;
  command: string;
  args?: string[];
  env?: Record<string, string>;
  cwd?: string;
  network?: NetworkSpec;
}

/** Where a server's workspace lives on the host: <data dir>/workspaces/<server>. */
export function workspacePath(server: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(dataDir(env), 'workspaces', server);
}

/**
 * Builds the full spec a driver runs. The data directory is always masked (the workspace is
 * re-bound on top of the mask, so a server sees its own workspace and nothing else of it).
 */
export function toSandboxSpec(input: SpecInput, config: SandboxConfig, env: NodeJS.ProcessEnv = process.env): SandboxSpec {
  const home = dataDir(env);
  const masked = [...new Set([home, ...config.masked])];
  return {
    server: input.server,
    command: input.command,
    args: input.args ?? [],
    env: { ...(input.env ?? {}) },
    ...(input.cwd !== undefined ? { cwd: input.cwd } : {}),
    workspace: workspacePath(input.server, env),
    ephemeralWorkspace: config.workspace === 'ephemeral',
    mounts: config.mounts.map((m) => ({ source: m.source, target: m.target ?? m.source, readOnly: m.readOnly })),
    masked,
    limits: { ...config.limits },
    network: input.network ?? { mode: 'none' },
  };
}
