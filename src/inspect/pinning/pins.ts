/**
 * Tool contract pinning. Pure functions: the gateway stores the pins and decides what to withhold.
 *
 * Failure contract: a tool whose pinned contract cannot be matched exactly is reported as changed
 * (never silently approved). Malformed tools (no string name) make the functions throw.
 */
import { canonicalJson, sha256Hex } from './canonical.js';

/** The fields of an MCP tool that make up its contract. Other fields (`_meta`) are not pinned. */
export const PINNED_FIELDS = ['name', 'title', 'description', 'inputSchema', 'outputSchema', 'annotations'] as const;
export type PinnedField = (typeof PINNED_FIELDS)[number];

/** An MCP tool as listed by `tools/list` (only the pinned fields matter here). */
export interface ToolDefinition {
  name: string;
  title?: string;
  description?: string;
  inputSchema?: unknown;
  outputSchema?: unknown;
  annotations?: unknown;
  [extra: string]: unknown;
}

/** What the gateway persists for one approved tool. */
export interface ToolPin {
  name: string;
  /** canonicalToolHash of the approved tool. */
  hash: string;
  /** The approved contract itself, so `servers diff` can show a field-level diff. */
  contract: ToolContract;
}

export type ToolContract = Partial<Record<PinnedField, unknown>> & { name: string };

/** One difference between two contracts. `path` is a JSON path under the tool (`$.inputSchema.properties.to`). */
export interface FieldChange {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

export interface ToolChange {
  name: string;
  pinnedHash: string;
  currentHash: string;
  changes: FieldChange[];
}

export interface PinComparison {
  /** Listed and identical to their pins: safe to expose. */
  approved: ToolDefinition[];
  /** Listed but different from their pins: withhold until approved again. */
  changed: ToolChange[];
  /** Listed with no pin: withhold until approved. */
  added: ToolDefinition[];
  /** Pinned but no longer listed. */
  removed: ToolPin[];
  /** toolSetHash of the tools as listed now. */
  currentSetHash: string;
  /** True when nothing changed, was added or removed. */
  unchanged: boolean;
}

function assertTool(tool: ToolDefinition): void {
  if (!tool || typeof tool.name !== 'string' || tool.name.length === 0) {
    throw new TypeError('pinning: every tool needs a non-empty string name; the server sent a malformed tools/list');
  }
}

/** The pinned fields of a tool, nothing else. */
export function toolContract(tool: ToolDefinition): ToolContract {
  assertTool(tool);
  const c: ToolContract = { name: tool.name };
  for (const f of PINNED_FIELDS) if (f !== 'name' && tool[f] !== undefined) c[f] = tool[f];
  return c;
}

/** SHA-256 (hex) of the canonical JSON of the tool's pinned fields. */
export function canonicalToolHash(tool: ToolDefinition): string {
  return sha256Hex(canonicalJson(toolContract(tool)));
}

/** SHA-256 of the sorted list of `name:hash` pairs; order of the listing does not matter. */
export function toolSetHash(tools: readonly ToolDefinition[]): string {
  const pairs = tools.map((t) => [t.name, canonicalToolHash(t)] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return sha256Hex(canonicalJson(pairs));
}

/** Pins for a freshly approved list (first `tools/list`, or `airlock servers approve NAME`). */
export function pinTools(tools: readonly ToolDefinition[]): { pins: ToolPin[]; setHash: string } {
  const pins = tools.map((t) => ({ name: t.name, hash: canonicalToolHash(t), contract: toolContract(t) }));
  return { pins, setHash: toolSetHash(tools) };
}

/** Field-level differences between two values, as JSON paths under `base`. */
export function diffValues(before: unknown, after: unknown, base = '$'): FieldChange[] {
  if (canonicalJson(before) === canonicalJson(after)) return [];
  const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObj(before) && isObj(after)) {
    const out: FieldChange[] = [];
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const k of keys) {
      const path = /^[A-Za-z_$][\w$]*$/.test(k) ? `${base}.${k}` : `${base}[${JSON.stringify(k)}]`;
      const b = before[k];
      const a = after[k];
      if (b === undefined && a !== undefined) out.push({ path, kind: 'added', after: a });
      else if (a === undefined && b !== undefined) out.push({ path, kind: 'removed', before: b });
      else out.push(...diffValues(b, a, path));
    }
    return out;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: FieldChange[] = [];
    const n = Math.max(before.length, after.length);
    for (let i = 0; i < n; i++) {
      const path = `${base}[${i}]`;
      if (i >= before.length) out.push({ path, kind: 'added', after: after[i] });
      else if (i >= after.length) out.push({ path, kind: 'removed', before: before[i] });
      else out.push(...diffValues(before[i], after[i], path));
    }
    return out;
  }
  if (before === undefined) return [{ path: base, kind: 'added', after }];
  if (after === undefined) return [{ path: base, kind: 'removed', before }];
  return [{ path: base, kind: 'changed', before, after }];
}

