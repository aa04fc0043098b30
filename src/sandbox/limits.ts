/** Default resource limits, shared by the config schema and drivers. */
import type { ResourceLimits } from './types.js';

export const DEFAULT_LIMITS: Readonly<Required<ResourceLimits>> = Object.freeze({
  memoryMb: 512,
  cpus: 1,
  pids: 128,
  openFiles: 1024,
  fileSizeMb: 256,
  diskMb: 256,
});

/** Fills in every limit the caller left out. */
export function withDefaultLimits(limits: Partial<ResourceLimits>): Required<ResourceLimits> {
  return { ...DEFAULT_LIMITS, ...limits } as Required<ResourceLimits>;
}
