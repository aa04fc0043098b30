/**
 * Turns a server's configuration into a sandbox spec. The environment is built only from the
 * configuration: nothing of Airlock's own environment reaches a server, except PATH (to find the
 * command) and, under the development-only process driver, HOME (so npx can use its cache).
 */
import { join } from 'node:path';
import type { IsolationKind, NetworkSpec, SandboxSpec } from '../sandbox/types.js';
import type { ServerConfig } from '../policy/schema.js';


export interface LaunchInput {
  name: string;
  server: ServerConfig;
  isolation: IsolationKind;
  home: string;
  /** Environment values after `secret:` references were resolved. */
  env: Record<string, string>;
  /** A prepared network namespace (egress), else none (or the host's, for the process driver). */
  network?: NetworkSpec;
}

export function buildSandboxSpec(i: LaunchInput): SandboxSpec {
  const workspace = join(i.home, 'workspaces', i.name);
  const base: Record<string, string> = { PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin' };
  if (i.isolation === 'process') {
    if (process.env.HOME) base.HOME = process.env.HOME;
  } else {
    base.HOME = workspace;
  }
  if (process.env.LANG) base.LANG = process.env.LANG;
  const sb = i.server.sandbox;
  return {
    server: i.name,
    command: i.server.command!,
    args: i.server.args,
    env: { ...base, ...i.env },
    cwd: i.server.cwd,
    workspace,
    ephemeralWorkspace: sb.workspace === 'ephemeral',
    mounts: sb.mounts.map((m) => ({ source: m.source, target: m.target ?? m.source, readOnly: m.readOnly })),
    // The data directory (database, keys, other servers' workspaces) is always hidden.
    masked: [...new Set([i.home, ...sb.masked])],
    limits: { ...sb.limits },
    network: i.network ?? (i.isolation === 'process' ? { mode: 'host' } : { mode: 'none' }),
  };
}

const LAUNCHERS = new Set(['npx', 'uvx', 'pnpx', 'bunx', 'pipx']);
const INTERPRETERS = new Set(['node', 'python', 'python3', 'deno', 'bun']);
const GENERIC_DIRS = new Set(['dist', 'build', 'lib', 'src', 'bin', 'node_modules']);

/** A server name derived from a command line, for `airlock run` without --name. */
export function nameFromCommand(command: string, args: readonly string[]): string {
  const exe = command.split('/').pop() ?? command;
  const firstOperand = args.find((a) => !a.startsWith('-'));
  let source = exe;
  if (LAUNCHERS.has(exe) && firstOperand) source = firstOperand.replace(/(.)@[^@/]*$/, '$1');
  else if (INTERPRETERS.has(exe) && firstOperand) {
    // node /srv/weather/dist/index.js → "weather"; node server.js → "server"
    const parts = firstOperand.split('/').filter((p) => p && !GENERIC_DIRS.has(p));
    source = (parts.length > 1 && /^index\./.test(parts[parts.length - 1]!) ? parts[parts.length - 2] : parts[parts.length - 1]) ?? exe;
    source = source.replace(/\.(m?js|cjs|ts|py)$/, '');
  }
  const last = source.split('/').pop() ?? 'server';
  const cleaned = last.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '');
  return (cleaned || 'server').slice(0, 63);
}