/** Field-level diff between two versions of one tool (pinned fields only). */
export function diffToolContracts(before: ToolDefinition | ToolContract, after: ToolDefinition | ToolContract): FieldChange[] {
  return diffValues(toolContract(before as ToolDefinition), toolContract(after as ToolDefinition));
}

export interface ToolSetDiff {
  added: ToolContract[];
  removed: ToolContract[];
  changed: Array<{ name: string; changes: FieldChange[] }>;
}

/** Diff of two tool lists by name: what `airlock servers diff NAME` prints (see formatToolSetDiff). */
export function diffTools(before: readonly (ToolDefinition | ToolContract)[], after: readonly (ToolDefinition | ToolContract)[]): ToolSetDiff {
  const b = new Map(before.map((t) => [t.name, toolContract(t as ToolDefinition)]));
  const a = new Map(after.map((t) => [t.name, toolContract(t as ToolDefinition)]));
  const out: ToolSetDiff = { added: [], removed: [], changed: [] };
  for (const [name, contract] of a) {
    const prev = b.get(name);
    if (!prev) out.added.push(contract);
    else {
      const changes = diffValues(prev, contract);
      if (changes.length) out.changed.push({ name, changes });
    }
  }
  for (const [name, contract] of b) if (!a.has(name)) out.removed.push(contract);
  const byName = (x: { name: string }, y: { name: string }): number => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0);
  out.added.sort(byName);
  out.removed.sort(byName);
  out.changed.sort(byName);
  return out;
}

function show(v: unknown): string {
  const s = typeof v === 'string' ? JSON.stringify(v) : canonicalJson(v);
  return s.length > 400 ? `${s.slice(0, 400)}… (${s.length} chars)` : s;
}

/** Human-readable diff, one line per field change. Tool contracts are public metadata, not secrets. */
export function formatToolSetDiff(diff: ToolSetDiff): string {
  const lines: string[] = [];
  for (const t of diff.added) lines.push(`+ tool ${t.name} (new)`);
  for (const t of diff.removed) lines.push(`- tool ${t.name} (removed)`);
  for (const c of diff.changed) {
    lines.push(`~ tool ${c.name}`);
    for (const ch of c.changes) {
      const path = ch.path.replace(/^\$/, '');
      if (ch.kind === 'added') lines.push(`    + ${path}: ${show(ch.after)}`);
      else if (ch.kind === 'removed') lines.push(`    - ${path}: ${show(ch.before)}`);
      else lines.push(`    ~ ${path}: ${show(ch.before)} → ${show(ch.after)}`);
    }
  }
  return lines.length ? lines.join('\n') : 'no changes';
}

/**
 * Compare a listing with the stored pins. Matching is by name; a duplicate name in the listing is
 * treated as changed (the server is ambiguous about its own contract).
 */
export function compareToolsToPins(tools: readonly ToolDefinition[], pins: readonly ToolPin[]): PinComparison {
  const pinByName = new Map(pins.map((p) => [p.name, p]));
  const seen = new Map<string, number>();
  for (const t of tools) {
    assertTool(t);
    seen.set(t.name, (seen.get(t.name) ?? 0) + 1);
  }
  const out: PinComparison = { approved: [], changed: [], added: [], removed: [], currentSetHash: toolSetHash(tools), unchanged: false };
  for (const t of tools) {
    const pin = pinByName.get(t.name);
    const hash = canonicalToolHash(t);
    if (!pin) out.added.push(t);
    else if (pin.hash === hash && seen.get(t.name) === 1) out.approved.push(t);
    else {
      const changes = diffValues(pin.contract, toolContract(t));
      if (changes.length === 0) changes.push({ path: '$', kind: 'changed', before: `hash ${pin.hash}`, after: seen.get(t.name)! > 1 ? 'listed more than once' : `hash ${hash}` });
      out.changed.push({ name: t.name, pinnedHash: pin.hash, currentHash: hash, changes });
    }
  }
  for (const p of pins) if (!seen.has(p.name)) out.removed.push(p);
  out.unchanged = out.changed.length === 0 && out.added.length === 0 && out.removed.length === 0;
  return out;
}

export interface ToolFilter {
  /** Names or glob patterns (`*` wildcard); when present, only matching tools pass. */
  allow?: readonly string[];
  /** Names or glob patterns that never pass; deny wins over allow. */
  deny?: readonly string[];
}

function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

/** Whether a tool name passes the allow/deny lists. Used for both tools/list and tools/call. */
export function isToolAllowed(name: string, filter: ToolFilter): boolean {
  if (filter.deny?.some((g) => globToRegExp(g).test(name))) return false;
  if (filter.allow && !filter.allow.some((g) => globToRegExp(g).test(name))) return false;
  return true;
}

/** The tools that pass the allow/deny lists, in listing order. */
export function filterToolsByPolicy<T extends { name: string }>(tools: readonly T[], filter: ToolFilter): T[] {
  return tools.filter((t) => isToolAllowed(t.name, filter));
}
