/**
 * Personal data detectors. Shape alone is never enough: each candidate passes its checksum or
 * structural rule, and numbers without a distinctive layout also need a context word nearby (in the
 * 48 characters before them, or in the leaf's own JSON key).
 */
import { isIP } from 'node:net';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import {
  aadhaar, abaRouting, btcBase58, btcBech32, cnpj, cpf, ethEip55, iban, itin, nhs, paymentCard, sin, ssn, ukNino,
} from '../validators.js';
import type { RawHit } from './structured.js';

export const PII_TYPES = [
  'email', 'phone-number', 'credit-card', 'iban', 'us-ssn', 'us-itin', 'uk-nino', 'uk-nhs-number', 'ca-sin',
  'in-aadhaar', 'br-cpf', 'br-cnpj', 'aba-routing-number', 'passport-number', 'ip-address', 'mac-address',
  'crypto-wallet-btc', 'crypto-wallet-eth', 'date-of-birth',
] as const;
export type PiiType = (typeof PII_TYPES)[number];

export interface PiiOptions {
  readonly enabled: ReadonlySet<string>;
  readonly ipPublicOnly: boolean;
  readonly defaultRegion: CountryCode;
}

/**
 * The text plus the leaf's JSON key, for context-word checks. The key is derived from the path only
 * when a candidate needs context, so leaves without candidates pay nothing for it.
 */
export class ContextSource {
  text = '';
  private path = '';
  private lowerKey: string | null = null;

  reset(text: string, path: string): this {
    this.text = text;
    this.path = path;
    this.lowerKey = null;
    return this;
  }

  get key(): string {
    if (this.lowerKey === null) this.lowerKey = lowerKeyOf(this.path);
    return this.lowerKey;
  }
}

