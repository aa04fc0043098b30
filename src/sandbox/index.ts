/**
 * The sandbox part's entry point: pick a driver by kind, resolve `auto` to the strongest tier this
 * machine supports, and start with leftovers of a killed Airlock cleaned up.
 */
import { createBwrapDriver, type BwrapOptions } from './bwrap.js';
import { runDoctor, type DoctorReport, type Tier } from './doctor.js';
import { createGvisorDriver, type GvisorOptions } from './gvisor.js';
import { createProcessDriver } from './process.js';
import type { IsolationDriver, IsolationKind } from './types.js';

export type { IsolationDriver, IsolationKind, Sandbox, SandboxExit, SandboxSpec } from './types.js';
export { sandboxConfigSchema, toSandboxSpec, workspacePath, type SandboxConfig } from './config.js';
export { runDoctor, formatDoctor, doctorExitCode, type DoctorReport, type DoctorCheck } from './doctor.js';
export { WarmPool, type WarmPoolOptions } from './pool.js';
export { SandboxStdioTransport } from './stdio-transport.js';
export { platformDecision, runscInfo, type PlatformDecision, type RunscPlatform } from './runsc.js';

export interface DriverOptions {
  runtimeDir?: string;
  /** Airlock's data directory; default $AIRLOCK_HOME or ~/.airlock. */
  dataDir?: string;
  gvisor?: Omit<GvisorOptions, 'runtimeDir' | 'dataDir'>;
  bwrap?: Omit<BwrapOptions, 'runtimeDir' | 'dataDir'>;
}

const cache = new Map<string, IsolationDriver>();

const dirs = (o: DriverOptions) => ({ ...(o.runtimeDir ? { runtimeDir: o.runtimeDir } : {}), ...(o.dataDir ? { dataDir: o.dataDir } : {}) });

/** One driver instance per kind and runtime dir, so leftover cleanup knows every live sandbox. */
export function getDriver(kind: IsolationKind, opts: DriverOptions = {}): IsolationDriver {
  const key = `${kind}|${opts.runtimeDir ?? ''}|${opts.dataDir ?? ''}`;
  let d = cache.get(key);
  if (!d) {
    d =
      kind === 'gvisor'
        ? createGvisorDriver({ ...opts.gvisor, ...dirs(opts) })
        : kind === 'bwrap'
          ? createBwrapDriver({ ...opts.bwrap, ...dirs(opts) })
          : createProcessDriver();
    cache.set(key, d);
  }
  return d;
}

let tierCache: Promise<DoctorReport> | null = null;

/** The tier `isolation: auto` resolves to (cached per process; runs the doctor once, boot probe included). */
export async function detectTier(opts: { runtimeDir?: string } = {}): Promise<{ tier: Tier | null; report: DoctorReport }> {
  tierCache ??= runDoctor(opts.runtimeDir ? { runtimeDir: opts.runtimeDir } : {});
  const report = await tierCache;
  return { tier: report.tier, report };
}

/**
 * Resolves a configured isolation to a concrete driver kind.
 *
 * Failure contract: `auto` on a machine with neither gVisor nor bwrap rejects with the doctor's
 * reason — it never falls back to `process`, which must be chosen explicitly.
 */
export async function resolveIsolation(isolation: IsolationKind | 'auto', opts: { runtimeDir?: string } = {}): Promise<IsolationKind> {
  if (isolation !== 'auto') return isolation;
  const { tier, report } = await detectTier(opts);
  if (!tier) throw new Error(`isolation: auto found no sandbox runtime: ${report.reason}. Run \`airlock doctor\` for the fixes.`);
  return tier;
}

/** Removes leftovers of every driver kind that can leave any (call once at gateway start). */
export async function cleanupAllLeftovers(opts: DriverOptions = {}): Promise<void> {
  for (const kind of ['gvisor', 'bwrap'] as const) await getDriver(kind, opts).cleanupLeftovers();
}
