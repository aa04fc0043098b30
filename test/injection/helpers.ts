import type { Finding, InspectContext, ToolRef } from '../../src/inspect/types.js';
import { createInjectionInspector } from '../../src/inspect/injection/index.js';

export const TOOLS: ToolRef[] = [
  { server: 'mail', name: 'send_email' },
  { server: 'mail', name: 'read_inbox' },
  { server: 'github', name: 'create_pull_request' },
  { server: 'filesystem', name: 'read_file' },
  { server: 'web', name: 'fetch' },
];

export const inspector = createInjectionInspector({});
export const disabled = createInjectionInspector({ enabled: false });

export function ctx(over: Partial<InspectContext> = {}): InspectContext {
  return { surface: 'response', server: 'web', tools: TOOLS, ownHosts: ['web.example'], ...over };
}

export function run(text: string, over: Partial<InspectContext> = {}): Finding[] {
  return inspector.inspect([{ path: '$', text }], ctx(over));
}

/** Whether the engine would change or stop the message (wrap or block). */
export function acts(findings: Finding[]): boolean {
  return findings.some((f) => f.action === 'block' || f.action === 'redact');
}

export function tags(s: string): string {
  return [...s].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');
}