/** Last name segment of `$.a.b`, `$["a-b"]`, `$.a[3]`, camelCase split to snake_case, lower-cased. */
export function lowerKeyOf(path: string): string {
  let end = path.length;
  while (end > 0) {
    const c = path.charCodeAt(end - 1);
    if (c === 93) {
      const open = path.lastIndexOf('[', end - 1);
      if (open < 0) return '';
      const inner = path.slice(open + 1, end - 1);
      if (/^\d+$/.test(inner)) {
        end = open;
        continue;
      }
      return splitCamel(inner.replace(/^["']|["']$/g, ''));
    }
    let s = end;
    while (s > 0 && path.charCodeAt(s - 1) !== 46 && path.charCodeAt(s - 1) !== 93 && path.charCodeAt(s - 1) !== 36) s--;
    return splitCamel(path.slice(s, end));
  }
  return '';
}

function splitCamel(k: string): string {
  return k.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** `w` occurs in `hay`; words of four letters or fewer must stand alone (`sin` is not in `using`). */
function containsWord(hay: string, w: string): boolean {
  let i = hay.indexOf(w);
  if (w.length > 4) return i >= 0;
  while (i >= 0) {
    const before = i > 0 ? hay.charCodeAt(i - 1) : 32;
    const after = i + w.length < hay.length ? hay.charCodeAt(i + w.length) : 32;
    if (!isLetter(before) && !isLetter(after)) return true;
    i = hay.indexOf(w, i + 1);
  }
  return false;
}

function hasContext(src: ContextSource, pos: number, words: readonly string[]): boolean {
  for (const w of words) if (containsWord(src.key, w)) return true;
  const before = src.text.slice(Math.max(0, pos - 48), pos).toLowerCase();
  for (const w of words) if (containsWord(before, w)) return true;
  return false;
}

const SSN_WORDS = ['ssn', 'social security', 'social_security', 'socialsecurity', 'ss#', 'ss no'];
const ITIN_WORDS = ['itin', 'taxpayer', 'tax id', 'tax_id'];
const SIN_WORDS = ['sin', 'social insurance', 'social_insurance', 'nas'];
const NHS_WORDS = ['nhs', 'health service', 'patient'];
const AADHAAR_WORDS = ['aadhaar', 'aadhar', 'uidai', 'uid', 'आधार'];
const CPF_WORDS = ['cpf'];
const CNPJ_WORDS = ['cnpj'];
const ABA_WORDS = ['routing', 'aba', 'rtn', 'transit number', 'bank_routing'];
const PHONE_WORDS = ['phone', 'tel', 'mobile', 'cell', 'fax', 'whatsapp', 'contact', 'call', 'sms'];
const VERSION_WORDS = ['version', 'ver', 'v.', 'build', 'release', 'oid'];

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const groupLens = new Int32Array(16);

/**
 * Walks runs of digit groups (`4111 1111 1111 1111`, `123-45-6789`, `8.8.8.8`, `(415) 555-0132`) and
 * classifies each by digit count and layout.
 */
/**
 * Native pre-pass: stretches of digits and separators long enough to hold a phone number, an IPv4
 * address or an identifier. The tokenizer below only walks inside them.
 */
const NUMERIC_CANDIDATE = /\d[\d ./()-]{5,40}\d/g;

export function numericPii(src: ContextSource, o: PiiOptions, out: RawHit[]): void {
  const text = src.text;
  NUMERIC_CANDIDATE.lastIndex = 0;
  for (let m = NUMERIC_CANDIDATE.exec(text); m; m = NUMERIC_CANDIDATE.exec(text)) {
    numericRange(src, o, out, m.index, m.index + m[0].length);
  }
}

function numericRange(src: ContextSource, o: PiiOptions, out: RawHit[], from: number, to: number): void {
  const text = src.text;
  const n = to;
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isDigit(c)) {
      i++;
      continue;
    }
    const prev = i > 0 ? text.charCodeAt(i - 1) : 32;
    if (isAlnum(prev) || prev === 95) {
      // inside an identifier: skip the rest of this token
      while (i < n && (isAlnum(text.charCodeAt(i)) || text.charCodeAt(i) === 95)) i++;
      continue;
    }
    const start = i;
    let digits = 0;
    let groups = 0;
    let seps = 0; // bit 1 space, 2 dash, 4 dot, 8 slash
    let sepCount = 0;
    let glen = 0;
    let j = i;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (isDigit(d)) {
        digits++;
        glen++;
        j++;
        continue;
      }
      if (d === 41 && prev === 40 && groups === 0 && glen === 3 && text.charCodeAt(j + 1) === 32 && isDigit(text.charCodeAt(j + 2))) {
        // (415) 555-0132: the closing parenthesis and its space separate the area code
        groupLens[groups++] = glen;
        glen = 0;
        seps |= 1;
        j += 2;
        continue;
      }
      const isSep = d === 32 || d === 45 || d === 46 || d === 47;
      if (isSep && j + 1 < n && isDigit(text.charCodeAt(j + 1)) && glen > 0 && groups < 15) {
        groupLens[groups++] = glen;
        glen = 0;
        seps |= d === 32 ? 1 : d === 45 ? 2 : d === 46 ? 4 : 8;
        sepCount++;
        j++;
        continue;
      }
      break;
    }
    groupLens[groups++] = glen;
    const end = j;
    i = end;
    const next = end < text.length ? text.charCodeAt(end) : 32;
    if (isAlnum(next) || next === 95) continue;
    if (digits > 19 && seps !== 4) {
      // Too long for one identifier: try the space-separated pieces on their own next time.
      if (seps === 1 && groupLens[0]! <= 4) i = start + groupLens[0]! + 1;
      continue;
    }
    classify(src, o, out, start, end, digits, groups, seps, prev, next);
  }
}

function layout(groups: number, ...lens: number[]): boolean {
  if (groups !== lens.length) return false;
  for (let k = 0; k < groups; k++) if (groupLens[k] !== lens[k]) return false;
  return true;
}

function push(out: RawHit[], type: string, start: number, end: number, score: number, detail: string): void {
  out.push({ type, start, end, score, detail });
}

function classify(
  src: ContextSource, o: PiiOptions, out: RawHit[], start: number, end: number,
  digits: number, groups: number, seps: number, prev: number, next: number,
): void {
  const text = src.text;
  const on = o.enabled;
  // IPv4: four dotted groups of 1–3 digits.
  if (seps === 4 && groups === 4) {
    if (!on.has('ip-address')) return;
    if (prev === 46 || next === 46 && isDigit(text.charCodeAt(end + 1))) return;
    if (prev === 118 || prev === 86) return; // v1.2.3.4
    for (let k = 0; k < 4; k++) if (groupLens[k]! > 3) return;
    const ip = text.slice(start, end);
    if (isIP(ip) !== 4) return;
    if (o.ipPublicOnly && !isPublicIPv4(ip)) return;
    if (hasContext(src, start, VERSION_WORDS)) return;
    push(out, 'ip-address', start, end, 0.7, 'IPv4 address');
    return;
  }
  const plus = prev === 43;
  const paren = prev === 40;
  // Phone numbers written in international form.
  if (plus && digits >= 8 && digits <= 15 && (seps & ~3) === 0) {
    if (on.has('phone-number') && phoneValid(text.slice(start - 1, end), o)) push(out, 'phone-number', start - 1, end, 0.85, 'phone number (international form)');
    return;
  }
  if (digits >= 12 && digits <= 19 && (seps & ~3) === 0 && !plus && !paren) {
    if (on.has('credit-card')) {
      const uniform = groups === 1 || (seps !== 3 && groupsUniform(groups));
      if (uniform && paymentCard(text.slice(start, end))) {
        push(out, 'credit-card', start, end, 0.95, 'payment card number (Luhn and issuer range valid)');
        return;
      }
    }
    if (digits === 12 && on.has('in-aadhaar') && (groups === 1 || layout(groups, 4, 4, 4))) {
      const v = text.slice(start, end);
      if (aadhaar(v) && hasContext(src, start, AADHAAR_WORDS)) push(out, 'in-aadhaar', start, end, 0.9, 'Aadhaar number (Verhoeff valid)');
    }
    if (digits === 14 && on.has('br-cnpj') && groups === 1 && cnpj(text.slice(start, end)) && hasContext(src, start, CNPJ_WORDS)) {
      push(out, 'br-cnpj', start, end, 0.85, 'CNPJ (check digits valid)');
    }
    return;
  }
  if (digits === 14 && on.has('br-cnpj') && seps === (4 | 8 | 2) && layout(groups, 2, 3, 3, 4, 2)) {
    if (cnpj(text.slice(start, end))) push(out, 'br-cnpj', start, end, 0.9, 'CNPJ (check digits valid)');
    return;
  }
  if (digits === 11 && on.has('br-cpf')) {
    const v = text.slice(start, end);
    if ((seps === (4 | 2) && layout(groups, 3, 3, 3, 2)) || (groups === 1 && hasContext(src, start, CPF_WORDS))) {
      if (cpf(v)) {
        push(out, 'br-cpf', start, end, 0.9, 'CPF (check digits valid)');
        return;
      }
    }
  }
  if (digits === 9) {
    const v = text.slice(start, end);
    const ssnLayout = (seps === 2 || seps === 1) && layout(groups, 3, 2, 4);
    if (ssnLayout || groups === 1) {
      const ctx = groups === 1;
      if (on.has('us-ssn') && ssn(v) && (!ctx || hasContext(src, start, SSN_WORDS))) {
        push(out, 'us-ssn', start, end, ssnLayout ? 0.85 : 0.8, 'US social security number (area/group/serial valid)');
        return;
      }
      const itinCtx = hasContext(src, start, ITIN_WORDS);
      if (on.has('us-itin') && itin(v) && (itinCtx || (!ctx && !hasContext(src, start, SSN_WORDS)))) {
        push(out, 'us-itin', start, end, 0.85, 'US ITIN (group range valid)');
        return;
      }
    }
    const sinLayout = (seps === 2 || seps === 1) && layout(groups, 3, 3, 3);
    if (on.has('ca-sin') && (sinLayout || groups === 1) && sin(v) && hasContext(src, start, SIN_WORDS)) {
      push(out, 'ca-sin', start, end, 0.85, 'Canadian SIN (Luhn valid)');
      return;
    }
    if (on.has('aba-routing-number') && groups === 1 && abaRouting(v) && hasContext(src, start, ABA_WORDS)) {
      push(out, 'aba-routing-number', start, end, 0.8, 'ABA routing number (checksum valid)');
      return;
    }
  }
  if (digits === 10 && on.has('uk-nhs-number') && (groups === 1 || layout(groups, 3, 3, 4)) && (seps & ~3) === 0) {
    const v = text.slice(start, end);
    if (nhs(v) && hasContext(src, start, NHS_WORDS)) {
      push(out, 'uk-nhs-number', start, end, 0.85, 'NHS number (mod 11 valid)');
      return;
    }
  }
  // National phone numbers: (415) 555-0132, 415-555-0132, 415.555.0132, or bare digits next to a phone word.
  if (on.has('phone-number') && digits >= 10 && digits <= 11 && (seps & ~7) === 0) {
    const formatted =
      (paren && text.charCodeAt(start + 3) === 41) ||
      (groups === 3 && groupLens[0] === 3 && groupLens[1] === 3 && groupLens[2] === 4 && seps !== 1) ||
      (groups === 4 && groupLens[0] === 1 && groupLens[1] === 3 && groupLens[2] === 3 && groupLens[3] === 4);
    if (formatted || hasContext(src, start, PHONE_WORDS)) {
      const s0 = paren ? start - 1 : start;
      if (phoneValid(text.slice(s0, end), o)) push(out, 'phone-number', s0, end, formatted ? 0.8 : 0.75, 'phone number');
    }
  }
}

function groupsUniform(groups: number): boolean {
  // 4-4-4-4, 4-4-4-4-3, 4-6-5 (Amex), 4-6-4 (Diners)
  if (layout(groups, 4, 6, 5) || layout(groups, 4, 6, 4)) return true;
  for (let k = 0; k < groups - 1; k++) if (groupLens[k] !== 4) return false;
  return groupLens[groups - 1]! >= 1 && groupLens[groups - 1]! <= 4;
}

function phoneValid(s: string, o: PiiOptions): boolean {
  try {
    const p = parsePhoneNumberFromString(s, o.defaultRegion);
    return p !== undefined && p.isValid();
  } catch {
    return false;
  }
}

/** Not private, loopback, link-local, CGNAT, multicast, reserved, or documentation ranges. */
export function isPublicIPv4(ip: string): boolean {
  const p = ip.split('.').map(Number) as [number, number, number, number];
  const [a, b, c] = p;
  if (a === 0 || a === 10 || a === 127 || a >= 224) return false;
  if (a === 100 && b >= 64 && b <= 127) return false;
  if (a === 169 && b === 254) return false;
  if (a === 172 && b >= 16 && b <= 31) return false;
  if (a === 192 && b === 168) return false;
  if (a === 192 && b === 0 && (c === 0 || c === 2)) return false;
  if (a === 198 && (b === 18 || b === 19)) return false;
  if (a === 198 && b === 51 && c === 100) return false;
  if (a === 203 && b === 0 && c === 113) return false;
  return true;
}

// ── e-mail ───────────────────────────────────────────────────────────────────────────────

const FILE_TLDS = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'js', 'ts', 'mjs', 'cjs', 'json', 'css', 'map', 'txt', 'md', 'html', 'tsx', 'jsx', 'py', 'rb', 'go', 'rs', 'lock', 'yaml', 'yml', 'xml', 'zip', 'gz', 'tgz', 'pdf', 'ico', 'wasm', 'node']);

