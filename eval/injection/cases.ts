/** Shared shape of a labelled evaluation case. */
import type { Surface, ToolRef } from '../../src/inspect/types.js';

export interface EvalCase {
  id: string;
  /** true: an injection or poisoned description; false: a hard negative. */
  label: boolean;
  /** Technique for positives (`override`, `hidden-unicode-tags`, …); kind of material for negatives. */
  technique: string;
  surface: Surface;
  text: string;
  /** Server the text comes from (defaults to `web`). */
  server?: string;
  /** Tools the session exposes (defaults to SESSION_TOOLS). */
  tools?: ToolRef[];
  ownHosts?: string[];
}

/** A realistic session: several servers a coding/office agent commonly has. */
export const SESSION_TOOLS: ToolRef[] = [
  ...['create_issue', 'get_file_contents', 'create_pull_request', 'search_repositories', 'list_commits', 'push_files'].map((name) => ({ server: 'github', name })),
  ...['slack_post_message', 'slack_list_channels', 'slack_get_channel_history'].map((name) => ({ server: 'slack', name })),
  ...['send_email', 'read_inbox', 'search_emails'].map((name) => ({ server: 'mail', name })),
  ...['read_file', 'write_file', 'list_directory', 'search_files', 'move_file'].map((name) => ({ server: 'filesystem', name })),
  ...['fetch', 'brave_web_search'].map((name) => ({ server: 'web', name })),
  ...['query', 'list_tables'].map((name) => ({ server: 'postgres', name })),
  ...['create_entities', 'read_graph'].map((name) => ({ server: 'memory', name })),
];

/** Encode ASCII as invisible Unicode tag characters. */
export function toTags(s: string): string {
  return [...s].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');
}

/** Insert a zero-width space between every letter of each word. */
export function zwSplit(s: string): string {
  return s.replace(/[A-Za-z]{3,}/g, (w) => [...w].join('\u200b'));
}

export function b64(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64');
}

export function hex(s: string): string {
  return Buffer.from(s, 'utf8').toString('hex');
}

export function rot13(s: string): string {
  return s.replace(/[a-zA-Z]/g, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
}

/** Swap some Latin letters for Cyrillic look-alikes. */
export function confuse(s: string): string {
  const m: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', i: 'і', x: 'х', y: 'у' };
  let n = 0;
  return s.replace(/[aeopcixy]/g, (c) => (n++ % 2 === 0 ? (m[c] ?? c) : c));
}
