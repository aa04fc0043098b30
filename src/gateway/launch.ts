/**
 * Turns a server's configuration into a sandbox spec. The environment is built only from the
 * configuration: nothing of Airlock's own environment reaches a server, except PATH (to find the
 * command) and, under the development-only process driver, HOME (so npx can use its cache).
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { ALWAYS_TMPFS } from '../sandbox/common.js';
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
  const masked = [...new Set([i.home, ...sb.masked])];
  const mounts = sb.mounts.map((m) => ({ source: m.source, target: m.target ?? m.source, readOnly: m.readOnly }));
  let cwd = i.server.cwd;
  if (i.isolation !== 'process') {
    const hidden = [...ALWAYS_TMPFS, ...masked];
    const code = codeDirectory(i.server.command!, i.server.args, hidden);
    if (code && !mounts.some((m) => m.source === code)) mounts.push({ source: code, target: code, readOnly: true });
    // A working directory the sandbox cannot see (the caller's home, say) becomes the workspace.
    const inside = (p: string, dir: string) => p === dir || p.startsWith(`${dir.replace(/\/$/, '')}/`);
    if (cwd && hidden.some((h) => inside(cwd!, h)) && !mounts.some((m) => inside(cwd!, m.target))) cwd = undefined;
  }
  return {
    server: i.name,
    command: i.server.command!,
    args: i.server.args,
    env: { ...base, ...i.env },
    cwd,
    workspace,
    ephemeralWorkspace: sb.workspace === 'ephemeral',
    mounts,
    // The data directory (database, keys, other servers' workspaces) is always hidden.
    masked,
    limits: { ...sb.limits },
    network: i.network ?? (i.isolation === 'process' ? { mode: 'host' } : { mode: 'none' }),
    ...(sb.rootless === 'rlimits-only' ? { rootless: 'rlimits-only' as const } : {}),
  };
}

/**
 * The server's own code, when the command runs a script (node /x/server.js) that lives under a path
 * the sandbox hides (/tmp, /home, /root, /run, the data directory): the outermost ancestor of the
 * script that holds a node_modules folder (so its dependencies resolve), else the script's folder.
 * It is bound read-only; without it the server could not start at all. Code elsewhere is already
 * visible through the read-only host root.
 */
export function codeDirectory(command: string, args: readonly string[], hidden: readonly string[]): string | null {
  const exe = command.split('/').pop() ?? command;
  if (!INTERPRETERS.has(exe)) return null;
  const script = args.find((a) => !a.startsWith('-'));
  if (!script || !isAbsolute(script) || !existsSync(script)) return null;
  const under = hidden.find((h) => script.startsWith(`${h.replace(/\/$/, '')}/`));
  if (!under) return null;
  let found: string | null = null;
  for (let dir = dirname(script); dir.length > under.length; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) found = dir;
  }
  return found ?? dirname(script);
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
