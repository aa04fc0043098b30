/**
 * `airlock doctor` for isolation: which tier this machine gets and why, each missing piece with
 * the exact command that fixes it. Structured, so the CLI prints it and the control API serves it.
 */
import { execFile, execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { cgroupVersion } from './cgroup.js';
import { runtimeDir } from './paths.js';
import { choosePlatform, platformDecision, runscInfo, supportsSandboxNetwork, which } from './runsc.js';

const execFileP = promisify(execFile);

export type Tier = 'gvisor' | 'bwrap';

export interface DoctorCheck {
  id: 'runsc' | 'root' | 'cgroups' | 'kvm' | 'platform' | 'userns' | 'nftables' | 'bwrap' | 'runsc-boot';
  ok: boolean;
  /** What was found (versions, paths, values). */
  detail: string;
  /** The exact command (or action) that fixes it; absent when ok. */
  fix?: string;
  /** Tiers that cannot be used while this check fails. Empty for informational checks. */
  requiredFor: Tier[];
}

export interface DoctorReport {
  /** The strongest tier `isolation: auto` gets here, or null (only the process driver, development only). */
  tier: Tier | null;
  reason: string;
  gvisorUsable: boolean;
  /**
   * Without root: bubblewrap and user namespaces are there, so a server may run under bwrap with rlimits
   * instead of cgroup limits, but only with its explicit `sandbox.rootless: rlimits-only` opt-in.
   */
  rootlessBwrap: boolean;
  checks: DoctorCheck[];
}

function readNumber(file: string): number | null {
  try {
    return Number(readFileSync(file, 'utf8').trim());
  } catch {
    return null;
  }
}

function userNamespacesCheck(): DoctorCheck {
  const max = readNumber('/proc/sys/user/max_user_namespaces');
  const debianClone = readNumber('/proc/sys/kernel/unprivileged_userns_clone');
  const apparmor = readNumber('/proc/sys/kernel/apparmor_restrict_unprivileged_userns');
  if (max === 0) {
    return { id: 'userns', ok: false, detail: 'user.max_user_namespaces = 0', fix: 'sysctl -w user.max_user_namespaces=15000', requiredFor: ['bwrap'] };
  }
  if (debianClone === 0) {
    return {
      id: 'userns', ok: false, detail: 'kernel.unprivileged_userns_clone = 0',
      fix: 'sysctl -w kernel.unprivileged_userns_clone=1', requiredFor: ['bwrap'],
    };
  }
  if (apparmor === 1) {
    return {
      id: 'userns', ok: false, detail: 'AppArmor restricts unprivileged user namespaces',
      fix: 'sysctl -w kernel.apparmor_restrict_unprivileged_userns=0', requiredFor: ['bwrap'],
    };
  }
  return { id: 'userns', ok: true, detail: `user namespaces available (max ${max ?? 'unknown'})`, requiredFor: ['bwrap'] };
}

/** Boots `/bin/true` under runsc with the platform the driver would pick. */
async function runscBoot(rt: string): Promise<DoctorCheck> {
  const info = runscInfo()!;
  const platform = await choosePlatform(info, rt);
  const id = `al-doctor-${process.pid}-${Date.now()}`;
  const bundle = join(rt, 'bundles', id);
  const root = join(rt, 'runsc');
  mkdirSync(bundle, { recursive: true, mode: 0o700 });
  writeFileSync(
    join(bundle, 'config.json'),
    JSON.stringify({
      ociVersion: '1.0.2',
      process: { terminal: false, user: { uid: 65534, gid: 65534 }, args: ['/bin/true'], env: [], cwd: '/', noNewPrivileges: true },
      root: { path: '/', readonly: true },
      linux: { namespaces: [{ type: 'pid' }, { type: 'ipc' }, { type: 'uts' }, { type: 'mount' }] },
    }),
  );
  try {
    await execFileP(info.path, ['--root', root, '--rootless=false', `--platform=${platform}`, '--network=none', 'run', '--bundle', bundle, id], {
      timeout: 20_000,
    });
    return { id: 'runsc-boot', ok: true, detail: `a test sandbox booted (platform ${platform})`, requiredFor: ['gvisor'] };
  } catch (err) {
    const msg = String((err as { stderr?: string }).stderr ?? (err as Error).message).trim().split('\n').pop();
    return {
      id: 'runsc-boot', ok: false, detail: `runsc could not boot a test sandbox (platform ${platform}): ${msg}`,
      fix: `runsc --debug --debug-log=/tmp/runsc/ --platform=${platform} run ... shows why; check the kernel supports ptrace and seccomp`,
      requiredFor: ['gvisor'],
    };
  } finally {
    try {
      execFileSync(info.path, ['--root', root, 'delete', '--force', id], { stdio: 'ignore' });
    } catch {
      /* already gone */
    }
    rmSync(bundle, { recursive: true, force: true });
  }
}

export interface DoctorOptions {
  runtimeDir?: string;
  /** Boot a real test sandbox (≈0.5 s). Default true. */
  bootProbe?: boolean;
}

export async function runDoctor(opts: DoctorOptions = {}): Promise<DoctorReport> {
  const rt = opts.runtimeDir ?? runtimeDir();
  const checks: DoctorCheck[] = [];
  const info = runscInfo();
  const isRoot = process.getuid?.() === 0;
  checks.push(
    info
      ? {
          id: 'runsc', ok: true,
          detail: `${info.path} version ${info.version}; platforms ${info.platforms.join(', ')}; network: ${
            supportsSandboxNetwork(info) ? '--network=sandbox' : '--network=host inside a per-sandbox netns'
          }`,
          requiredFor: ['gvisor'],
        }
      : { id: 'runsc', ok: false, detail: 'runsc not found on PATH', fix: 'apt-get install -y runsc', requiredFor: ['gvisor'] },
  );
  checks.push(
    isRoot
      ? { id: 'root', ok: true, detail: 'running as root', requiredFor: ['gvisor', 'bwrap'] }
      : {
          id: 'root', ok: false, detail: `running as uid ${process.getuid?.()}`,
          fix: 'run Airlock as root (sudo airlock up); servers still run as uid 65534 inside their sandbox',
          requiredFor: ['gvisor', 'bwrap'],
        },
  );
  const cg = cgroupVersion();
  let cgWritable = false;
  if (cg !== null) {
    try {
      accessSync(cg === 2 ? '/sys/fs/cgroup' : '/sys/fs/cgroup/memory', constants.W_OK);
      cgWritable = true;
    } catch {
      /* not writable */
    }
  }
  checks.push(
    cg !== null && cgWritable
      ? { id: 'cgroups', ok: true, detail: `cgroup v${cg} with memory, pids, cpu; writable`, requiredFor: ['gvisor', 'bwrap'] }
      : {
          id: 'cgroups', ok: false,
          detail: cg === null ? 'no cgroup hierarchy with memory and pids controllers' : `cgroup v${cg} is not writable by this user`,
          fix: cg === null ? 'mount -t cgroup2 none /sys/fs/cgroup' : 'run Airlock as root',
          requiredFor: ['gvisor', 'bwrap'],
        },
  );
  const kvm = existsSync('/dev/kvm');
  checks.push({
    id: 'kvm', ok: kvm,
    detail: kvm ? '/dev/kvm present (used only when a test boot on it works; else ptrace)' : 'no /dev/kvm: gVisor uses the ptrace platform',
    ...(kvm ? {} : { fix: 'modprobe kvm_intel (or kvm_amd); optional, ptrace works without it' }),
    requiredFor: [],
  });
  if (info && isRoot) {
    // Informational: which gVisor platform the driver picks, and why (KVM is probed, not assumed).
    const d = await platformDecision(info, rt);
    checks.push({ id: 'platform', ok: true, detail: `gVisor platform: ${d.platform} (${d.reason})`, requiredFor: [] });
  }
  checks.push(userNamespacesCheck());
  const nft = which('nft', '/usr/sbin:/usr/bin:/sbin:/bin');
  let nftDetail = 'nft not found';
  if (nft) {
    try {
      nftDetail = execFileSync(nft, ['--version'], { encoding: 'utf8' }).trim();
    } catch {
      nftDetail = `${nft} (version unknown)`;
    }
  }
  checks.push(
    nft
      ? { id: 'nftables', ok: true, detail: nftDetail, requiredFor: [] }
      : { id: 'nftables', ok: false, detail: nftDetail + ' (needed for non-HTTP egress rules)', fix: 'apt-get install -y nftables', requiredFor: [] },
  );
  const bwrap = which('bwrap', '/usr/bin:/usr/local/bin:/bin');
  checks.push(
    bwrap
      ? { id: 'bwrap', ok: true, detail: bwrap, requiredFor: ['bwrap'] }
      : { id: 'bwrap', ok: false, detail: 'bwrap not found', fix: 'apt-get install -y bubblewrap', requiredFor: ['bwrap'] },
  );
  const gvisorPrereqs = checks.filter((c) => c.requiredFor.includes('gvisor')).every((c) => c.ok);
  if (gvisorPrereqs && opts.bootProbe !== false) checks.push(await runscBoot(rt));

  const usable = (t: Tier) => checks.filter((c) => c.requiredFor.includes(t)).every((c) => c.ok);
  const missing = (t: Tier) =>
    checks
      .filter((c) => c.requiredFor.includes(t) && !c.ok)
      .map((c) => c.id)
      .join(', ');
  const gvisorUsable = usable('gvisor');
  const tier: Tier | null = gvisorUsable ? 'gvisor' : usable('bwrap') ? 'bwrap' : null;
  const reason =
    tier === 'gvisor'
      ? 'runsc, root and cgroups are available: servers run on gVisor'
      : tier === 'bwrap'
        ? `gVisor is not usable (missing: ${missing('gvisor')}); servers run under bubblewrap`
        : `neither gVisor (missing: ${missing('gvisor')}) nor bubblewrap (missing: ${missing('bwrap')}) is usable; only isolation: process (development only) can run`;
  const rootlessBwrap = !isRoot && checks.every((c) => c.ok || c.id === 'root' || c.id === 'cgroups' || !c.requiredFor.includes('bwrap'));
  const rootlessNote = rootlessBwrap
    ? '. Without root, bubblewrap can still run a server that opts in with `sandbox.rootless: rlimits-only` ' +
      '(airlock run --isolation bwrap --rootless rlimits-only): rlimits instead of cgroup limits (memory per process, ' +
      'pids per user, no CPU cap), an ephemeral workspace, and egress only for proxy-aware clients'
    : '';
  return { tier, reason: reason + rootlessNote, gvisorUsable, rootlessBwrap, checks };
}

/** Human-readable report, one line per check and a fix under each failed one. */
export function formatDoctor(r: DoctorReport): string {
  const lines = [`isolation tier: ${r.tier ?? 'none (process only)'} — ${r.reason}`];
  for (const c of r.checks) {
    lines.push(`  [${c.ok ? ' ok ' : 'FAIL'}] ${c.id}: ${c.detail}`);
    if (!c.ok && c.fix) lines.push(`         fix: ${c.fix}`);
  }
  return lines.join('\n');
}

/** Exit status for `airlock doctor`: 0 when gVisor is usable, 1 otherwise. */
export function doctorExitCode(r: DoctorReport): number {
  return r.gvisorUsable ? 0 : 1;
}
