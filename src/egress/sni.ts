/**
 * Reads the server name from a TLS ClientHello without terminating TLS. Pure.
 *
 * The ClientHello may arrive split over several TCP segments and, rarely, over several TLS records;
 * `readClientHelloSni` is called with everything received so far and says whether it needs more.
 */

export type SniResult =
  | { state: 'need-more' }
  | { state: 'done'; sni: string | null }
  | { state: 'not-tls' | 'malformed'; reason: string };

/** A ClientHello larger than this is refused (real ones are a few hundred bytes to ~2 KiB). */
export const MAX_CLIENT_HELLO = 16 * 1024;

export function readClientHelloSni(buf: Buffer): SniResult {
  if (buf.length === 0) return { state: 'need-more' };
  if (buf[0] !== 0x16) return { state: 'not-tls', reason: 'first byte is not a TLS handshake record' };
  // Collect handshake bytes from consecutive handshake records.
  const parts: Buffer[] = [];
  let have = 0;
  let off = 0;
  let needed = -1;
  while (true) {
    if (buf.length < off + 5) return buf.length > MAX_CLIENT_HELLO + 5 ? { state: 'malformed', reason: 'too large' } : { state: 'need-more' };
    if (buf[off] !== 0x16) return { state: 'malformed', reason: 'non-handshake record inside ClientHello' };
    if (buf[off + 1] !== 0x03) return { state: 'malformed', reason: 'unknown record version' };
    const len = buf.readUInt16BE(off + 3);
    if (len === 0 || len > 16384) return { state: 'malformed', reason: 'bad record length' };
    if (buf.length < off + 5 + len) return { state: 'need-more' };
    parts.push(buf.subarray(off + 5, off + 5 + len));
    have += len;
    off += 5 + len;
    if (needed < 0 && have >= 4) {
      const hs = Buffer.concat(parts);
      if (hs[0] !== 0x01) return { state: 'malformed', reason: 'first handshake message is not ClientHello' };
      needed = 4 + ((hs[1] << 16) | (hs[2] << 8) | hs[3]);
      if (needed > MAX_CLIENT_HELLO) return { state: 'malformed', reason: 'ClientHello too large' };
    }
    if (needed >= 0 && have >= needed) break;
  }
  return parseClientHello(Buffer.concat(parts).subarray(0, needed));
}

function parseClientHello(hs: Buffer): SniResult {
  const bad = (reason: string): SniResult => ({ state: 'malformed', reason });
  let p = 4;
  const need = (n: number): boolean => p + n <= hs.length;
  if (!need(2 + 32)) return bad('short ClientHello');
  p += 2 + 32; // client_version, random
  if (!need(1)) return bad('short session id');
  p += 1 + hs[p];
  if (!need(2)) return bad('short cipher suites');
  p += 2 + hs.readUInt16BE(p);
  if (!need(1)) return bad('short compression methods');
  p += 1 + hs[p];
  if (p === hs.length) return { state: 'done', sni: null };
  if (!need(2)) return bad('short extensions');
  const extEnd = p + 2 + hs.readUInt16BE(p);
  p += 2;
  if (extEnd > hs.length) return bad('extensions overrun');
  let sni: string | null = null;
  let seen = false;
  while (p + 4 <= extEnd) {
    const type = hs.readUInt16BE(p);
    const len = hs.readUInt16BE(p + 2);
    p += 4;
    if (p + len > extEnd) return bad('extension overrun');
    if (type === 0) {
      // Two server_name extensions are a smuggling attempt (which one would the server use?).
      if (seen) return bad('duplicate server_name extension');
      seen = true;
      const end = p + len;
      if (len < 2) return bad('short server_name list');
      let q = p + 2;
      if (q + hs.readUInt16BE(p) !== end) return bad('server_name list length mismatch');
      while (q + 3 <= end) {
        const nameType = hs[q];
        const nameLen = hs.readUInt16BE(q + 1);
        q += 3;
        if (q + nameLen > end) return bad('server_name overrun');
        if (nameType === 0) {
          if (sni !== null) return bad('several host names in server_name');
          const raw = hs.subarray(q, q + nameLen);
          if (!raw.every((c) => c > 0x20 && c < 0x7f)) return bad('server_name is not printable ASCII');
          sni = raw.toString('ascii');
        }
        q += nameLen;
      }
    }
    p += len;
  }
  if (p !== extEnd) return bad('trailing bytes in extensions');
  return { state: 'done', sni };
}
