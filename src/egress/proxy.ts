/**
 * The egress proxy: an explicit HTTP proxy (CONNECT and absolute-URI requests) and transparent
 * listeners for TCP 80 and 443 redirected by nftables, where the destination name comes from the HTTP
 * Host header or the TLS SNI. TLS is never terminated: Airlock decides on names, not payloads.
 *
 * The proxy does not decide anything itself. `filter` returns the decision including the exact address
 * to dial (resolved by Airlock, checked by the address classifier); the proxy dials that literal, so
 * nothing the sandbox says about addresses is ever used.
 *
 * Failure contract: a filter that throws or rejects is a denial; a request whose name cannot be read
 * (no Host, no SNI, malformed ClientHello, oversized headers, slow client) is a denial; every decision
 * is reported through `onEvent` before any byte is relayed.
 */
import http from 'node:http';
import net from 'node:net';
import type { EgressEvent, EgressEventKind } from './events.js';
import type { ConnectionDecision } from './decide.js';
import { readClientHelloSni } from './sni.js';

export interface ProxyRequest {
  kind: Exclude<EgressEventKind, 'dns' | 'tcp'>;
  name: string;
  port: number;
}

export type ProxyFilter = (req: ProxyRequest) => Promise<ConnectionDecision>;
export type ProxyEvent = Omit<EgressEvent, 'server' | 'session' | 'at'>;

export interface EgressProxyOptions {
  filter: ProxyFilter;
  /**
   * Receives every decision. It may return the promise of its record: an allowed connection is dialled
   * at once but relays no byte until that promise resolves, and is closed if it rejects.
   */
  onEvent: (e: ProxyEvent) => unknown;
  /** Milliseconds a client may take to send its request head or ClientHello. */
  headerTimeoutMs?: number;
  /** Milliseconds to establish the upstream connection. */
  dialTimeoutMs?: number;
}

export interface ListenAddresses {
  host: string;
  /** Explicit proxy (HTTP_PROXY) port; 0 picks a free port. */
  explicitPort: number;
  /** Transparent plain-HTTP port (target of the dport 80 redirect). */
  httpPort: number;
  /** Transparent TLS port (target of the dport 443 redirect). */
  tlsPort: number;
}

export interface EgressProxy {
  listen(addr: ListenAddresses): Promise<ListenAddresses>;
  /** Serves the explicit proxy on a Unix socket too (the bwrap tier bridges to it). */
  listenUnix(path: string): Promise<string>;
  close(): Promise<void>;
}

const MAX_HEAD = 16 * 1024;
/**
 * Read size for upstream sockets. Larger than libuv's 64 KiB default so a fast download is relayed
 * in fewer, larger reads and writes (fewer syscalls and callbacks per byte).
 */
const UPSTREAM_READ_BYTES = 256 * 1024;
const BAD_GATEWAY = 'HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n';
const AUDIT_FAILED = 'HTTP/1.1 503 Service Unavailable\r\nX-Airlock-Egress: refused; reason=audit-unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n';

/** An upstream socket whose reads go to `sink` once it is spliced to a client. */
interface Upstream {
  socket: net.Socket;
  sink: ((n: number, buf: Uint8Array) => boolean) | null;
  /** The current read buffer, and whether its bytes now belong to a pending write. */
  buffer: Buffer;
  handedOver: boolean;
}
const EMPTY = Buffer.alloc(0);
/**
 * Write queue allowed per client socket before the upstream is paused. With the default 16 KiB every
 * 256 KiB read stopped the upstream until the client had drained it all (stop-and-go); a deeper queue
 * keeps both legs moving. Bounded: at most this plus one read buffer per connection.
 */
const CLIENT_HIGH_WATER_MARK = 1024 * 1024;
/** Reads at least this large are handed to the client's write queue instead of copied. */
const HAND_OVER_BYTES = 16 * 1024;

/**
 * Free upstream read buffers, shared by every connection of the process. A fresh 256 KiB buffer per
 * read would fault in new pages and drive the garbage collector (measured: GC was the largest CPU
 * cost of a download); a buffer comes back here only once the kernel has taken all its bytes (the
 * write's callback) or its socket has closed, so no buffer is ever reused while still in use.
 */
const freeReadBuffers: Buffer[] = [];
const MAX_FREE_READ_BUFFERS = 64;
function takeReadBuffer(): Buffer {
  return freeReadBuffers.pop() ?? Buffer.allocUnsafeSlow(UPSTREAM_READ_BYTES);
}
function giveBackReadBuffer(b: Buffer): void {
  if (b.length === UPSTREAM_READ_BYTES && freeReadBuffers.length < MAX_FREE_READ_BUFFERS) freeReadBuffers.push(b);
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function';
}