function isLocalCode(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
}

function isDomainCode(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 45;
}

/** An address at the `@` found at `at`. */
export function email(text: string, at: number, out: RawHit[]): void {
  let s = at;
  while (s > 0 && at - s < 64 && isLocalCode(text.charCodeAt(s - 1))) s--;
  if (s === at) return;
  while (s < at && text.charCodeAt(s) === 46) s++;
  let e = at + 1;
  while (e < text.length && e - at < 255 && isDomainCode(text.charCodeAt(e))) e++;
  while (e > at + 1 && (text.charCodeAt(e - 1) === 46 || text.charCodeAt(e - 1) === 45)) e--;
  if (e <= at + 1) return;
  const domain = text.slice(at + 1, e);
  const dot = domain.lastIndexOf('.');
  if (dot <= 0) return;
  const tld = domain.slice(dot + 1);
  if (!/^[A-Za-z]{2,24}$/.test(tld) || FILE_TLDS.has(tld.toLowerCase())) return;
  if (domain.includes('..')) return;
  if (s >= 1 && (text.charCodeAt(s - 1) === 47 || text.charCodeAt(s - 1) === 58)) return; // userinfo of a URL
  const local = text.slice(s, at);
  if (local.endsWith('.') || local === 'git') return;
  if (/^\d+x$/.test(local)) return;
  push(out, 'email', s, e, 0.9, 'e-mail address');
}

