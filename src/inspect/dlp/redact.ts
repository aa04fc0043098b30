/** Replacement text for a redacted finding, per the configured style. */
import { createHmac } from 'node:crypto';

export type RedactionStyle = 'label' | 'mask' | 'hash';

export interface RedactionOptions {
  readonly style: RedactionStyle;
  readonly hashKey?: string;
  readonly maskChar: string;
  readonly keepLast: number;
}

/** `[REDACTED:<type>]`. */
export function label(type: string): string {
  return `[REDACTED:${type}]`;
}

/**
 * Format-preserving mask: letters and digits become the mask character, separators stay, and the
 * last `keepLast` letters/digits stay visible when the value has at least 12 of them
 * (`4242 4242 4242 4242` → `**** **** **** 4242`).
 */
export function mask(value: string, maskChar: string, keepLast: number): string {
  let alnum = 0;
  for (let i = 0; i < value.length; i++) if (isAlnum(value.charCodeAt(i))) alnum++;
  const keep = alnum >= 12 ? keepLast : 0;
  let seen = 0;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (isAlnum(c)) {
      seen++;
      out += seen > alnum - keep ? value[i] : maskChar;
    } else out += value[i];
  }
  return out;
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Stable keyed token: HMAC-SHA256 of the value under the configured key, first 16 hex digits. The same
 * value always maps to the same token (so an agent can still tell two values apart) but the value
 * cannot be recovered or confirmed without the key.
 */
export function hashToken(type: string, value: string, key: string): string {
  const h = createHmac('sha256', key).update(value, 'utf8').digest('hex').slice(0, 16);
  return `[REDACTED:${type}:${h}]`;
}

export function replacementFor(type: string, value: string, o: RedactionOptions): string {
  if (o.style === 'mask') return mask(value, o.maskChar, o.keepLast);
  if (o.style === 'hash' && o.hashKey) return hashToken(type, value, o.hashKey);
  return label(type);
}
