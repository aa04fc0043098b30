/**
 * Airlock's DNS resolver for one sandbox, on the host end of its veth (UDP and TCP). It is the only
 * resolver the sandbox can reach: nftables redirects port 53 to any address here.
 *
 * It answers A queries for allowlisted names with addresses Airlock resolved itself and that the
 * address classifier accepts (CNAME chains are flattened: the sandbox sees only the final A records).
 * AAAA queries for allowlisted names get an empty answer, because sandboxes have no IPv6. Everything
 * else is NXDOMAIN; queries for non-allowlisted names that look like DNS tunnelling (TXT, ANY, NULL and
 * other data-carrying types, long or high-entropy labels) are REFUSED. Nothing outside the allowlist is
 * ever forwarded upstream, so a tunnel has nowhere to go; the distinction is there for the audit log.
 *
 * Failure contract: a policy getter that throws, an upstream that fails or a packet that cannot be
 * parsed gives SERVFAIL/FORMERR (never an answer), and every query is reported as an event. Names of
 * suspected tunnels are logged as zone + length + hash, never the encoded payload.
 */
import dgram from 'node:dgram';
import net from 'node:net';
import dnsPacket from 'dns-packet';
import type { Packet, Question } from 'dns-packet';
import { checkDialAddress, isMetadataName, type Cidr } from './address.js';
import { compileEgressPolicy, isNameAllowed, normalizeName, type EgressConfig, type EgressPolicy } from './config.js';
import { resolveForPolicy, type UpstreamResolver } from './resolve.js';
import type { EgressEvent } from './events.js';
import { looksLikeTunnel, loggableName } from './tunnel.js';

export { looksLikeTunnel, loggableName } from './tunnel.js';

const RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 } as const;
const QR_FLAGS = dnsPacket.RECURSION_AVAILABLE;

/** Query types that carry free-form data and are the usual tunnel carriers. */
const DATA_TYPES = new Set(['TXT', 'ANY', 'NULL', 'MX', 'SRV', 'CNAME', 'NS', 'SOA', 'PTR', 'HINFO', 'CAA', 'NAPTR', 'DNSKEY', 'OPT', 'RP', 'TLSA', 'SSHFP']);

export type DnsEvent = Omit<EgressEvent, 'server' | 'session' | 'at'>;

export interface EgressDnsOptions {
  policyGetter: () => EgressConfig;
  upstream: UpstreamResolver;
  /**
   * Receives every query's decision. It may return the promise of its record: an address is given
   * out only once that record is written (a failed record answers SERVFAIL); refusals are answered
   * at once.
   */
  onEvent: (e: DnsEvent) => unknown;
  /** Called with every A answer given for an allowlisted name (the non-HTTP port relays use it). */
  onAnswer?: (name: string, addresses: string[], ttl: number, policy: EgressPolicy) => Promise<void> | void;
  /** Addresses never given out whatever allowPrivate says (Airlock's egress pool). */
  never?: readonly Cidr[];
}

export interface EgressDns {
  listen(host: string, port: number): Promise<number>;
  close(): Promise<void>;
  /** Answers one wire-format query (exposed for tests and the UDP/TCP front ends). */
  handle(query: Buffer): Promise<Buffer | null>;
}

