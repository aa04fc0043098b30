/**
 * Decoders for content hidden one layer down: backslash escapes (JSON embedded in a string, `\u`
 * runs, keys with escaped newlines), base64/base64url, hex and percent-encoding. Each decoder only
 * accepts output that reads as text, so images, compressed data and hashes are not rescanned.
 */

/** Decoded text plus, for every decoded index, the index in the source it came from. */
export interface Unescaped {
  text: string;
  /** map[i] = source index of decoded char i; map[text.length] = source end. */
  map: Int32Array;
}

function hexVal(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 32;
  if (l >= 97 && l <= 102) return l - 87;
  return -1;
}

/**
 * Decodes JSON/JS string escapes (`\n \r \t \" \\ \/ \b \f \uXXXX \xXX`). Returns null when the text
 * has none, so the caller can skip a rescan.
 */
export function unescape(src: string): Unescaped | null {
  let out = '';
  const map = new Int32Array(src.length + 1);
  let n = 0;
  let changed = false;
  let runStart = 0;
  let i = 0;
  const flushTo = (k: number): void => {
    if (k > runStart) {
      out += src.slice(runStart, k);
      for (let p = runStart; p < k; p++) map[n++] = p;
    }
  };
  while (i < src.length) {
    if (src.charCodeAt(i) !== 92 || i + 1 >= src.length) {
      i++;
      continue;
    }
    const e = src.charCodeAt(i + 1);
    let dec = -1;
    let len = 2;
    switch (e) {
      case 110: dec = 10; break;
      case 114: dec = 13; break;
      case 116: dec = 9; break;
      case 98: dec = 8; break;
      case 102: dec = 12; break;
      case 34: case 92: case 47: case 39: dec = e; break;
      case 117: {
        if (i + 5 < src.length + 0) {
          const a = hexVal(src.charCodeAt(i + 2)), b = hexVal(src.charCodeAt(i + 3)), c = hexVal(src.charCodeAt(i + 4)), d = hexVal(src.charCodeAt(i + 5));
          if (a >= 0 && b >= 0 && c >= 0 && d >= 0) {
            dec = (a << 12) | (b << 8) | (c << 4) | d;
            len = 6;
          }
        }
        break;
      }
      case 120: {
        const a = hexVal(src.charCodeAt(i + 2)), b = hexVal(src.charCodeAt(i + 3));
        if (a >= 0 && b >= 0) {
          dec = (a << 4) | b;
          len = 4;
        }
        break;
      }
      default:
        break;
    }
    if (dec < 0) {
      i += 2;
      continue;
    }
    flushTo(i);
    out += String.fromCharCode(dec);
    map[n++] = i;
    i += len;
    runStart = i;
    changed = true;
  }
  if (!changed) return null;
  flushTo(src.length);
  map[n] = src.length;
  return { text: out, map: map.subarray(0, n + 1) };
}

const B64 = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) B64['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;
B64[45] = 62; // '-' base64url
B64[95] = 63; // '_' base64url

function printableByte(b: number): boolean {
  return (b >= 32 && b < 127) || b === 9 || b === 10 || b === 13 || b >= 0xc2;
}

/**
 * Quick look at the first bytes a base64 run decodes to, without allocating: most runs that are not
 * encoded text (hashes, ids, image data) fail within the first twelve characters.
 */
export function base64LooksLikeText(s: string, start: number, end: number): boolean {
  const len = Math.min(end - start, 24) & ~3;
  if (len < 8) return false;
  // Hex with dashes (UUIDs, hashes) is an identifier, not encoded text.
  let lower = 0;
  let upper = 0;
  for (let i = start; i < start + len; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) lower++;
    else if (c >= 65 && c <= 90) upper++;
  }
  if (lower === 0 || upper === 0) return false;
  for (let i = start; i < start + len; i += 4) {
    const a = B64[s.charCodeAt(i)] ?? -1, b = B64[s.charCodeAt(i + 1)] ?? -1, c = B64[s.charCodeAt(i + 2)] ?? -1, d = B64[s.charCodeAt(i + 3)] ?? -1;
    if (a < 0 || b < 0) return false;
    // The first bytes of encoded text are ASCII: non-ASCII text starting a secret is rare enough.
    const b0 = (a << 2) | (b >> 4);
    if (!asciiText(b0)) return false;
    if (c >= 0 && !asciiText(((b & 15) << 4) | (c >> 2))) return false;
    if (c >= 0 && d >= 0 && !asciiText(((c & 3) << 6) | d)) return false;
  }
  return true;
}

function asciiText(b: number): boolean {
  return (b >= 32 && b < 127) || b === 9 || b === 10 || b === 13;
}

/** Decoded text when at least 95% of it is printable UTF-8, otherwise null. */
function asText(buf: Buffer): string | null {
  if (buf.length < 6) return null;
  const t = buf.toString('utf8');
  let bad = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127) bad++;
  }
  return bad <= t.length * 0.05 ? t : null;
}

export function decodeBase64(s: string, start: number, end: number): string | null {
  if (!base64LooksLikeText(s, start, end)) return null;
  const run = s.slice(start, end);
  const url = run.includes('-') || run.includes('_');
  return asText(Buffer.from(run, url ? 'base64url' : 'base64'));
}

export function isHexRun(s: string, start: number, end: number): boolean {
  if ((end - start) % 2 !== 0) return false;
  for (let i = start; i < end; i++) if (hexVal(s.charCodeAt(i)) < 0) return false;
  return true;
}

export function decodeHex(s: string, start: number, end: number): string | null {
  // First bytes must be printable before paying for the whole run.
  for (let i = start; i < Math.min(end, start + 16); i += 2) {
    const b = (hexVal(s.charCodeAt(i)) << 4) | hexVal(s.charCodeAt(i + 1));
    if (!printableByte(b)) return null;
  }
  return asText(Buffer.from(s.slice(start, end), 'hex'));
}

const PCT_RUN = /(?:[A-Za-z0-9._~+!*'()-]|%[0-9A-Fa-f]{2}){6,}/g;

/** Percent-encoded runs with at least three escapes, decoded. */
export function percentRuns(s: string, visit: (start: number, end: number, decoded: string) => void): void {
  // Matches are collected before visiting: `visit` rescans the decoded text, which reenters this
  // function and would otherwise reset the shared regex's position under the outer loop.
  const found: RegExpExecArray[] = [];
  PCT_RUN.lastIndex = 0;
  for (let m = PCT_RUN.exec(s); m; m = PCT_RUN.exec(s)) found.push(m);
  for (const m of found) {
    const run = m[0];
    let escapes = 0;
    for (let i = 0; i < run.length; i++) if (run.charCodeAt(i) === 37) escapes++;
    if (escapes < 3) continue;
    let dec: string;
    try {
      dec = decodeURIComponent(run.replace(/\+/g, ' '));
    } catch {
      continue;
    }
    visit(m.index, m.index + run.length, dec);
  }
}
