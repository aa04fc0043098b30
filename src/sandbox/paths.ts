/**
 * Where the sandbox part keeps its host-side state. Bundles and runsc state live in the runtime
 * directory (volatile, root-only), never in the data directory: the data directory is masked inside
 * every sandbox and must not hold anything a sandbox is bound to.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

/** $AIRLOCK_HOME, or ~/.airlock (the same rule as the store). */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.AIRLOCK_HOME && env.AIRLOCK_HOME.length > 0 ? env.AIRLOCK_HOME : join(homedir(), '.airlock');
}

/**
 * $AIRLOCK_RUNTIME_DIR, else /run/airlock for root, else $XDG_RUNTIME_DIR/airlock, else
 * /tmp/airlock-<uid>.
 */
export function runtimeDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.AIRLOCK_RUNTIME_DIR && env.AIRLOCK_RUNTIME_DIR.length > 0) return env.AIRLOCK_RUNTIME_DIR;
  const uid = process.getuid?.() ?? -1;
  if (uid === 0) return '/run/airlock';
  if (env.XDG_RUNTIME_DIR) return join(env.XDG_RUNTIME_DIR, 'airlock');
  return `/tmp/airlock-${uid}`;
}

/** Dedicated runsc --root, so cleanup only ever touches Airlock's own containers. */
export function runscStateDir(rt: string): string {
  return join(rt, 'runsc');
}

export function bundlesDir(rt: string): string {
  return join(rt, 'bundles');
}
