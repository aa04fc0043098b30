/**
 * Address classifier for egress decisions. Pure: it never resolves or connects.
 *
 * It understands every spelling that a C library, a browser or Node's own `net` module would turn into
 * the same address, because an attacker picks whichever spelling slips past a naive check:
 * `2852039166`, `0xA9FEA9FE`, `0251.0376.0251.0376`, `169.254.43518` and `[::ffff:a9fe:a9fe]` are all
 * 169.254.169.254.
 *
 * Failure contract: anything that cannot be parsed as an address is `null` from the parsers and
 * `{ kind: 'invalid' }` from the classifier, which callers must treat as "not dialable".
 */

export type AddressKind =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'metadata'
  | 'unspecified'
  | 'multicast'
  | 'reserved'
  | 'invalid';

export interface ParsedAddress {
  family: 4 | 6;
  /** 4 or 16 bytes in network order. */
  bytes: Uint8Array;
}

export interface AddressClass {
  kind: AddressKind;
  /** Canonical text of the address that is actually reached (the embedded IPv4 for mapped forms). */
  canonical?: string;
  /** Set when the IPv6 text carried an IPv4 address (mapped, compatible, NAT64, 6to4). */
  embeddedIPv4?: string;
}

/** Names that cloud providers answer with their instance-metadata service. Denied by name, always. */
export const METADATA_NAMES: readonly string[] = [
  'metadata.google.internal',
  'metadata.goog',
  'metadata',
  'instance-data',
  'instance-data.ec2.internal',
  'metadata.azure.internal',
  'metadata.tencentyun.com',
  'metadata.platformequinix.com',
];

const METADATA_V4 = new Set(['169.254.169.254', '169.254.170.2', '100.100.100.200', '192.0.0.192', '169.254.169.123']);
const METADATA_V6 = new Set(['fd00:ec2::254', 'fd00:ec2::23']);

/** Is this name one that resolves to a cloud metadata service? Trailing dot and case are ignored. */
export function isMetadataName(name: string): boolean {
  const n = name.toLowerCase().replace(/\.$/, '');
  return METADATA_NAMES.includes(n);
}

function parseIPv4Part(part: string): number | null {
  if (part.length === 0) return null;
  let value: number;
  if (/^0[xX][0-9a-fA-F]*$/.test(part)) {
    // `0x` alone is 0 for inet_aton.
    value = part.length === 2 ? 0 : parseInt(part.slice(2), 16);
    if (part.length > 2 + 8 && !/^0[xX]0*[0-9a-fA-F]{1,8}$/.test(part)) return null;
  } else if (/^0[0-7]*$/.test(part)) {
    value = part.length === 1 ? 0 : parseInt(part.slice(1), 8);
  } else if (/^[1-9][0-9]*$/.test(part)) {
    if (part.length > 10) return null;
    value = parseInt(part, 10);
  } else {
    return null;
  }
  return Number.isFinite(value) ? value : null;
}

/**
 * Parses IPv4 the way inet_aton does: one to four parts, each decimal, octal (leading 0) or hex (0x),
 * the last part filling all remaining bytes. Returns null for anything else.
 */
export function parseIPv4Loose(text: string): Uint8Array | null {
  const s = text.trim();
  if (s.length === 0 || s.length > 64) return null;
  const parts = s.endsWith('.') ? s.slice(0, -1).split('.') : s.split('.');
  if (parts.length < 1 || parts.length > 4) return null;
  const nums: number[] = [];
  for (const p of parts) {
    const n = parseIPv4Part(p);
    if (n === null) return null;
    nums.push(n);
  }
  const last = nums[nums.length - 1];
  const leading = nums.slice(0, -1);
  if (leading.some((n) => n > 255)) return null;
  const remainingBytes = 4 - leading.length;
  if (last >= 2 ** (8 * remainingBytes)) return null;
  const out = new Uint8Array(4);
  leading.forEach((n, i) => (out[i] = n));
  for (let i = 0; i < remainingBytes; i++) {
    out[3 - i] = Math.floor(last / 2 ** (8 * i)) % 256;
  }
  return out;
}

