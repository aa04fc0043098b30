/**
 * Checksum and structure validators for personal data and checksummed tokens.
 *
 * Every validator takes the matched text (separators allowed where the format has them) and answers
 * whether it is structurally valid. They are plain TypeScript over char codes so that a shape match
 * that fails its checksum costs almost nothing and never allocates.
 */
import { createHash } from 'node:crypto';
import { keccak256Hex } from './keccak.js';

const D0 = 48;

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Copies the digits of `s` into `out` and returns how many there were (separators skipped). */
function collectDigits(s: string, out: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isDigitCode(c)) {
      if (n >= out.length) return -1;
      out[n++] = c - D0;
    }
  }
  return n;
}

const digitBuf = new Uint8Array(32);

/** Luhn (mod 10) over the digits of `s`. */
export function luhn(s: string): boolean {
  const n = collectDigits(s, digitBuf);
  if (n < 2) return false;
  let sum = 0;
  let dbl = false;
  for (let i = n - 1; i >= 0; i--) {
    let d = digitBuf[i]!;
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    dbl = !dbl;
  }
  return sum % 10 === 0;
}

function allSameDigit(n: number): boolean {
  for (let i = 1; i < n; i++) if (digitBuf[i] !== digitBuf[0]) return false;
  return true;
}

function prefixNum(n: number, len: number): number {
  let v = 0;
  for (let i = 0; i < len && i < n; i++) v = v * 10 + digitBuf[i]!;
  return v;
}

/**
 * Payment card: Luhn plus an issuer range (IIN) whose brand allows this length.
 * Ranges: Visa 4; Mastercard 51–55, 2221–2720; Amex 34, 37; Discover 6011, 644–649, 65, 622126–622925;
 * JCB 3528–3589; Diners 300–305, 36, 38–39; UnionPay 62, 81; Maestro 50, 56–58, 6; Mir 2200–2204.
 */
export function paymentCard(s: string): boolean {
  const n = collectDigits(s, digitBuf);
  if (n < 12 || n > 19) return false;
  if (allSameDigit(n)) return false;
  if (!luhn(s)) return false;
  const p1 = digitBuf[0]!;
  const p2 = prefixNum(n, 2);
  const p3 = prefixNum(n, 3);
  const p4 = prefixNum(n, 4);
  const p6 = prefixNum(n, 6);
  if (p1 === 4) return n === 13 || n === 16 || n === 19;
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n === 16;
  if (p2 === 34 || p2 === 37) return n === 15;
  if (p4 === 6011 || (p3 >= 644 && p3 <= 649) || p2 === 65 || (p6 >= 622126 && p6 <= 622925)) return n >= 16 && n <= 19;
  if (p4 >= 3528 && p4 <= 3589) return n >= 16 && n <= 19;
  if ((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38 || p2 === 39) return n >= 14 && n <= 19;
  if (p4 >= 2200 && p4 <= 2204) return n >= 16 && n <= 19;
  if (p2 === 62 || p2 === 81) return n >= 16 && n <= 19;
  // Maestro allows 12–15 digits too, but those lengths collide with order and account numbers.
  if (p2 === 50 || (p2 >= 56 && p2 <= 58) || p1 === 6) return n >= 16 && n <= 19;
  return false;
}

/** IBAN length per country (ISO 13616 registry). */
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28, CH: 21,
  CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FK: 18, FO: 18,
  FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26,
  IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, LY: 25, MC: 27, MD: 24,
  ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28, NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29,
  PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24, SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23,
  ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};

/** IBAN: country length and ISO 7064 mod 97-10 over the rearranged alphanumerics (spaces allowed). */
export function iban(s: string): boolean {
  let len = 0;
  let c0 = 0;
  let c1 = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 45) continue;
    if (len === 0) c0 = c;
    else if (len === 1) c1 = c;
    len++;
  }
  const want = IBAN_LENGTHS[String.fromCharCode(c0 & ~32, c1 & ~32)];
  if (want === undefined || want !== len) return false;
  // Rearranged: chars 4..end then 0..3; letters become two digits (A=10).
  let rem = 0;
  let seen = 0;
  const step = (c: number): boolean => {
    if (c >= 48 && c <= 57) rem = (rem * 10 + (c - 48)) % 97;
    else {
      const u = c & ~32;
      if (u < 65 || u > 90) return false;
      const v = u - 55;
      rem = (rem * 100 + v) % 97;
    }
    return true;
  };
  const chars: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 45) continue;
    chars.push(c);
  }
  for (let i = 4; i < chars.length; i++) if (!step(chars[i]!)) return false;
  for (let i = 0; i < 4; i++) if (!step(chars[i]!)) return false;
  seen = chars.length;
  return seen === len && rem === 1;
}

