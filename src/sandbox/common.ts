/** Pieces shared by the gvisor and bwrap drivers. */
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { DEFAULT_LIMITS } from './limits.js';
import { which } from './runsc.js';
import type { ResourceLimits, SandboxSpec } from './types.js';

/** Paths always hidden behind an empty tmpfs inside a sandbox (besides the data dir and config). */
export const ALWAYS_TMPFS = ['/tmp', '/root', '/home', '/run'];

/**
 * The command as an absolute host path. The sandbox sees the host root read-only, so the host's
 * resolution is the sandbox's, as long as the binary is not under a masked path.
 */
export function resolveCommand(spec: SandboxSpec): string {
  if (isAbsolute(spec.command)) return spec.command;
  if (spec.command.includes('/')) return resolve(spec.cwd ?? spec.workspace, spec.command);
  // PATH entries under a masked path (e.g. /root/.pyenv/shims) do not exist inside the sandbox.
  const hidden = masksFor(spec);
  const visible = (spec.env.PATH ?? '/usr/local/bin:/usr/bin:/bin')
    .split(':')
    .filter((d) => d && !hidden.some((m) => resolve(d) === m || resolve(d).startsWith(`${m}/`)))
    .join(':');
  const found = which(spec.command, visible);
  if (!found) throw new Error(`cannot start ${spec.server}: "${spec.command}" is not on the server's PATH (${spec.env.PATH ?? 'default'})`);
  return found;
}

/** A masked path that is inside a masked ancestor is redundant; missing paths hide nothing. */
export function masksFor(spec: SandboxSpec): string[] {
  const all = [...new Set([...ALWAYS_TMPFS, ...spec.masked].map((p) => resolve(p)))].sort((a, b) => a.length - b.length);
  const out: string[] = [];
  for (const p of all) {
    if (!existsSync(p)) continue;
    if (out.some((q) => p === q || p.startsWith(`${q}/`))) {
      // Already hidden by a parent mask; nothing of the host shows through a tmpfs.
      continue;
    }
    out.push(p);
  }
  return out;
}

export function fullLimits(limits: ResourceLimits): Required<ResourceLimits> {
  return { ...DEFAULT_LIMITS, ...limits } as Required<ResourceLimits>;
}

/** Sandbox id: a runsc-valid container id that names the server. */
export function sandboxId(prefix: string, server: string): string {
  const rand = Math.random().toString(16).slice(2, 10);
  return `${prefix}-${server.replace(/[^a-zA-Z0-9._-]/g, '_').slice(0, 40)}-${rand}`;
}

/**
 * Exposes a child's stderr to the relay while keeping its last bytes for error messages. Never
 * applies backpressure to the child (a relay that does not read stderr must not stall the server);
 * past 1 MiB unread, older output is dropped.
 */
export function teeStderr(src: Readable): { stream: PassThrough; tail: () => string; finish: () => void } {
  const stream = new PassThrough();
  let tail = '';
  src.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4096);
    if (stream.writableLength < 1024 * 1024) stream.write(chunk);
  });
  // The driver ends the stream itself once the sandbox is gone, after adding its own notes.
  return { stream, tail: () => tail, finish: () => void (stream.writableEnded || stream.end()) };
}

export function hostnameFor(server: string): string {
  const h = server.toLowerCase().replace(/[^a-z0-9-]/g, '-').replace(/^-+|-+$/g, '').slice(0, 63);
  return h.length > 0 ? h : 'sandbox';
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export { join };

/**
 * Resolves once a child's stdout has closed (all output delivered to its reader), or after
 * `timeoutMs` — a reader that never consumes must not hold `exited` forever.
 */
export function stdoutDrained(stream: Readable, timeoutMs = 2000): Promise<void> {
  if (stream.destroyed || stream.readableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    stream.once('close', done);
    stream.once('end', done);
  });
}