// ── regex-gated formats ──────────────────────────────────────────────────────────────────

const MAC_RE = /(?<![0-9A-Fa-f:-])[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}(?![0-9A-Fa-f:-])/g;
const IPV6_RE = /(?<![0-9A-Za-z:.])[23][0-9A-Fa-f]{0,3}:[0-9A-Fa-f:]{2,36}(?![0-9A-Za-z:]|\.\d)/g;
const BTC58_RE = /[13][1-9A-HJ-NP-Za-km-z]{25,34}/y;

/** IBANs and UK National Insurance numbers share a shape (two capitals, then digits): one pass for both. */
const IBAN_NINO_RE = /(?<![A-Za-z0-9])[A-Z]{2}(?:\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?| ?\d{2} ?\d{2} ?\d{2} ?[A-D])(?![A-Za-z0-9])/g;

export function ibanOrNino(text: string, on: ReadonlySet<string>, out: RawHit[]): void {
  IBAN_NINO_RE.lastIndex = 0;
  for (let m = IBAN_NINO_RE.exec(text); m; m = IBAN_NINO_RE.exec(text)) {
    const v = m[0];
    if (on.has('iban') && iban(v)) push(out, 'iban', m.index, m.index + v.length, 0.95, 'IBAN (mod 97 and country length valid)');
    else if (on.has('uk-nino') && ukNino(v)) push(out, 'uk-nino', m.index, m.index + v.length, 0.85, 'UK National Insurance number');
  }
}