/**
 * US SSN: area 001–899 except 666, group 01–99, serial 0001–9999, and not one of the numbers that
 * were printed in advertising (078-05-1120, 219-09-9999) or the 987-65-4320..4329 range.
 */
export function ssn(s: string): boolean {
  const n = collectDigits(s, digitBuf);
  if (n !== 9) return false;
  const area = prefixNum(n, 3);
  const group = digitBuf[3]! * 10 + digitBuf[4]!;
  const serial = digitBuf[5]! * 1000 + digitBuf[6]! * 100 + digitBuf[7]! * 10 + digitBuf[8]!;
  if (area === 0 || area === 666 || area >= 900) return false;
  if (group === 0 || serial === 0) return false;
  if (area === 78 && group === 5 && serial === 1120) return false;
  if (area === 219 && group === 9 && serial === 9999) return false;
  if (area === 123 && group === 45 && serial === 6789) return false;
  return !allSameDigit(n);
}

/** US ITIN: 9XX-[50–65|70–88|90–92|94–99]-XXXX. */
export function itin(s: string): boolean {
  const n = collectDigits(s, digitBuf);
  if (n !== 9 || digitBuf[0] !== 9) return false;
  const g = digitBuf[3]! * 10 + digitBuf[4]!;
  return (g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || (g >= 94 && g <= 99);
}

const NINO_BAD_FIRST = 'DFIQUV';
const NINO_BAD_SECOND = 'DFIOQUV';
const NINO_BAD_PAIRS = new Set(['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ']);

/** UK National Insurance number: prefix rules, six digits, suffix A–D. */
export function ukNino(s: string): boolean {
  const t = s.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{6}[A-D]$/.test(t)) return false;
  if (NINO_BAD_FIRST.includes(t[0]!) || NINO_BAD_SECOND.includes(t[1]!)) return false;
  return !NINO_BAD_PAIRS.has(t.slice(0, 2));
}