/** Strict dotted-quad (what DNS answers and socket addresses look like). */
export function parseIPv4Strict(text: string): Uint8Array | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return null;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const part = m[i + 1];
    if (part.length > 1 && part.startsWith('0')) return null;
    const n = Number(part);
    if (n > 255) return null;
    out[i] = n;
  }
  return out;
}

/** Parses IPv6 text (optionally in brackets, with a dotted IPv4 tail). Zone ids are refused. */
export function parseIPv6(text: string): Uint8Array | null {
  let s = text.trim();
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  if (s.includes('%') || s.length === 0 || s.length > 64 || !s.includes(':')) return null;
  const words: number[] = [];
  let tail4: Uint8Array | null = null;
  const lastColon = s.lastIndexOf(':');
  const lastPart = s.slice(lastColon + 1);
  if (lastPart.includes('.')) {
    tail4 = parseIPv4Strict(lastPart);
    if (!tail4) return null;
    s = s.slice(0, lastColon + 1) + '0:0';
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const parseWords = (h: string): number[] | null => {
    if (h === '') return [];
    const out: number[] = [];
    for (const w of h.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(w)) return null;
      out.push(parseInt(w, 16));
    }
    return out;
  };
  const head = parseWords(halves[0]);
  if (!head) return null;
  if (halves.length === 2) {
    const tail = parseWords(halves[1]);
    if (!tail) return null;
    const fill = 8 - head.length - tail.length;
    if (fill < 1) return null;
    words.push(...head, ...new Array<number>(fill).fill(0), ...tail);
  } else {
    if (head.length !== 8) return null;
    words.push(...head);
  }
  const out = new Uint8Array(16);
  words.forEach((w, i) => {
    out[i * 2] = w >> 8;
    out[i * 2 + 1] = w & 0xff;
  });
  if (tail4) out.set(tail4, 12);
  return out;
}

/** Parses any textual address form a client could hand to connect(). Null for names. */
export function parseAddress(text: string): ParsedAddress | null {
  const v6 = parseIPv6(text);
  if (v6) return { family: 6, bytes: v6 };
  const v4 = parseIPv4Loose(text);
  if (v4) return { family: 4, bytes: v4 };
  return null;
}

/** True when the text is an address literal in any spelling (so it must never be treated as a name). */
export function isAddressLiteral(text: string): boolean {
  return parseAddress(text) !== null;
}

export function formatIPv4(b: Uint8Array): string {
  return `${b[0]}.${b[1]}.${b[2]}.${b[3]}`;
}

export function formatIPv6(b: Uint8Array): string {
  const words: number[] = [];
  for (let i = 0; i < 16; i += 2) words.push((b[i] << 8) | b[i + 1]);
  // Longest run of zero words (length >= 2) becomes `::` (RFC 5952).
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = words.map((w) => w.toString(16));
  if (bestStart < 0) return hex.join(':');
  const left = hex.slice(0, bestStart).join(':');
  const right = hex.slice(bestStart + bestLen).join(':');
  return `${left}::${right}`;
}

function inV4(b: Uint8Array, net: [number, number, number, number], prefix: number): boolean {
  for (let bit = 0; bit < prefix; bit++) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if ((b[byte] & mask) !== (net[byte] & mask)) return false;
  }
  return true;
}

