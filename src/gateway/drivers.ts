/**
 * Picks the isolation driver for a server. `auto` means the strongest tier this machine supports;
 * an explicitly requested tier that is not available is an error, never a silent downgrade.
 */
import { createProcessDriver } from '../sandbox/process.js';
import type { IsolationDriver, IsolationKind } from '../sandbox/types.js';

export type IsolationChoice = IsolationKind | 'auto';

export async function resolveDriver(choice: IsolationChoice): Promise<IsolationDriver> {
  if (choice === 'process') return createProcessDriver();
  throw new Error(`isolation "${choice}" is not available on this machine; run \`airlock doctor\` to see why, or pass --isolation process for development`);
}