function splitHostPort(target: string): { host: string; port: number } | null {
  const m = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(target);
  if (!m) return null;
  const port = Number(m[2]);
  if (port < 1 || port > 65535) return null;
  return { host: m[1], port };
}

async function safeFilter(filter: ProxyFilter, req: ProxyRequest): Promise<ConnectionDecision> {
  try {
    return await filter(req);
  } catch {
    return { allow: false, name: req.name, port: req.port, ip: null, reason: 'filter-error' };
  }
}

export function createEgressProxy(opts: EgressProxyOptions): EgressProxy {
  const headerTimeoutMs = opts.headerTimeoutMs ?? 10_000;
  const dialTimeoutMs = opts.dialTimeoutMs ?? 10_000;
  const sockets = new Set<net.Socket>();
  const track = (s: net.Socket): void => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  };

  /**
   * Hands the decision to the sink. Returns null when the sink recorded it synchronously, else the
   * promise of the record; a sink that throws gives a rejected promise (the caller closes the connection).
   */
  const report = (kind: ProxyEvent['kind'], d: ConnectionDecision): Promise<unknown> | null => {
    try {
      const r = opts.onEvent({ kind, name: d.name, port: d.port, ip: d.ip, decision: d.allow ? 'allow' : 'deny', reason: d.reason });
      return isThenable(r) ? Promise.resolve(r) : null;
    } catch (err) {
      return Promise.reject(err);
    }
  };
  /** A denial is answered at once; its record failing cannot open anything, so it is only awaited for errors. */
  const reportDenial = (kind: ProxyEvent['kind'], d: ConnectionDecision): void => {
    void report(kind, d)?.catch(() => {});
  };

  /**
   * Dials exactly the decided address as soon as the decision is known, while its audit record is
   * still being written. `onUp` runs only when both the upstream socket is connected and the record
   * is written; a record that fails destroys the upstream socket and calls `onFail('audit')`, so no
   * byte is ever relayed for a connection the audit log does not hold.
   *
   * The upstream socket reads into one large buffer (`onread`) and stays paused until `splice`.
   */
  const dial = (
    ip: string,
    port: number,
    recorded: Promise<unknown> | null,
    onUp: (up: Upstream) => void,
    onFail: (why: 'dial' | 'audit') => void,
  ): void => {
    const upstream: Upstream = { socket: null as unknown as net.Socket, sink: null, buffer: EMPTY, handedOver: true };
    const up = net.connect({
      host: ip,
      port,
      family: net.isIPv6(ip) ? 6 : 4,
      noDelay: true,
      onread: {
        // A buffer whose bytes were handed to the client's write queue is replaced; otherwise reused.
        buffer: () => {
          if (upstream.handedOver) {
            upstream.buffer = takeReadBuffer();
            upstream.handedOver = false;
          }
          return upstream.buffer;
        },
        callback: (n, buf) => (upstream.sink ? upstream.sink(n, buf) : false),
      },
    });
    upstream.socket = up;
    up.pause();
    track(up);
    // The read buffer still owned by the socket goes back once the handle is closed.
    up.once('close', () => {
      if (!upstream.handedOver) giveBackReadBuffer(upstream.buffer);
      upstream.handedOver = true;
      upstream.buffer = EMPTY;
    });
    // Once handed to `onUp`, the connection's failures are the splice's to handle, not the dial's.
    let settled = false;
    const fail = (why: 'dial' | 'audit'): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      up.destroy();
      onFail(why);
    };
    const ready = (): void => {
      if (settled) return;
      settled = true;
      onUp(upstream);
    };
    const timer = setTimeout(() => fail('dial'), dialTimeoutMs);
    recorded?.catch(() => fail('audit'));
    up.once('error', () => fail('dial'));
    up.once('connect', () => {
      clearTimeout(timer);
      if (!recorded) ready();
      else recorded.then(ready, () => fail('audit'));
    });
  };

  /**
   * Joins client and upstream. Upstream → client (the bulk of a download) is written from the
   * upstream's read buffers in chunks of up to UPSTREAM_READ_BYTES, with backpressure from the client;
   * client → upstream is an ordinary pipe. The client closing, or either side failing, closes both.
   */
  const splice = (client: net.Socket, upstream: Upstream, initial: Buffer | null): void => {
    const up = upstream.socket;
    // The client may have gone while the upstream was being dialled.
    if (client.destroyed) {
      up.destroy();
      return;
    }
    if (initial && initial.length > 0) up.write(initial);
    const resumeUp = (): void => void up.resume();
    upstream.sink = (n, buf) => {
      let written: boolean;
      if (n >= HAND_OVER_BYTES) {
        // Large reads are written from the read buffer itself (no copy); the next read takes another
        // buffer, and this one returns to the pool once the kernel has all of it (never on error).
        const owner = upstream.buffer;
        upstream.handedOver = true;
        written = client.write(Buffer.from(buf.buffer, buf.byteOffset, n), (err) => err || giveBackReadBuffer(owner));
      } else {
        const chunk = Buffer.allocUnsafe(n);
        chunk.set(buf.subarray(0, n));
        written = client.write(chunk);
      }
      if (written) return true;
      client.once('drain', resumeUp);
      return false;
    };
    // An upstream that finished cleanly (FIN) leaves the client to receive what is still queued for
    // it, then its FIN; only an upstream that broke off (error, reset) takes the client down at once.
    let upEnded = false;
    up.once('end', () => {
      upEnded = true;
      client.end();
    });
    client.pipe(up);
    const end = (): void => {
      client.destroy();
      up.destroy();
    };
    client.once('error', end);
    up.once('error', end);
    client.once('close', end);
    up.once('close', () => {
      if (!upEnded) client.destroy();
    });
    up.resume();
  };

  // ---- explicit proxy ---------------------------------------------------------------------------
  /** One explicit proxy server; a second one serves the Unix socket of the bwrap bridge. */
  const makeExplicit = (): http.Server => {
    const server = http.createServer({ requestTimeout: 0, headersTimeout: headerTimeoutMs, highWaterMark: CLIENT_HIGH_WATER_MARK });
    server.on('connection', (s: net.Socket) => {
      track(s);
      s.setNoDelay(true);
    });
    server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
      client.on('error', () => client.destroy());
      const target = splitHostPort(req.url ?? '');
      const name = target?.host ?? (req.url ?? '').slice(0, 255);
      const port = target?.port ?? 0;
      void safeFilter(opts.filter, { kind: 'connect', name, port }).then((d) => {
        if (!d.allow) {
          reportDenial('connect', d);
          client.end(`HTTP/1.1 403 Forbidden\r\nX-Airlock-Egress: denied; reason=${d.reason}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
          return;
        }
        dial(
          d.ip,
          d.port,
          report('connect', d),
          (up) => {
            client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
            splice(client, up, head);
          },
          (why) => client.end(why === 'audit' ? AUDIT_FAILED : BAD_GATEWAY),
        );
      });
    });
    server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
      let url: URL | null = null;
      try {
        url = new URL(req.url ?? '');
      } catch {
        url = null;
      }
      if (!url || url.protocol !== 'http:') {
        const d: ConnectionDecision = { allow: false, name: (req.url ?? '').slice(0, 255), port: 0, ip: null, reason: 'not-absolute-http-uri' };
        report('http', d);
        res.writeHead(400, { 'x-airlock-egress': `denied; reason=${d.reason}`, connection: 'close' }).end();
        return;
      }
      const u = url;
      const port = u.port ? Number(u.port) : 80;
      void safeFilter(opts.filter, { kind: 'http', name: u.hostname, port }).then(async (d) => {
        if (!d.allow) {
          reportDenial('http', d);
          res.writeHead(403, { 'x-airlock-egress': `denied; reason=${d.reason}`, connection: 'close', 'content-length': '0' }).end();
          return;
        }
        try {
          await report('http', d);
        } catch {
          res.writeHead(503, { 'x-airlock-egress': 'refused; reason=audit-unavailable', connection: 'close', 'content-length': '0' }).end();
          return;
        }
        const headers: http.OutgoingHttpHeaders = { ...req.headers, host: u.host };
        delete headers['proxy-connection'];
        delete headers['proxy-authorization'];
        const upReq = http.request({
          host: d.ip,
          port: d.port,
          method: req.method,
          path: `${u.pathname}${u.search}`,
          headers,
          setHost: false,
          agent: false,
          timeout: dialTimeoutMs,
        });
        upReq.once('response', (upRes) => {
          res.writeHead(upRes.statusCode ?? 502, upRes.headers);
          upRes.pipe(res);
        });
        upReq.once('timeout', () => upReq.destroy(new Error('upstream timeout')));
        upReq.once('error', () => {
          if (!res.headersSent) res.writeHead(502, { connection: 'close' });
          res.end();
        });
        req.pipe(upReq);
      });
    });
    return server;
  };
  const explicit = makeExplicit();

  // ---- transparent listeners ------------------------------------------------------------------
  /** Reads from a fresh socket until `parse` can decide, then hands over the bytes read so far. */
  const readHead = (
    client: net.Socket,
    parse: (buf: Buffer) => { done: true; name: string | null; reason?: string } | { done: false },
    onHead: (name: string | null, buf: Buffer, reason?: string) => void,
  ): void => {
    let buf: Buffer = Buffer.alloc(0);
    const timer = setTimeout(() => finish(null, 'head-timeout'), headerTimeoutMs);
    let finished = false;
    const finish = (name: string | null, reason?: string): void => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      client.removeListener('data', onData);
      client.pause();
      onHead(name, buf, reason);
    };
    const onData = (chunk: Buffer): void => {
      buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
      const r = parse(buf);
      if (r.done) finish(r.name, r.reason);
      else if (buf.length > MAX_HEAD + 5) finish(null, 'head-too-large');
    };
    client.on('data', onData);
    client.once('end', () => finish(null, 'client-ended'));
    client.on('error', () => {
      finished = true;
      clearTimeout(timer);
      client.destroy();
    });
  };

  const transparent = (kind: 'http' | 'tls', port: number) =>
    net.createServer({ highWaterMark: CLIENT_HIGH_WATER_MARK }, (client) => {
      track(client);
      client.setNoDelay(true);
      const parse =
        kind === 'tls'
          ? (buf: Buffer) => {
              const r = readClientHelloSni(buf);
              if (r.state === 'need-more') return { done: false as const };
              if (r.state === 'done') return { done: true as const, name: r.sni, reason: r.sni ? undefined : 'no-sni' };
              return { done: true as const, name: null, reason: r.state === 'not-tls' ? 'not-tls' : 'malformed-client-hello' };
            }
          : (buf: Buffer) => parseHttpHost(buf);
      readHead(client, parse, (name, buf, reason) => {
        const decided: Promise<ConnectionDecision> =
          name === null
            ? Promise.resolve({ allow: false, name: '', port, ip: null, reason: reason ?? 'no-name' })
            : safeFilter(opts.filter, { kind, name, port });
        void decided.then((d) => {
          if (!d.allow) {
            reportDenial(kind, d);
            if (kind === 'http' && !client.destroyed) {
              client.end(`HTTP/1.1 403 Forbidden\r\nX-Airlock-Egress: denied; reason=${d.reason}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
            } else client.destroy();
            return;
          }
          dial(
            d.ip,
            d.port,
            report(kind, d),
            (up) => {
              client.resume();
              splice(client, up, buf);
            },
            () => client.destroy(),
          );
        });
      });
    });

  const httpT = transparent('http', 80);
  const tlsT = transparent('tls', 443);
  const servers: net.Server[] = [explicit, httpT, tlsT];
  let unixServer: http.Server | null = null;

  const listenOne = (s: net.Server, host: string, port: number): Promise<number> =>
    new Promise((resolve, reject) => {
      s.once('error', reject);
      s.listen({ host, port, exclusive: true }, () => {
        s.removeListener('error', reject);
        resolve((s.address() as net.AddressInfo).port);
      });
    });

  return {
    async listen(addr) {
      const explicitPort = await listenOne(explicit, addr.host, addr.explicitPort);
      const httpPort = await listenOne(httpT, addr.host, addr.httpPort);
      const tlsPort = await listenOne(tlsT, addr.host, addr.tlsPort);
      return { host: addr.host, explicitPort, httpPort, tlsPort };
    },
    async listenUnix(path) {
      if (unixServer) throw new Error('the explicit proxy already listens on a Unix socket');
      const srv = makeExplicit();
      unixServer = srv;
      servers.push(srv);
      await new Promise<void>((resolve, reject) => {
        srv.once('error', reject);
        srv.listen({ path, exclusive: true }, () => {
          srv.removeListener('error', reject);
          resolve();
        });
      });
      return path;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await Promise.all(servers.map((s) => new Promise<void>((r) => (s.listening ? s.close(() => r()) : r()))));
    },
  };
}

/**
 * Finds the Host of the first HTTP request in `buf`. Two Host headers, a missing Host, or a request line
 * that is not HTTP/1.x is refused, so a client cannot show one name to Airlock and another to the server.
 */
export function parseHttpHost(buf: Buffer): { done: true; name: string | null; reason?: string } | { done: false } {
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) return buf.length > MAX_HEAD ? { done: true, name: null, reason: 'head-too-large' } : { done: false };
  const lines = buf.subarray(0, end).toString('latin1').split('\r\n');
  if (!/^[A-Z]+ \S+ HTTP\/1\.[01]$/.test(lines[0] ?? '')) return { done: true, name: null, reason: 'not-http' };
  const hosts = lines.slice(1).filter((l) => /^host\s*:/i.test(l));
  if (hosts.length !== 1) return { done: true, name: null, reason: hosts.length === 0 ? 'no-host' : 'duplicate-host' };
  const value = hosts[0].slice(hosts[0].indexOf(':') + 1).trim();
  const hp = /^(\[[^\]]*\]|[^:]*)(?::(\d{1,5}))?$/.exec(value);
  if (!hp || hp[1].length === 0) return { done: true, name: null, reason: 'bad-host' };
  return { done: true, name: hp[1] };
}