function classifyV4(b: Uint8Array): AddressKind {
  const text = formatIPv4(b);
  if (METADATA_V4.has(text)) return 'metadata';
  if (inV4(b, [0, 0, 0, 0], 8)) return 'unspecified';
  if (inV4(b, [127, 0, 0, 0], 8)) return 'loopback';
  if (inV4(b, [169, 254, 0, 0], 16)) return 'link-local';
  if (inV4(b, [10, 0, 0, 0], 8) || inV4(b, [172, 16, 0, 0], 12) || inV4(b, [192, 168, 0, 0], 16)) return 'private';
  if (inV4(b, [100, 64, 0, 0], 10)) return 'private';
  if (inV4(b, [224, 0, 0, 0], 4)) return 'multicast';
  if (
    inV4(b, [240, 0, 0, 0], 4) ||
    inV4(b, [192, 0, 0, 0], 24) ||
    inV4(b, [192, 0, 2, 0], 24) ||
    inV4(b, [198, 51, 100, 0], 24) ||
    inV4(b, [203, 0, 113, 0], 24) ||
    inV4(b, [198, 18, 0, 0], 15) ||
    inV4(b, [192, 88, 99, 0], 24)
  )
    return 'reserved';
  return 'public';
}

function prefixMatch(a: Uint8Array, b: Uint8Array, prefix: number): boolean {
  for (let bit = 0; bit < prefix; bit++) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if ((a[byte] & mask) !== (b[byte] & mask)) return false;
  }
  return true;
}

const V6 = (t: string): Uint8Array => parseIPv6(t) as Uint8Array;
const V6_MAPPED = V6('::ffff:0:0');
const V6_TRANSLATED = V6('::ffff:0:0:0');
const V6_NAT64 = V6('64:ff9b::');
const V6_NAT64_LOCAL = V6('64:ff9b:1::');
const V6_6TO4 = V6('2002::');
const V6_ULA = V6('fc00::');
const V6_LINK_LOCAL = V6('fe80::');
const V6_SITE_LOCAL = V6('fec0::');
const V6_MULTICAST = V6('ff00::');
const V6_DOC = V6('2001:db8::');
const V6_ZERO = new Uint8Array(16);

/** The IPv4 address an IPv6 address delivers packets to, when it embeds one. */
function embeddedV4(b: Uint8Array): Uint8Array | null {
  if (prefixMatch(b, V6_MAPPED, 96) || prefixMatch(b, V6_TRANSLATED, 96) || prefixMatch(b, V6_NAT64, 96)) {
    return b.slice(12, 16);
  }
  if (prefixMatch(b, V6_NAT64_LOCAL, 48)) return b.slice(12, 16);
  // IPv4-compatible (deprecated ::a.b.c.d), but not :: and ::1 themselves.
  if (prefixMatch(b, V6_ZERO, 96) && (b[12] | b[13]) !== 0) return b.slice(12, 16);
  if (prefixMatch(b, V6_6TO4, 16)) return b.slice(2, 6);
  return null;
}

function classifyV6(b: Uint8Array): AddressClass {
  const text = formatIPv6(b);
  if (METADATA_V6.has(text)) return { kind: 'metadata', canonical: text };
  const v4 = embeddedV4(b);
  if (v4) {
    const v4text = formatIPv4(v4);
    return { kind: classifyV4(v4), canonical: v4text, embeddedIPv4: v4text };
  }
  if (b.every((x) => x === 0)) return { kind: 'unspecified', canonical: text };
  if (prefixMatch(b, V6_ZERO, 127) && b[15] === 1) return { kind: 'loopback', canonical: text };
  if (prefixMatch(b, V6_LINK_LOCAL, 10)) return { kind: 'link-local', canonical: text };
  if (prefixMatch(b, V6_ULA, 7) || prefixMatch(b, V6_SITE_LOCAL, 10)) return { kind: 'private', canonical: text };
  if (prefixMatch(b, V6_MULTICAST, 8)) return { kind: 'multicast', canonical: text };
  if (prefixMatch(b, V6_DOC, 32)) return { kind: 'reserved', canonical: text };
  // Only global unicast (2000::/3) is public; everything else unassigned is reserved.
  if ((b[0] & 0xe0) !== 0x20) return { kind: 'reserved', canonical: text };
  return { kind: 'public', canonical: text };
}

