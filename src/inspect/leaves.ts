/**
 * Walks a JSON value and collects every string leaf with its JSON path. Iterative, so a hostile
 * message nested ten thousand levels deep cannot exhaust the stack; it is refused past `maxDepth`.
 */
import type { TextLeaf } from './types.js';

export class NestingTooDeepError extends Error {
  constructor(readonly maxDepth: number) {
    super(`message is nested deeper than ${maxDepth} levels (gateway.maxDepth)`);
    this.name = 'NestingTooDeepError';
  }
}

const SIMPLE_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return SIMPLE_KEY.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/**
 * Members of a JSON-RPC envelope that carry no content: never inspected, so an id or a method name
 * cannot be redacted into something that breaks the protocol.
 */
const ENVELOPE_KEYS = new Set(['jsonrpc', 'id', 'method']);

export function collectLeaves(root: unknown, maxDepth: number, rootPath = '$'): TextLeaf[] {
  const leaves: TextLeaf[] = [];
  if (typeof root === 'string') {
    leaves.push({ path: rootPath, text: root });
    return leaves;
  }
  const stack: { value: unknown; path: string; depth: number; envelope: boolean }[] = [
    { value: root, path: rootPath, depth: 0, envelope: true },
  ];
  while (stack.length > 0) {
    const { value, path, depth, envelope } = stack.pop()!;
    if (typeof value === 'string') {
      leaves.push({ path, text: value });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxDepth) throw new NestingTooDeepError(maxDepth);
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: childPath(path, i), depth: depth + 1, envelope: false });
    } else {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        if (envelope && ENVELOPE_KEYS.has(key)) continue;
        stack.push({ value: (value as Record<string, unknown>)[key], path: childPath(path, key), depth: depth + 1, envelope: false });
      }
    }
  }
  return leaves;
}

/** Measures nesting depth without collecting anything; used where nothing is inspected. */
export function exceedsDepth(root: unknown, maxDepth: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxDepth) return true;
    if (Array.isArray(value)) for (const v of value) stack.push({ value: v, depth: depth + 1 });
    else for (const k in value as Record<string, unknown>) stack.push({ value: (value as Record<string, unknown>)[k], depth: depth + 1 });
  }
  return false;
}
