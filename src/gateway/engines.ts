/**
 * The inspection engines enabled by a configuration, in the order they run. Everything is compiled
 * here, once per configuration version, never per message.
 */
import { createDlpInspector } from '../inspect/dlp/index.js';
import { createExploitInspector } from '../inspect/exploits/index.js';
import { createInjectionInspector } from '../inspect/injection/index.js';
import type { Inspector } from '../inspect/types.js';
import type { AirlockConfig } from '../policy/schema.js';

export function buildInspectors(config: AirlockConfig): Inspector[] {
  const { dlp, injection, exploits } = config.inspect;
  const out: Inspector[] = [];
  if (dlp.enabled) out.push(createDlpInspector(dlp));
  if (injection.enabled) out.push(createInjectionInspector(injection));
  if (exploits.enabled) out.push(createExploitInspector({ disabled: exploits.disabled, actions: exploits.actions, shellTools: exploits.shellTools }));
  return out;
}
