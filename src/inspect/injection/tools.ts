/**
 * Signals that depend on the session: names of tools the session exposes used as commands, another
 * server's tools or name mentioned in a tool description (shadowing), and tool-name collisions.
 */
import { execAll } from './regex.js';
import type { ToolRef } from '../types.js';

export interface ToolHit {
  id: 'tool-imperative' | 'tool-shadowing' | 'server-shadowing';
  start: number;
  end: number;
  weight: number;
  explain: string;
}

const IMPERATIVE_BEFORE =
  /\b(?:call|calls|calling|use|using|invoke|invoking|run|execute|trigger|fire|launch|issue|perform|then|next|first|immediately|now|must|should|always|also|please)\b[^\n.]{0,30}$/i;
// A distinctive tool name used as the verb of its sentence ("calendar_share the CEO's calendar with …").
const CALL_AFTER = /^\s*(?:\(|tool\b|function\b|with\b|to (?:send|read|write|delete|forward|upload|fetch|create|run|execute|copy|post)\b|(?:the|all|every|each|this|that|these|those|my|your|their|its|them|it)\s|["'])/i;
// Statements about a tool rather than orders to call it: API reference ("the create_issue endpoint"),
// log lines ("INFO call read_file path=…"), and what a third party could do ("a server could …").
const DOCUMENTED_AFTER = /^[`'"]?\s*(?:endpoint|API|method|route|handler|schema|RPC|operation)\b/i;
// Source code that defines the tool ("def crm_search_contacts(", "function read_file(") names it, it does not call it.
const DEFINITION_BEFORE = /\b(?:def|function|fn|func|class|const|let|var|async def)\s+$/;
const NOUN_BEFORE = /\b(?:the|a|an|this|that|our|your|its|their|each|every)\s+[`'"]?$/i;
const STATEMENT_VERB_BEFORE = /\b(?:supports?|supported|offers?|provides?|includes?|exposes?|adds?|added|has|have|had|lists?|listed|registers?|registered|renamed|removed|deprecated)\s+(?:[`'"]?\w+[`'"]?(?:,\s*|\s+(?:and|or)\s+)){0,4}[`'"]?$/i;
const CALL_AFTER_STRICT = /^\s*\(/;
const LOG_LINE_BEFORE = /(?:\b(?:INFO|DEBUG|WARN|WARNING|ERROR|TRACE)\b|\b\w+=\S*\s)[^\n]*$/;
const HYPOTHETICAL_BEFORE = /\b(?:server|attacker|tool|it|they|he|she|someone|one|adversary)\s+(?:could|might|would|can|may)\b[^\n.]{0,40}$/i;
const BEHAVIOUR = /\b(?:when|whenever|before|after|instead|always|never|must|should|also|redirect|change|modify|replace|override|do not|don't|all|every|any time|first|require[sd]?|side effect)\b/i;

const DATA_SOURCE_BEFORE = /\b(?:from|returned by|as returned by|(?:the )?(?:output|result|response)s? of|obtained (?:from|via|with)|given by|listed by|produced by|found (?:with|via)|see)\s+(?:the\s+)?[`'"]?$/i;

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A name distinctive enough that seeing it in prose means the tool, not an ordinary word:
 * it has a separator or an inner capital, or it is long.
 */
export function isDistinctiveName(name: string): boolean {
  return /[_\-.:/]|[a-z][A-Z]|\d/.test(name) || name.length >= 12;
}

const patternCache = new WeakMap<readonly ToolRef[], { re: RegExp | undefined; byName: Map<string, ToolRef[]> }>();

function namePattern(tools: readonly ToolRef[]): { re: RegExp | undefined; byName: Map<string, ToolRef[]> } {
  const cached = patternCache.get(tools);
  if (cached) return cached;
  const byName = new Map<string, ToolRef[]>();
  for (const t of tools) {
    const key = t.name.toLowerCase();
    const list = byName.get(key) ?? [];
    list.push(t);
    byName.set(key, list);
  }
  const names = [...byName.keys()].filter((n) => n.length >= 3).sort((a, b) => b.length - a.length);
  const re = names.length ? new RegExp(`(?<![\\w-])(?:${names.map(escapeRe).join('|')})(?![\\w-])`, 'gi') : undefined;
  const value = { re, byName };
  patternCache.set(tools, value);
  return value;
}

/** Tool-name signals in a response or request: a live tool name used as a command. */
export function toolImperativeHits(text: string, tools: readonly ToolRef[], server: string): ToolHit[] {
  const { re, byName } = namePattern(tools);
  if (!re) return [];
  const out: ToolHit[] = [];
  for (const m of execAll(re, text)) {
    const owners = byName.get(m[0].toLowerCase()) ?? [];
    const name = owners[0]?.name ?? m[0];
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    const codeish = /[`'"]$/.test(before) || isDistinctiveName(name);
    if (!codeish) continue;
    if (!IMPERATIVE_BEFORE.test(before) && !CALL_AFTER.test(after)) continue;
    if (DOCUMENTED_AFTER.test(after) || DEFINITION_BEFORE.test(before) || LOG_LINE_BEFORE.test(before) || HYPOTHETICAL_BEFORE.test(before)) continue;
    // A tool named as a thing ("The fs_read tool returns …", "now supports forward_email and delete_email") is
    // talked about, not called.
    if (NOUN_BEFORE.test(before) || (STATEMENT_VERB_BEFORE.test(before) && !CALL_AFTER_STRICT.test(after))) continue;
    const foreign = owners.every((t) => t.server !== server);
    out.push({
      id: 'tool-imperative',
      start: m.index,
      end: m.index + m[0].length,
      weight: foreign ? 0.5 : 0.3,
      explain: foreign ? "tells the agent to call another server's tool" : 'tells the agent to call one of its tools',
    });
  }
  return out;
}

/** Shadowing signals in a tool description: another server's tool or name is referred to. */
export function shadowingHits(text: string, tools: readonly ToolRef[], server: string): ToolHit[] {
  const out: ToolHit[] = [];
  const { re, byName } = namePattern(tools);
  if (re) {
    for (const m of execAll(re, text)) {
      const owners = byName.get(m[0].toLowerCase()) ?? [];
      if (owners.length === 0 || owners.some((t) => t.server === server)) continue;
      const name = owners[0]!.name;
      const before = text.slice(Math.max(0, m.index - 80), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 80);
      const referenced = isDistinctiveName(name) || /[`'"]$/.test(before) || /^[`'"]?\s*tool\b/i.test(after);
      if (!referenced) continue;
      // Another tool named as where an input comes from ("Pass the meeting ID from list_events") chains
      // tools the way the user's agent would; it says nothing about how that tool must behave.
      const source = DATA_SOURCE_BEFORE.test(before) && !BEHAVIOUR.test(after.split(/[.;\n]/)[0] ?? '');
      const behavioural = !source && (BEHAVIOUR.test(before) || BEHAVIOUR.test(after));
      out.push({
        id: 'tool-shadowing',
        start: m.index,
        end: m.index + m[0].length,
        weight: behavioural ? 0.75 : 0.45,
        explain: behavioural ? "tells the agent how to use a tool of another server" : 'mentions a tool of another server',
      });
    }
  }
  // A server named next to its tool is one mention, not two pieces of evidence.
  const mentionedTool = out.length > 0;
  const servers = [...new Set(tools.map((t) => t.server))].filter((s) => s !== server && s.length >= 4);
  for (const other of servers) {
    const sre = new RegExp(`(?<![\\w-])${escapeRe(other)}(?![\\w-])(?=[^\\n]{0,20}\\b(?:server|tool|mcp|integration)s?\\b)`, 'gi');
    for (const m of execAll(sre, text)) {
      // Naming a neighbour ("links to Jira tickets become smart links if the Jira integration is installed")
      // is ordinary; telling the agent how to use it is shadowing.
      const near = text.slice(Math.max(0, m.index - 80), m.index + m[0].length + 80);
      const behavioural = BEHAVIOUR.test(near);
      if (!behavioural && mentionedTool) continue;
      out.push({ id: 'server-shadowing', start: m.index, end: m.index + m[0].length, weight: behavioural ? 0.5 : 0.3, explain: behavioural ? 'tells the agent how to use another MCP server' : 'refers to another MCP server by name' });
    }
  }
  return out;
}

export interface ToolCollision {
  a: ToolRef;
  b: ToolRef;
  kind: 'exact' | 'near';
  /** Edit distance between the folded names (0 for exact or separator/case-only differences). */
  distance: number;
}

const FOLD: Record<string, string> = { '0': 'o', '1': 'l', '3': 'e', '5': 's', '7': 't', '@': 'a', '$': 's' };

/** Case, separators and look-alike characters folded away: `Send-Email`, `send_emai1`, `sendEmail` meet. */
export function foldToolName(name: string): string {
  let out = '';
  for (const ch of name.normalize('NFKC').toLowerCase()) {
    if (/[\s_\-.:/]/.test(ch)) continue;
    out += FOLD[ch] ?? ch;
  }
  return out.replace(/rn/g, 'm').replace(/vv/g, 'w').replace(/[іі]/g, 'i');
}

/** Damerau (optimal string alignment) distance, stopping early above `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  for (let i = 0; i < rows; i++) d[i]![0] = i;
  for (let j = 0; j < cols; j++) d[0]![j] = j;
  for (let i = 1; i < rows; i++) {
    let rowMin = Infinity;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
  }
  return d[a.length]![b.length]!;
}

/**
 * Tool names that collide across different servers: identical, identical after folding case,
 * separators and look-alikes, or one edit apart (for names of six or more characters). Pairs on the
 * same server are ignored; the server itself decides its names.
 */
const collisionCache = new WeakMap<readonly ToolRef[], ToolCollision[]>();

export function findToolCollisions(tools: readonly ToolRef[]): ToolCollision[] {
  // Memoised per (immutable) tool list: the answer depends on nothing else.
  const cached = collisionCache.get(tools);
  if (cached) return cached.slice();
  const out: ToolCollision[] = [];
  const folded = tools.map((t) => foldToolName(t.name));
  for (let i = 0; i < tools.length; i++) {
    for (let j = i + 1; j < tools.length; j++) {
      const a = tools[i]!;
      const b = tools[j]!;
      if (a.server === b.server) continue;
      if (a.name === b.name) {
        out.push({ a, b, kind: 'exact', distance: 0 });
        continue;
      }
      const fa = folded[i]!;
      const fb = folded[j]!;
      if (fa === fb) {
        out.push({ a, b, kind: 'near', distance: 0 });
        continue;
      }
      if (Math.min(fa.length, fb.length) >= 6) {
        const dist = editDistance(fa, fb, 1);
        if (dist <= 1) out.push({ a, b, kind: 'near', distance: dist });
      }
    }
  }
  collisionCache.set(tools, out);
  return out.slice();
}
