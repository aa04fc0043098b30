/**
 * Installing an npm-packaged MCP server into its own prefix, pinned.
 *
 * The version is resolved once (a range or tag becomes one exact version), installed with install
 * scripts disabled, and pinned: `airlock-pin.json` records the package's name, version and registry
 * integrity plus the SHA-256 of the lockfile npm wrote. Every later start checks the pin against
 * what is on disk, so the code that runs is the code that was inventoried and scanned; an upgrade is
 * an explicit call that installs into a staging directory and swaps it in only when complete.
 *
 * Failure contract: any failure (registry unreachable, npm error, integrity or version mismatch,
 * lockfile changed since pinning) throws {@link InstallError} naming the package and the step; an
 * existing installation is left untouched by a failed upgrade.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import semver from 'semver';
import type { AuditLog } from '../audit/types.js';

const run = promisify(execFile);

export class InstallError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InstallError';
  }
}

export const PIN_FILE = 'airlock-pin.json';

export interface ServerPin {
  name: string;
  version: string;
  /** The registry's `dist.integrity` (SRI, sha512). */
  integrity: string;
  /** SHA-256 (hex) of the package-lock.json that was installed. */
  lockfileSha256: string;
  installedAt: string;
}

export interface PackageSpec {
  name: string;
  /** Exact version, range or dist-tag; `latest` when absent. */
  range: string;
}

const NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