/** NHS number: 10 digits, mod 11 with weights 10..2; a check value of 10 is never issued. */
export function nhs(s: string): boolean {
  const n = collectDigits(s, digitBuf);
  if (n !== 10 || allSameDigit(n)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += digitBuf[i]! * (10 - i);
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  if (check === 10) return false;
  return check === digitBuf[9];
}

/** Canadian SIN: 9 digits, Luhn, first digit not 0 or 8 (8 is unassigned, 0 is for tests). */
export function sin(s: string): boolean {
  const n = collectDigits(s, digitBuf);
  if (n !== 9 || digitBuf[0] === 0 || digitBuf[0] === 8 || allSameDigit(n)) return false;
  return luhn(s);
}

const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/** Verhoeff check over all digits (the last digit is the check digit). */
export function verhoeff(s: string): boolean {
  const n = collectDigits(s, digitBuf);
  if (n < 2) return false;
  let c = 0;
  for (let i = 0; i < n; i++) c = VERHOEFF_D[c]![VERHOEFF_P[i % 8]![digitBuf[n - 1 - i]!]!]!;
  return c === 0;
}

/** Aadhaar: 12 digits, first digit 2–9, Verhoeff. */
export function aadhaar(s: string): boolean {
  const n = collectDigits(s, digitBuf);
  if (n !== 12 || digitBuf[0]! < 2 || allSameDigit(n)) return false;
  return verhoeff(s);
}

/** Brazilian CPF: 11 digits, two mod-11 check digits, not all equal. */
export function cpf(s: string): boolean {
  const n = collectDigits(s, digitBuf);
  if (n !== 11 || allSameDigit(n)) return false;
  for (let k = 9; k <= 10; k++) {
    let sum = 0;
    for (let i = 0; i < k; i++) sum += digitBuf[i]! * (k + 1 - i);
    let d = (sum * 10) % 11;
    if (d === 10) d = 0;
    if (d !== digitBuf[k]) return false;
  }
  return true;
}

const CNPJ_W1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const CNPJ_W2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

/** Brazilian CNPJ: 14 digits, two weighted mod-11 check digits. */
export function cnpj(s: string): boolean {
  const n = collectDigits(s, digitBuf);
  if (n !== 14 || allSameDigit(n)) return false;
  const check = (w: number[], len: number): number => {
    let sum = 0;
    for (let i = 0; i < len; i++) sum += digitBuf[i]! * w[i]!;
    const r = sum % 11;
    return r < 2 ? 0 : 11 - r;
  };
  return check(CNPJ_W1, 12) === digitBuf[12] && check(CNPJ_W2, 13) === digitBuf[13];
}

/** ABA routing number: 9 digits, valid Federal Reserve prefix, 3-7-1 weighted checksum. */
export function abaRouting(s: string): boolean {
  const n = collectDigits(s, digitBuf);
  if (n !== 9 || allSameDigit(n)) return false;
  const p = digitBuf[0]! * 10 + digitBuf[1]!;
  if (!((p >= 0 && p <= 12) || (p >= 21 && p <= 32) || (p >= 61 && p <= 72) || p === 80)) return false;
  let sum = 0;
  const w = [3, 7, 1];
  for (let i = 0; i < 9; i++) sum += digitBuf[i]! * w[i % 3]!;
  return sum % 10 === 0;
}

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const B58_MAP = new Int8Array(128).fill(-1);
for (let i = 0; i < B58.length; i++) B58_MAP[B58.charCodeAt(i)] = i;

/** Decodes base58 to bytes, or null on an invalid character. */
export function base58Decode(s: string): Uint8Array | null {
  const bytes: number[] = [0];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? B58_MAP[c]! : -1;
    if (v < 0) return null;
    let carry = v;
    for (let j = 0; j < bytes.length; j++) {
      carry += bytes[j]! * 58;
      bytes[j] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  let zeros = 0;
  while (zeros < s.length && s.charCodeAt(zeros) === 49) zeros++;
  const out = new Uint8Array(zeros + bytes.length);
  for (let i = 0; i < bytes.length; i++) out[out.length - 1 - i] = bytes[i]!;
  return out;
}

function sha256(b: Uint8Array): Buffer {
  return createHash('sha256').update(b).digest();
}

/** Bitcoin legacy address (P2PKH version 0x00, P2SH 0x05): base58check with a 25-byte payload. */
export function btcBase58(s: string): boolean {
  const raw = base58Decode(s);
  if (!raw) return false;
  // Normalise to exactly 25 bytes (leading zero bytes of the big-integer decoding are not significant).
  let b = raw;
  while (b.length > 25 && b[0] === 0) b = b.subarray(1);
  if (b.length !== 25) return false;
  if (b[0] !== 0x00 && b[0] !== 0x05) return false;
  const h = sha256(sha256(b.subarray(0, 21)));
  return h[0] === b[21] && h[1] === b[22] && h[2] === b[23] && h[3] === b[24];
}

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const BECH32_MAP = new Int8Array(128).fill(-1);
for (let i = 0; i < BECH32.length; i++) BECH32_MAP[BECH32.charCodeAt(i)] = i;

function bech32Polymod(values: number[]): number {
  const G = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const b = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((b >>> i) & 1) chk ^= G[i]!;
  }
  return chk >>> 0;
}

/** Bitcoin segwit address: bech32 (witness v0) or bech32m (v1+) with the `bc` prefix (BIP-173/350). */
export function btcBech32(s: string): boolean {
  const lower = s.toLowerCase();
  if (lower !== s && s.toUpperCase() !== s) return false;
  const pos = lower.lastIndexOf('1');
  if (pos < 1 || lower.length - pos < 7 || lower.length > 90) return false;
  const hrp = lower.slice(0, pos);
  if (hrp !== 'bc') return false;
  const data: number[] = [];
  for (let i = pos + 1; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    const v = c < 128 ? BECH32_MAP[c]! : -1;
    if (v < 0) return false;
    data.push(v);
  }
  const values: number[] = [];
  for (let i = 0; i < hrp.length; i++) values.push(hrp.charCodeAt(i) >> 5);
  values.push(0);
  for (let i = 0; i < hrp.length; i++) values.push(hrp.charCodeAt(i) & 31);
  const pm = bech32Polymod(values.concat(data));
  const witver = data[0]!;
  if (witver === 0) return pm === 1 && (lower.length === 42 || lower.length === 62);
  return pm === 0x2bc830a3 && witver <= 16;
}

/**
 * Ethereum address with an EIP-55 checksum: the case of each hex letter must follow keccak256 of the
 * lower-case address. All-lower or all-upper addresses carry no checksum and are not accepted here.
 */
export function ethEip55(s: string): boolean {
  if (s.length !== 42 || s.charCodeAt(0) !== 48 || (s.charCodeAt(1) | 32) !== 120) return false;
  const body = s.slice(2);
  const lower = body.toLowerCase();
  if (lower === body || body.toUpperCase() === body) return false;
  const hash = keccak256Hex(lower);
  for (let i = 0; i < 40; i++) {
    const c = body.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    const upper = c >= 65 && c <= 70;
    const nib = parseInt(hash[i]!, 16);
    if ((nib >= 8) !== upper) return false;
  }
  return true;
}

/** CRC32 (IEEE) of an ASCII string, used by GitHub's token checksum tail. */
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(s: string, start = 0, end = s.length): number {
  let crc = 0xffffffff;
  for (let i = start; i < end; i++) crc = CRC_TABLE[(crc ^ s.charCodeAt(i)) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Base62-encodes `n`, left-padded with `0` to `width`. */
export function base62(n: number, width: number): string {
  let out = '';
  let v = n;
  while (v > 0) {
    out = B62[v % 62] + out;
    v = Math.floor(v / 62);
  }
  return out.padStart(width, '0');
}

/**
 * GitHub token checksum tail: the last 6 characters of the 36-character body are the base62 CRC32
 * of the first 30. `token` is the whole token including its `ghX_` prefix.
 */
export function githubChecksum(token: string): boolean {
  const us = token.indexOf('_');
  if (us < 0) return false;
  const body = token.slice(us + 1);
  if (body.length !== 36) return false;
  return base62(crc32(body, 0, 30), 6) === body.slice(30);
}

/** A JWT whose header is base64url JSON naming an algorithm. */
export function jwtHeader(token: string): boolean {
  const dot = token.indexOf('.');
  if (dot < 4) return false;
  try {
    const header = Buffer.from(token.slice(0, dot), 'base64url').toString('utf8');
    const h = JSON.parse(header) as unknown;
    return typeof h === 'object' && h !== null && typeof (h as Record<string, unknown>).alg === 'string';
  } catch {
    return false;
  }
}

/** HTTP Basic credentials: base64 of printable `user:password`. */
export function basicAuth(b64: string): boolean {
  if (b64.length < 8) return false;
  const dec = Buffer.from(b64, 'base64').toString('latin1');
  const colon = dec.indexOf(':');
  if (colon < 1 || colon === dec.length - 1) return false;
  for (let i = 0; i < dec.length; i++) {
    const c = dec.charCodeAt(i);
    if (c < 32 || c > 126) return false;
  }
  return true;
}

/** Validators custom rules may name in config. */
export const namedValidators = {
  luhn,
  'payment-card': paymentCard,
  iban,
  ssn,
  itin,
  'uk-nino': ukNino,
  nhs,
  sin,
  verhoeff,
  aadhaar,
  cpf,
  cnpj,
  aba: abaRouting,
  'btc-base58': btcBase58,
  'btc-bech32': btcBech32,
  'eth-eip55': ethEip55,
  jwt: jwtHeader,
} as const satisfies Record<string, (s: string) => boolean>;

export type ValidatorName = keyof typeof namedValidators;
export const validatorNames = Object.keys(namedValidators) as ValidatorName[];