/** Classifies an address literal in any spelling. Names (not literals) are `invalid`. */
export function classifyAddress(text: string): AddressClass {
  const parsed = parseAddress(text);
  if (!parsed) return { kind: 'invalid' };
  if (parsed.family === 4) return { kind: classifyV4(parsed.bytes), canonical: formatIPv4(parsed.bytes) };
  return classifyV6(parsed.bytes);
}

export interface Cidr {
  family: 4 | 6;
  bytes: Uint8Array;
  prefix: number;
  text: string;
}

/** Parses `a.b.c.d/n` or `x::/n` (strict address spelling). A bare address is a host route. */
export function parseCidr(text: string): Cidr | null {
  const [addr, prefixText, extra] = text.trim().split('/');
  if (extra !== undefined) return null;
  const v4 = parseIPv4Strict(addr);
  const v6 = v4 ? null : parseIPv6(addr);
  const bytes = v4 ?? v6;
  if (!bytes) return null;
  const max = v4 ? 32 : 128;
  let prefix = max;
  if (prefixText !== undefined) {
    if (!/^\d{1,3}$/.test(prefixText)) return null;
    prefix = Number(prefixText);
    if (prefix > max) return null;
  }
  return { family: v4 ? 4 : 6, bytes, prefix, text: `${v4 ? formatIPv4(bytes) : formatIPv6(bytes)}/${prefix}` };
}

/** Does the CIDR contain this address? IPv4-mapped IPv6 addresses are compared as IPv4. */
export function cidrContains(cidr: Cidr, address: string): boolean {
  const parsed = parseAddress(address);
  if (!parsed) return false;
  let bytes = parsed.bytes;
  let family = parsed.family;
  if (family === 6) {
    const v4 = embeddedV4(bytes);
    if (v4 && cidr.family === 4) {
      bytes = v4;
      family = 4;
    }
  }
  if (family !== cidr.family) return false;
  return prefixMatch(bytes, cidr.bytes, cidr.prefix);
}

export type DialVerdict = { ok: true; address: string; kind: AddressKind } | { ok: false; kind: AddressKind; reason: string };

/**
 * May a connection be dialled to this address? Public addresses may; loopback, private, link-local,
 * metadata, unspecified, multicast and reserved ones only when an `allowPrivate` CIDR covers them.
 * A metadata address is only allowed by a CIDR that names exactly that host (/32 or /128), so a broad
 * `10.0.0.0/8`-style grant can never open the metadata service by accident.
 *
 * Addresses in `never` (Airlock's own egress pool: the host ends of sandbox veths) are refused even
 * when `allowPrivate` covers them, so a broad grant such as 10.0.0.0/8 cannot reach host services
 * through the proxy.
 *
 * Failure contract: unparseable input is refused; `address` in the ok result is the canonical form
 * to dial, so the caller never dials the attacker's spelling.
 */
export function checkDialAddress(address: string, allowPrivate: readonly Cidr[], never: readonly Cidr[] = []): DialVerdict {
  const cls = classifyAddress(address);
  if (cls.kind === 'invalid' || !cls.canonical) return { ok: false, kind: 'invalid', reason: 'not-an-address' };
  const reached = cls.embeddedIPv4 ?? cls.canonical;
  if (never.some((c) => cidrContains(c, reached))) return { ok: false, kind: cls.kind, reason: 'airlock-internal-address' };
  if (cls.kind === 'public') return { ok: true, address: cls.canonical, kind: cls.kind };
  const target = cls.embeddedIPv4 ?? cls.canonical;
  const covering = allowPrivate.filter((c) => cidrContains(c, target));
  const allowed =
    cls.kind === 'metadata' ? covering.some((c) => c.prefix === (c.family === 4 ? 32 : 128)) : covering.length > 0;
  if (allowed) return { ok: true, address: target, kind: cls.kind };
  return { ok: false, kind: cls.kind, reason: `${cls.kind}-address` };
}