export function macs(text: string, out: RawHit[]): void {
  MAC_RE.lastIndex = 0;
  for (let m = MAC_RE.exec(text); m; m = MAC_RE.exec(text)) {
    const v = m[0].toLowerCase();
    if (v === '00:00:00:00:00:00' || v === 'ff:ff:ff:ff:ff:ff' || v === '00-00-00-00-00-00' || v === 'ff-ff-ff-ff-ff-ff') continue;
    push(out, 'mac-address', m.index, m.index + m[0].length, 0.7, 'MAC address');
  }
}

export function ipv6s(text: string, o: PiiOptions, out: RawHit[]): void {
  IPV6_RE.lastIndex = 0;
  for (let m = IPV6_RE.exec(text); m; m = IPV6_RE.exec(text)) {
    const v = m[0];
    if (isIP(v) !== 6) continue;
    const low = v.toLowerCase();
    if (low.startsWith('2001:db8:') || low.startsWith('2001:0db8:')) continue; // documentation range
    if (!o.ipPublicOnly || /^[23]/.test(low)) push(out, 'ip-address', m.index, m.index + v.length, 0.7, 'IPv6 address');
  }
}

/** A legacy bitcoin address filling exactly the run [start, end). */
export function btcLegacy(text: string, start: number, end: number, out: RawHit[]): void {
  BTC58_RE.lastIndex = start;
  const m = BTC58_RE.exec(text);
  if (m && start + m[0].length === end && btcBase58(m[0])) push(out, 'crypto-wallet-btc', start, end, 0.9, 'bitcoin address (base58check valid)');
}

const ETH_RE = /0[xX][0-9a-fA-F]{40}(?![0-9a-zA-Z])/y;
const BECH32_RE = /[bB][cC]1[02-9ac-hj-np-zAC-HJ-NP-Z]{11,71}(?![A-Za-z0-9])/y;

export function ethAddress(text: string, at: number, out: RawHit[]): void {
  if (at > 0 && isAlnum(text.charCodeAt(at - 1))) return;
  ETH_RE.lastIndex = at;
  const m = ETH_RE.exec(text);
  if (m && ethEip55(m[0])) push(out, 'crypto-wallet-eth', at, at + 42, 0.9, 'ethereum address (EIP-55 checksum valid)');
}

