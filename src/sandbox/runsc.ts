/**
 * Facts about the installed runsc: where it is, its release, which platforms it offers and which
 * one to use here.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { runtimeDir } from './paths.js';
import { release } from 'node:os';
import { delimiter, join } from 'node:path';

export type RunscPlatform = 'ptrace' | 'systrap' | 'kvm';

/** First executable named `name` on PATH (or the given absolute path), else null. */
export function which(name: string, path = process.env.PATH ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'): string | null {
  if (name.includes('/')) return existsSync(name) ? name : null;
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, name);
    if (existsSync(p)) return p;
  }
  return null;
}

export function findRunsc(): string | null {
  return which('runsc', `${process.env.PATH ?? ''}:/usr/sbin:/usr/bin:/usr/local/bin:/usr/local/sbin`);
}

export interface RunscInfo {
  path: string;
  /** e.g. "0.0~20221219.0" */
  version: string;
  /** YYYYMMDD of the release, when it can be read. */
  releaseDate: number | null;
  platforms: RunscPlatform[];
}

let cachedInfo: RunscInfo | null | undefined;

export function runscInfo(): RunscInfo | null {
  if (cachedInfo !== undefined) return cachedInfo;
  const path = findRunsc();
  if (!path) return (cachedInfo = null);
  let version = 'unknown';
  try {
    const out = execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000 });
    version = /runsc version (\S+)/.exec(out)?.[1] ?? out.split('\n')[0]!.trim();
  } catch {
    /* reported as unknown */
  }
  const date = /(20\d{6})/.exec(version)?.[1];
  // `runsc flags` prints to stderr; the platform list is on the line after `-platform string`.
  const flags = spawnSync(path, ['flags'], { encoding: 'utf8', timeout: 10_000 });
  const help = `${flags.stdout ?? ''}\n${flags.stderr ?? ''}`;
  const line = /specifies which platform to use[^\n]*/.exec(help)?.[0] ?? '';
  const platforms = (['ptrace', 'systrap', 'kvm'] as const).filter((p) => line.includes(p));
  cachedInfo = { path, version, releaseDate: date ? Number(date) : null, platforms: platforms.length ? [...platforms] : ['ptrace'] };
  return cachedInfo;
}

/**
 * Releases before mid-2023 refuse `--network=sandbox` on recent kernels ("cannot run with network
 * enabled in root network namespace"); those run `--network=host` inside the per-sandbox netns.
 */
export function supportsSandboxNetwork(info: RunscInfo): boolean {
  return info.releaseDate !== null && info.releaseDate >= 20230601;
}

/**
 * Boots a trivial container on the KVM platform. Nested virtualisation often exposes /dev/kvm
 * without working it (the sentry then hangs at start), so presence alone is not enough.
 */
export function probeKvm(runsc: string, rt: string, timeoutMs = 5000): Promise<boolean> {
  if (!existsSync('/dev/kvm')) return Promise.resolve(false);
  const id = `al-probe-${process.pid}-${Date.now()}`;
  const bundle = join(rt, 'bundles', id);
  mkdirSync(bundle, { recursive: true });
  writeFileSync(
    join(bundle, 'config.json'),
    JSON.stringify({
      ociVersion: '1.0.2',
      process: { terminal: false, user: { uid: 65534, gid: 65534 }, args: ['/bin/true'], env: [], cwd: '/' },
      root: { path: '/', readonly: true },
      linux: { namespaces: [{ type: 'pid' }, { type: 'ipc' }, { type: 'uts' }, { type: 'mount' }] },
    }),
  );
  const root = join(rt, 'runsc');
  return new Promise((resolve) => {
    execFile(
      runsc,
      ['--root', root, '--rootless=false', '--platform=kvm', '--network=none', 'run', '--bundle', bundle, id],
      { timeout: timeoutMs, killSignal: 'SIGKILL' },
      (err) => {
        try {
          execFileSync(runsc, ['--root', root, 'delete', '--force', id], { stdio: 'ignore', timeout: 10_000 });
        } catch {
          /* not created */
        }
        execFileSync('rm', ['-rf', bundle]);
        // A boot killed mid-way leaves its lock file in runsc's state directory; nothing else will.
        try {
          for (const f of readdirSync(root)) if (f.startsWith(id)) rmSync(join(root, f), { force: true });
        } catch {
          /* no state directory */
        }
        resolve(!err);
      },
    );
  });
}

/** The platform the gvisor driver uses here, and why (for `airlock doctor` and the benchmarks). */
export interface PlatformDecision {
  platform: RunscPlatform;
  reason: string;
}

/**
 * The platform to run: systrap when the release has it, else kvm when a probe boot works, else
 * ptrace. The KVM probe result is cached per runsc release and kernel in the runtime base directory.
 */
const platformMemo = new Map<string, Promise<PlatformDecision>>();

export function choosePlatform(info: RunscInfo, rt: string): Promise<RunscPlatform> {
  return platformDecision(info, rt).then((d) => d.platform);
}

export function platformDecision(info: RunscInfo, rt: string): Promise<PlatformDecision> {
  // One probe per process and runsc release, whatever the runtime directory.
  let p = platformMemo.get(info.version);
  if (!p) {
    p = decideUncached(info, rt);
    platformMemo.set(info.version, p);
  }
  return p;
}

const KVM_HANGS =
  'a test boot on the KVM platform did not complete within 5 s (typical of nested virtualisation that exposes /dev/kvm but never returns from KVM_RUN)';

async function decideUncached(info: RunscInfo, rt: string): Promise<PlatformDecision> {
  if (info.platforms.includes('systrap')) return { platform: 'systrap', reason: `runsc ${info.version} has systrap` };
  if (!info.platforms.includes('kvm')) return { platform: 'ptrace', reason: `runsc ${info.version} offers no kvm platform` };
  if (!existsSync('/dev/kvm')) return { platform: 'ptrace', reason: 'no /dev/kvm' };
  // A fact about the machine, not about one data directory: kept in the runtime base, so that a data
  // directory's runtime tmpfs can be released without losing it (the probe takes up to 5 s).
  const cacheDir = runtimeDir();
  const cacheFile = join(cacheDir, 'kvm-probe.json');
  const key = `${info.version}|${release()}`;
  let works: boolean | undefined;
  try {
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as { key: string; works: boolean };
    if (cached.key === key) works = cached.works;
  } catch {
    /* no cache yet */
  }
  if (works === undefined) {
    works = await probeKvm(info.path, rt);
    mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    writeFileSync(cacheFile, JSON.stringify({ key, works }));
  }
  return works
    ? { platform: 'kvm', reason: 'a test boot on the KVM platform works' }
    : { platform: 'ptrace', reason: `/dev/kvm is present but ${KVM_HANGS}` };
}
