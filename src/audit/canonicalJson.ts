/**
 * Canonical JSON: object keys sorted (by UTF-16 code units, as JS sorts them) at every depth, no
 * whitespace, primitives serialised exactly as JSON.stringify does. Two parties that hold the same
 * JSON value produce the same bytes, which is what the hash chain and the signatures commit to.
 *
 * Input must already be plain JSON (see toPlainJson); anything else is rejected rather than guessed.
 * scripts/verify-audit-export.mjs carries an identical copy — keep them in step.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj).sort();
      const parts: string[] = [];
      for (const k of keys) {
        if (obj[k] === undefined) continue;
        parts.push(`${JSON.stringify(k)}:${canonicalJson(obj[k])}`);
      }
      return `{${parts.join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: cannot encode a ${typeof value}`);
  }
}

/**
 * Normalises caller data to plain JSON (drops undefined, turns Dates into strings, NaN into null)
 * so that what is hashed is exactly what is stored and read back.
 */
export function toPlainJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value ?? null)) as T;
}
