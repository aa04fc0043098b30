/** Shared helpers for the DLP tests: build values with valid checksums, scan text, find a finding. */
import { createDlpInspector } from '../../src/inspect/dlp/index.js';
import type { DlpConfigInput } from '../../src/inspect/dlp/index.js';
import type { Finding, InspectContext, TextLeaf } from '../../src/inspect/types.js';
import { base62, crc32 } from '../../src/inspect/dlp/validators.js';

export const ctx: InspectContext = { surface: 'request', server: 'test-server', tool: 'test-tool' };

const engines = new Map<string, ReturnType<typeof createDlpInspector>>();
export function engine(config: DlpConfigInput = {}): ReturnType<typeof createDlpInspector> {
  const key = JSON.stringify(config);
  let e = engines.get(key);
  if (!e) engines.set(key, (e = createDlpInspector(config)));
  return e;
}

export function scan(text: string, path = '$', config: DlpConfigInput = {}, c: InspectContext = ctx): Finding[] {
  return engine(config).inspect([{ path, text }], c);
}

export function scanLeaves(leaves: TextLeaf[], config: DlpConfigInput = {}, c: InspectContext = ctx): Finding[] {
  return engine(config).inspect(leaves, c);
}

/** Deterministic pseudo-random generator for test values. */
export { mulberry32 as rng } from '../../eval/lib/prng.js';

const AL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export function randStr(r: () => number, alphabet: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(r() * alphabet.length)];
  return s;
}
export const alnum = (r: () => number, n: number): string => randStr(r, AL, n);
export const hexStr = (r: () => number, n: number): string => randStr(r, '0123456789abcdef', n);

/** A GitHub token with a valid CRC32 checksum tail. */
export function githubToken(r: () => number, prefix = 'ghp_'): string {
  const body = alnum(r, 30);
  return prefix + body + base62(crc32(body), 6);
}

/** Luhn-completes `prefix` to `len` digits. */
export function luhnComplete(prefix: string, len: number, r: () => number): string {
  let s = prefix;
  while (s.length < len - 1) s += String(Math.floor(r() * 10));
  for (let d = 0; d < 10; d++) {
    const cand = s + d;
    let sum = 0;
    for (let i = 0; i < cand.length; i++) {
      let v = Number(cand[cand.length - 1 - i]);
      if (i % 2 === 1) {
        v *= 2;
        if (v > 9) v -= 9;
      }
      sum += v;
    }
    if (sum % 10 === 0) return cand;
  }
  throw new Error('unreachable');
}

/** The findings whose span is exactly `value` inside `text`. */
export function exact(findings: Finding[], text: string, value: string): Finding[] {
  return findings.filter((f) => text.slice(f.start, f.end) === value);
}
