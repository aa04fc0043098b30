/** Minimal JSON walker for the evaluation and the bench: every string leaf with its JSON path. */
import type { TextLeaf } from '../../src/inspect/types.js';

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function leavesOf(value: unknown, path = '$', out: TextLeaf[] = []): TextLeaf[] {
  if (typeof value === 'string') out.push({ path, text: value });
  else if (Array.isArray(value)) value.forEach((v, i) => leavesOf(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) leavesOf(v, IDENT.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`, out);
  }
  return out;
}