/** Parses `name`, `name@range`, `@scope/name@range`. */
export function parsePackageSpec(spec: string): PackageSpec {
  const s = spec.trim();
  const at = s.indexOf('@', s.startsWith('@') ? 1 : 0);
  const name = at === -1 ? s : s.slice(0, at);
  const range = at === -1 ? 'latest' : s.slice(at + 1) || 'latest';
  if (!NAME.test(name) || name.length > 214) throw new InstallError(`not an npm package name: ${JSON.stringify(name)}`);
  if (/[\s;&|`$<>]/.test(range)) throw new InstallError(`not a version, range or tag: ${JSON.stringify(range)}`);
  return { name, range };
}

/**
 * The package an `npx` command line runs (`npx -y pkg@ver args…`, `npx --yes -p pkg cmd`), for
 * importing existing client configurations. Null when the command is not npx.
 */
export function parseNpxCommand(command: string, args: readonly string[]): PackageSpec | null {
  if (path.basename(command) !== 'npx') return null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-p' || a === '--package') return args[i + 1] ? parsePackageSpec(args[i + 1]) : null;
    if (a.startsWith('--package=')) return parsePackageSpec(a.slice('--package='.length));
    if (a.startsWith('-')) continue;
    return parsePackageSpec(a);
  }
  return null;
}

export interface InstallOptions {
  /** Directory that will hold package.json, package-lock.json, node_modules and the pin. */
  prefix: string;
  /** `name@range`. */
  spec: string;
  /** npm executable. */
  npm?: string;
  registry?: string;
  timeoutMs?: number;
  now?: () => Date;
  /**
   * When given, the change is recorded (`servers.install`, `servers.upgrade`) after the new tree is
   * staged and before it is swapped in; a refused append discards the staged tree (nothing changes
   * without an audit entry).
   */
  audit?: AuditLog;
  actor?: string;
  /** Server name for the audit entry. */
  server?: string;
}

function npmEnv(registry?: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    npm_config_ignore_scripts: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    ...(registry ? { npm_config_registry: registry } : {}),
  };
}

async function npm(opts: { npm?: string; registry?: string; timeoutMs?: number }, cwd: string, args: string[], step: string): Promise<string> {
  try {
    const { stdout } = await run(opts.npm ?? 'npm', args, { cwd, env: npmEnv(opts.registry), timeout: opts.timeoutMs ?? 300_000, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    const tail = (e.stderr ?? e.message).trim().split('\n').slice(-3).join(' | ');
    throw new InstallError(`${step} failed: ${tail}`, { cause: err });
  }
}

/** Resolves a spec to one exact published version and its integrity. */
export async function resolveSpec(spec: PackageSpec, opts: { npm?: string; registry?: string; timeoutMs?: number; cwd?: string } = {}): Promise<{ name: string; version: string; integrity: string }> {
  const out = await npm(opts, opts.cwd ?? process.cwd(), ['view', `${spec.name}@${spec.range}`, 'name', 'version', 'dist.integrity', '--json'], `resolving ${spec.name}@${spec.range}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(out);
  } catch {
    throw new InstallError(`resolving ${spec.name}@${spec.range}: npm returned no JSON`);
  }
  const list = (Array.isArray(parsed) ? parsed : [parsed]) as { name?: string; version?: string; 'dist.integrity'?: string }[];
  const valid = list.filter((x) => x && x.version && semver.valid(x.version) && x['dist.integrity']);
  if (valid.length === 0) throw new InstallError(`no published version of ${spec.name} matches ${spec.range}`);
  valid.sort((a, b) => semver.compare(a.version!, b.version!));
  const best = valid[valid.length - 1];
  if (best.name && best.name !== spec.name) throw new InstallError(`registry answered for ${best.name}, not ${spec.name}`);
  return { name: spec.name, version: best.version!, integrity: best['dist.integrity']! };
}

async function sha256File(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex');
}

async function installInto(dir: string, target: { name: string; version: string; integrity: string }, opts: InstallOptions): Promise<ServerPin> {
  await mkdir(dir, { recursive: true });
  const manifest = {
    name: 'airlock-server-install',
    version: '0.0.0',
    private: true,
    description: `Pinned installation of ${target.name}@${target.version}, managed by Airlock. Do not edit.`,
    dependencies: { [target.name]: target.version },
  };
  await writeFile(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  await npm(opts, dir, ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--save-exact', '--install-links=false', '--lockfile-version=3'], `installing ${target.name}@${target.version}`);
  const lockPath = path.join(dir, 'package-lock.json');
  let lock: { packages?: Record<string, { version?: string; integrity?: string }> };
  try {
    lock = JSON.parse(await readFile(lockPath, 'utf8'));
  } catch (err) {
    throw new InstallError(`installing ${target.name}@${target.version}: npm wrote no readable lockfile (${(err as Error).message})`, { cause: err });
  }
  const entry = lock.packages?.[`node_modules/${target.name}`];
  if (!entry || entry.version !== target.version) {
    throw new InstallError(`installing ${target.name}: lockfile has version ${entry?.version ?? 'none'}, expected ${target.version}`);
  }
  if (entry.integrity !== target.integrity) {
    throw new InstallError(`installing ${target.name}@${target.version}: integrity in the lockfile does not match the registry's`);
  }
  const installed = JSON.parse(await readFile(path.join(dir, 'node_modules', target.name, 'package.json'), 'utf8')) as { version?: string };
  if (installed.version !== target.version) throw new InstallError(`installing ${target.name}: node_modules holds ${installed.version}, expected ${target.version}`);
  const pin: ServerPin = {
    name: target.name,
    version: target.version,
    integrity: target.integrity,
    lockfileSha256: await sha256File(lockPath),
    installedAt: (opts.now ?? (() => new Date()))().toISOString(),
  };
  await writeFile(path.join(dir, PIN_FILE), JSON.stringify(pin, null, 2) + '\n');
  return pin;
}

/** Installs a server package into `prefix` (which must not hold an installation yet) and pins it. */
export async function installServer(opts: InstallOptions): Promise<ServerPin> {
  const spec = parsePackageSpec(opts.spec);
  try {
    await readFile(path.join(opts.prefix, PIN_FILE));
    throw new InstallError(`${opts.prefix} already holds a pinned installation; use upgradeServer to change it`);
  } catch (err) {
    if (err instanceof InstallError) throw err;
  }
  await mkdir(path.dirname(path.resolve(opts.prefix)), { recursive: true });
  const target = await resolveSpec(spec, { ...opts, cwd: path.dirname(path.resolve(opts.prefix)) });
  return stageAndSwap(opts, target, null);
}

async function stageAndSwap(opts: InstallOptions, target: { name: string; version: string; integrity: string }, from: ServerPin | null): Promise<ServerPin> {
  const prefix = path.resolve(opts.prefix);
  const staging = `${prefix}.staging-${process.pid}-${Date.now()}`;
  const old = `${prefix}.old-${process.pid}-${Date.now()}`;
  try {
    const pin = await installInto(staging, target, opts);
    await opts.audit?.append({
      type: from ? 'servers.upgrade' : 'servers.install',
      actor: opts.actor ?? 'cli',
      ...(opts.server ? { server: opts.server } : {}),
      data: {
        package: pin.name,
        version: pin.version,
        integrity: pin.integrity,
        lockfileSha256: pin.lockfileSha256,
        ...(from ? { fromVersion: from.version } : {}),
        ignoreScripts: true,
      },
    });
    let hadOld = false;
    try {
      await rename(prefix, old);
      hadOld = true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    await rename(staging, prefix);
    if (hadOld) await rm(old, { recursive: true, force: true });
    return pin;
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    if (err instanceof InstallError) throw err;
    throw new InstallError(`installing ${target.name}@${target.version} into ${prefix}: ${(err as Error).message}`, { cause: err });
  }
}

/** Reads the pin and checks that the lockfile and the installed package are still what was pinned. */
export async function verifyInstall(prefix: string): Promise<ServerPin> {
  let pin: ServerPin;
  try {
    pin = JSON.parse(await readFile(path.join(prefix, PIN_FILE), 'utf8')) as ServerPin;
  } catch (err) {
    throw new InstallError(`${prefix} has no readable ${PIN_FILE}: install the server with Airlock first (${(err as Error).message})`, { cause: err });
  }
  let lockHash: string;
  try {
    lockHash = await sha256File(path.join(prefix, 'package-lock.json'));
  } catch (err) {
    throw new InstallError(`${prefix}: the pinned lockfile is missing; reinstall the server`, { cause: err });
  }
  if (lockHash !== pin.lockfileSha256) throw new InstallError(`${prefix}: package-lock.json changed since ${pin.name}@${pin.version} was pinned; reinstall or upgrade explicitly`);
  let installed: { version?: string };
  try {
    installed = JSON.parse(await readFile(path.join(prefix, 'node_modules', pin.name, 'package.json'), 'utf8'));
  } catch (err) {
    throw new InstallError(`${prefix}: ${pin.name} is not installed; reinstall the server`, { cause: err });
  }
  if (installed.version !== pin.version) throw new InstallError(`${prefix}: ${pin.name} on disk is ${installed.version}, pinned ${pin.version}`);
  return pin;
}

/** Moves an installation to another version (default: latest). Audit the returned change. */
export async function upgradeServer(opts: Omit<InstallOptions, 'spec'> & { to?: string }): Promise<{ from: ServerPin; to: ServerPin }> {
  const from = await verifyInstall(opts.prefix);
  const target = await resolveSpec({ name: from.name, range: opts.to ?? 'latest' }, { ...opts, cwd: opts.prefix });
  if (target.version === from.version) return { from, to: from };
  const to = await stageAndSwap({ ...opts, spec: `${from.name}@${target.version}` }, target, from);
  return { from, to };
}

/** Absolute path of the server's executable entry point (its `bin`, or `main`). */
export async function serverEntryPoint(prefix: string, pin: ServerPin, binName?: string): Promise<string> {
  const dir = path.join(prefix, 'node_modules', pin.name);
  const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { bin?: string | Record<string, string>; main?: string };
  let rel: string | undefined;
  if (typeof pkg.bin === 'string') rel = pkg.bin;
  else if (pkg.bin) rel = binName ? pkg.bin[binName] : Object.values(pkg.bin)[0];
  rel ??= pkg.main ?? 'index.js';
  return path.join(dir, rel);
}