export function createEgressDns(opts: EgressDnsOptions): EgressDns {
  const reply = (q: Packet, rcode: number, answers: Packet['answers'] = []): Buffer =>
    dnsPacket.encode({
      type: 'response',
      id: q.id,
      flags: QR_FLAGS | ((q.flags ?? 0) & dnsPacket.RECURSION_DESIRED) | rcode,
      questions: q.questions,
      answers,
    });

  const handle = async (query: Buffer): Promise<Buffer | null> => {
    let q: Packet & { opcode?: string };
    try {
      q = dnsPacket.decode(query) as Packet & { opcode?: string };
    } catch {
      opts.onEvent({ kind: 'dns', name: '', port: null, ip: null, decision: 'deny', reason: 'malformed-query' });
      return null;
    }
    if (q.type !== 'query') return null;
    const questions = q.questions ?? [];
    if (questions.length !== 1 || (q.opcode && q.opcode !== 'QUERY')) {
      opts.onEvent({ kind: 'dns', name: '', port: null, ip: null, decision: 'deny', reason: 'unsupported-query' });
      return reply(q, RCODE.FORMERR);
    }
    const question = questions[0] as Question;
    const qtype = String(question.type);
    const rawName = String(question.name);
    const name = normalizeName(rawName);
    /** For refusals: answered at once whatever happens to the record (a failure reaches onSinkError). */
    const emit = (decision: 'allow' | 'deny', reason: string, shownName: string, ip: string | null = null): void => {
      try {
        void Promise.resolve(opts.onEvent({ kind: 'dns', name: shownName, port: null, ip, decision, reason, qtype })).catch(() => {});
      } catch {
        /* refused anyway */
      }
    };

    let policy: EgressPolicy;
    try {
      policy = compileEgressPolicy(opts.policyGetter());
    } catch {
      emit('deny', 'policy-unavailable', loggableName(rawName, true));
      return reply(q, RCODE.SERVFAIL);
    }

    if (!name || isMetadataName(name) || !isNameAllowed(name, policy)) {
      const suspect = DATA_TYPES.has(qtype) || looksLikeTunnel(rawName) || !name;
      if (suspect) {
        emit('deny', 'tunnel-suspect', loggableName(rawName, looksLikeTunnel(rawName) || !name));
        return reply(q, RCODE.REFUSED);
      }
      emit('deny', name && isMetadataName(name) ? 'metadata-name' : 'not-allowlisted', name ?? '');
      return reply(q, RCODE.NXDOMAIN);
    }

    if (qtype === 'AAAA') {
      emit('allow', 'no-ipv6-in-sandbox', name);
      return reply(q, RCODE.NOERROR);
    }
    if (qtype !== 'A') {
      emit('deny', 'qtype-not-served', name);
      return reply(q, RCODE.NOERROR);
    }
    let addresses: string[];
    let ttl: number;
    try {
      const r = await resolveForPolicy(name, policy, opts.upstream);
      ttl = r.ttl;
      addresses = r.addresses.filter((a) => net.isIPv4(a));
    } catch (err) {
      const code = (err as { code?: string }).code;
      const notFound = code === 'ENOTFOUND' || code === 'ENODATA';
      emit('deny', notFound ? 'upstream-nxdomain' : 'upstream-failed', name);
      return reply(q, notFound ? RCODE.NXDOMAIN : RCODE.SERVFAIL);
    }
    const usable: string[] = [];
    let refusal: { ip: string; reason: string } | null = null;
    for (const a of addresses) {
      const v = checkDialAddress(a, policy.allowPrivate, opts.never);
      if (v.ok) usable.push(v.address);
      else refusal ??= { ip: a, reason: v.reason };
    }
    if (usable.length === 0) {
      emit('deny', refusal?.reason ?? 'no-addresses', name, refusal?.ip ?? null);
      return reply(q, RCODE.NOERROR);
    }
    try {
      await opts.onAnswer?.(name, usable, ttl, policy);
    } catch {
      emit('deny', 'relay-setup-failed', name, usable[0]);
      return reply(q, RCODE.SERVFAIL);
    }
    try {
      await opts.onEvent({ kind: 'dns', name, port: null, ip: usable[0], decision: 'allow', reason: 'allowlisted', qtype });
    } catch {
      return reply(q, RCODE.SERVFAIL);
    }
    return reply(
      q,
      RCODE.NOERROR,
      usable.map((ip) => ({ type: 'A' as const, name: rawName, ttl, class: 'IN' as const, data: ip })),
    );
  };

  let udp: dgram.Socket | null = null;
  let tcp: net.Server | null = null;
  const conns = new Set<net.Socket>();

  return {
    handle,
    async listen(host, port) {
      udp = dgram.createSocket({ type: 'udp4', reuseAddr: false });
      const u = udp;
      u.on('message', (msg, rinfo) => {
        void handle(msg).then((out) => {
          if (out) u.send(out, rinfo.port, rinfo.address, () => {});
        });
      });
      await new Promise<void>((resolve, reject) => {
        u.once('error', reject);
        u.bind({ address: host, port, exclusive: true }, () => {
          u.removeListener('error', reject);
          // A send to a client that went away must not take the resolver down.
          u.on('error', () => {});
          resolve();
        });
      });
      const bound = u.address().port;
      tcp = net.createServer((s) => {
        conns.add(s);
        s.once('close', () => conns.delete(s));
        s.setTimeout(10_000, () => s.destroy());
        s.on('error', () => s.destroy());
        let buf = Buffer.alloc(0);
        s.on('data', (chunk: Buffer) => {
          buf = Buffer.concat([buf, chunk]);
          while (buf.length >= 2) {
            const len = buf.readUInt16BE(0);
            if (buf.length < 2 + len) break;
            const msg = buf.subarray(2, 2 + len);
            buf = buf.subarray(2 + len);
            void handle(Buffer.from(msg)).then((out) => {
              if (!out || s.destroyed) return;
              const head = Buffer.alloc(2);
              head.writeUInt16BE(out.length);
              s.write(Buffer.concat([head, out]));
            });
          }
        });
      });
      const t = tcp;
      await new Promise<void>((resolve, reject) => {
        t.once('error', reject);
        t.listen({ host, port: bound, exclusive: true }, () => {
          t.removeListener('error', reject);
          resolve();
        });
      });
      return bound;
    },
    async close() {
      for (const s of conns) s.destroy();
      await Promise.all([
        new Promise<void>((r) => (udp ? udp.close(() => r()) : r())),
        new Promise<void>((r) => (tcp?.listening ? tcp.close(() => r()) : r())),
      ]);
    },
  };
}
