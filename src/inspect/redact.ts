/**
 * Applies `redact` findings to a message: each leaf is rebuilt once with its ranges replaced, and
 * only the containers on the way to a changed leaf are copied (the input is never mutated).
 */
import type { Finding } from './types.js';

export function redactText(text: string, findings: readonly Finding[]): string {
  // By start; at the same start an insertion (empty range) goes first, then the widest range.
  const sorted = [...findings].sort((a, b) => a.start - b.start || Number(a.end !== a.start) - Number(b.end !== b.start) || b.end - a.end);
  let out = '';
  let cursor = 0;
  for (const f of sorted) {
    if (f.start < cursor) {
      // Overlaps a range already replaced: widen that replacement so no part of this match survives.
      cursor = Math.max(cursor, f.end);
      continue;
    }
    out += text.slice(cursor, f.start) + (f.replacement ?? `[REDACTED:${f.type}]`);
    cursor = f.end;
  }
  return out + text.slice(cursor);
}

type Step = string | number;

/** Parses the paths produced by collectLeaves: `$.a.b[0]["odd key"]`. */
export function parsePath(path: string): Step[] {
  const steps: Step[] = [];
  let i = 1; // skip '$'
  while (i < path.length) {
    if (path[i] === '.') {
      let j = i + 1;
      while (j < path.length && path[j] !== '.' && path[j] !== '[') j++;
      steps.push(path.slice(i + 1, j));
      i = j;
    } else if (path[i] === '[') {
      if (path[i + 1] === '"') {
        // JSON string literal: find its closing quote, honouring escapes.
        let j = i + 2;
        while (j < path.length && path[j] !== '"') j += path[j] === '\\' ? 2 : 1;
        steps.push(JSON.parse(path.slice(i + 1, j + 1)) as string);
        i = j + 2;
      } else {
        const j = path.indexOf(']', i);
        steps.push(Number(path.slice(i + 1, j)));
        i = j + 1;
      }
    } else {
      throw new Error(`malformed JSON path ${JSON.stringify(path)}`);
    }
  }
  return steps;
}

export function applyRedactions(input: unknown, findings: readonly Finding[]): unknown {
  const byPath = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byPath.get(f.path);
    if (list) list.push(f);
    else byPath.set(f.path, [f]);
  }
  if (typeof input === 'string') return redactText(input, byPath.get('$') ?? []);
  let root = input;
  for (const [path, list] of byPath) root = replaceAt(root, parsePath(path), 0, (text) => redactText(text, list));
  return root;
}

function replaceAt(node: unknown, steps: Step[], i: number, fn: (text: string) => string): unknown {
  if (i === steps.length) return typeof node === 'string' ? fn(node) : node;
  const step = steps[i]!;
  if (Array.isArray(node) && typeof step === 'number') {
    const copy = node.slice();
    copy[step] = replaceAt(node[step], steps, i + 1, fn);
    return copy;
  }
  if (node !== null && typeof node === 'object' && typeof step === 'string') {
    const obj = node as Record<string, unknown>;
    return { ...obj, [step]: replaceAt(obj[step], steps, i + 1, fn) };
  }
  return node;
}