export function bech32Address(text: string, at: number, out: RawHit[]): void {
  if (at > 0 && isAlnum(text.charCodeAt(at - 1))) return;
  BECH32_RE.lastIndex = at;
  const m = BECH32_RE.exec(text);
  if (m && btcBech32(m[0])) push(out, 'crypto-wallet-btc', at, at + m[0].length, 0.9, 'bitcoin segwit address (bech32 checksum valid)');
}

// ── context-word formats ─────────────────────────────────────────────────────────────────

const MONTHS = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DATE =
  `(\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{4}|\\d{4}/\\d{1,2}/\\d{1,2}|\\d{1,2}(?:st|nd|rd|th)? ${MONTHS}\\.?,? \\d{4}|${MONTHS}\\.? \\d{1,2}(?:st|nd|rd|th)?,? \\d{4})`;
const DOB_RE = new RegExp(`(?:dob|d\\.o\\.b\\.?|date[ _-]?of[ _-]?birth|birth(?:[ _-]?date|day)?|born(?: on)?|geburtsdatum|fecha de nacimiento|date de naissance)[^\\n\\d]{0,24}?${DATE}(?![0-9])`, 'iy');
const DOB_VALUE_RE = new RegExp(`\\s*${DATE}\\s*$`, 'iy');

function plausibleDate(s: string): boolean {
  const y = /(\d{4})/.exec(s);
  if (!y) return false;
  const year = Number(y[1]);
  if (year < 1900 || year > 2030) return false;
  const nums = s.match(/\d+/g) ?? [];
  for (const n of nums) {
    if (n.length === 4) continue;
    const v = Number(n.replace(/(st|nd|rd|th)$/, ''));
    if (v < 1 || v > 31) return false;
  }
  return true;
}

export function dateOfBirth(text: string, at: number, out: RawHit[]): void {
  if (at > 0 && isAlnum(text.charCodeAt(at - 1))) return;
  DOB_RE.lastIndex = at;
  const m = DOB_RE.exec(text);
  if (!m) return;
  const v = m[1]!;
  if (!plausibleDate(v)) return;
  const end = at + m[0].length;
  push(out, 'date-of-birth', end - v.length, end, 0.8, 'date of birth');
}

export function dateOfBirthValue(text: string, out: RawHit[]): void {
  DOB_VALUE_RE.lastIndex = 0;
  const m = DOB_VALUE_RE.exec(text);
  if (!m || !plausibleDate(m[1]!)) return;
  const start = text.indexOf(m[1]!);
  push(out, 'date-of-birth', start, start + m[1]!.length, 0.8, 'date of birth (by key name)');
}

const PASSPORT_RE = /(?:passport|reisepass|pasaporte|passeport)(?:[ _-]?(?:no\.?|num(?:ber)?|nr\.?|#|id))?[^A-Za-z0-9\n]{0,8}(?:is[ :]+)?([A-Z0-9]{6,9})(?![A-Za-z0-9])/iy;
const PASSPORT_VALUE_RE = /\s*([A-Z0-9]{6,9})\s*$/y;

function passportShape(v: string): boolean {
  let digits = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (isDigit(c)) digits++;
  }
  return digits >= 2 && v.length >= 7;
}

export function passport(text: string, at: number, out: RawHit[]): void {
  PASSPORT_RE.lastIndex = at;
  const m = PASSPORT_RE.exec(text);
  if (!m || !passportShape(m[1]!)) return;
  const end = at + m[0].length;
  push(out, 'passport-number', end - m[1]!.length, end, 0.8, 'passport number next to a passport label');
}

export function passportValue(text: string, out: RawHit[]): void {
  PASSPORT_VALUE_RE.lastIndex = 0;
  const m = PASSPORT_VALUE_RE.exec(text);
  if (!m || !passportShape(m[1]!)) return;
  const start = text.indexOf(m[1]!);
  push(out, 'passport-number', start, start + m[1]!.length, 0.8, 'passport number (by key name)');
}
