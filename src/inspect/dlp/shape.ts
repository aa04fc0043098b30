/**
 * Shape judgements shared by the rules: entropy, placeholders and documentation example values.
 * All of them work on a [start, end) range of a string so a candidate is judged without slicing it.
 */

const counts = new Int32Array(128);

/** Shannon entropy in bits per character of s[start, end). Non-ASCII characters share one bucket. */
export function entropy(s: string, start = 0, end = s.length): number {
  const n = end - start;
  if (n <= 0) return 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    counts[c < 128 ? c : 127]!++;
  }
  let h = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    const k = c < 128 ? c : 127;
    const f = counts[k]!;
    if (f > 0) {
      const p = f / n;
      h -= p * Math.log2(p);
      counts[k] = 0;
    }
  }
  return h;
}

const PLACEHOLDER_WORDS = [
  'example', 'sample', 'placeholder', 'your', 'changeme', 'change_me', 'replace', 'redacted', 'dummy',
  'xxxx', '****', '....', '<', '>', '${', '{{', '}}', '%(', '#{', 'insert', 'fake', 'notreal', 'not_real',
  'todo', 'fixme', 'secret_here', 'token_here', 'key_here', 'here>', 'env(', 'getenv', 'process.env',
  'os.environ', 'foobar', 'lorem', 'abcdefgh', '12345678', 'aaaaaaaa', '00000000', 'deadbeef',
  'test_key', 'testkey', 'testtoken', 'test-token', 'xxxxxx',
];

/**
 * True when the value is a template, a documentation placeholder or an obvious example: `${VAR}`,
 * `{{ secret }}`, `<your-token>`, `your-token-here`, `sk_test_xxx`, `AKIA…EXAMPLE`, runs of one char.
 */
export function isPlaceholder(s: string, start = 0, end = s.length): boolean {
  const n = end - start;
  if (n <= 0) return true;
  // One character repeated, or two characters alternating, is a mask, not a secret.
  let distinct = 0;
  let a = -1;
  let b = -1;
  let c3 = -1;
  for (let i = start; i < end && distinct < 4; i++) {
    const c = s.charCodeAt(i);
    if (c === a || c === b || c === c3) continue;
    distinct++;
    if (a < 0) a = c;
    else if (b < 0) b = c;
    else c3 = c;
  }
  if (distinct <= 3 && n >= 6) return true;
  const lower = s.slice(start, end).toLowerCase();
  for (const w of PLACEHOLDER_WORDS) if (lower.includes(w)) return true;
  if (/(?:0123456789|abcdefghij|qwertyuiop)/.test(lower)) return true;
  return false;
}

/** Longest run of one repeated character in s[start, end). */
export function longestRepeat(s: string, start = 0, end = s.length): number {
  let best = 0;
  let run = 0;
  let prev = -1;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    run = c === prev ? run + 1 : 1;
    prev = c;
    if (run > best) best = run;
  }
  return best;
}

/** Character-class mix of s[start, end): bit 1 lower, 2 upper, 4 digit, 8 other. */
export function charMix(s: string, start = 0, end = s.length): number {
  let m = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) m |= 1;
    else if (c >= 65 && c <= 90) m |= 2;
    else if (c >= 48 && c <= 57) m |= 4;
    else m |= 8;
  }
  return m;
}

export function popcount4(m: number): number {
  return (m & 1) + ((m >> 1) & 1) + ((m >> 2) & 1) + ((m >> 3) & 1);
}

/** 8-4-4-4-12 hex UUID. */
export function isUuid(s: string): boolean {
  return s.length === 36 && /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(s);
}

/**
 * A secret-looking token body: not a placeholder, and random enough for its length. Used by prefixed
 * rules to refuse `ghp_xxxxxxxx…`, `sk_test_1234567890abcdef…` and similar documentation values.
 */
export function randomEnough(s: string, start = 0, end = s.length, minBits = 3.0): boolean {
  if (isPlaceholder(s, start, end)) return false;
  const n = end - start;
  if (longestRepeat(s, start, end) > Math.max(4, n / 4)) return false;
  const want = n >= 32 ? minBits : n >= 16 ? minBits - 0.3 : minBits - 0.7;
  return entropy(s, start, end) >= want;
}
