/**
 * Picks the isolation driver for a server. `auto` means the strongest tier this machine supports
 * (gVisor, else bubblewrap); an explicitly requested tier that is not available is an error, and
 * `auto` never falls back to the unisolated `process` driver.
 */
import { getDriver, resolveIsolation } from '../sandbox/index.js';
import type { IsolationDriver, IsolationKind } from '../sandbox/types.js';
import { ensureMemoryBacked, runtimeDirFor } from './leftovers.js';

export type IsolationChoice = IsolationKind | 'auto';

export async function resolveDriver(choice: IsolationChoice, home: string): Promise<IsolationDriver> {
  const kind = await resolveIsolation(choice);
  const runtimeDir = runtimeDirFor(home);
  if (kind !== 'process') ensureMemoryBacked(runtimeDir);
  return getDriver(kind, { dataDir: home, runtimeDir });
}
