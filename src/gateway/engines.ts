/**
 * The inspection engines enabled by a configuration, in the order they run.
 */
import type { Inspector } from '../inspect/types.js';
import type { AirlockConfig } from '../policy/schema.js';

export function buildInspectors(_config: AirlockConfig): Inspector[] {
  return [];
}
