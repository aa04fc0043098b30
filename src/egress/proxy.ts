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
  onEvent: (e: ProxyEvent) => void;
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

  const report = (kind: ProxyEvent['kind'], d: ConnectionDecision): void => {
    opts.onEvent({ kind, name: d.name, port: d.port, ip: d.ip, decision: d.allow ? 'allow' : 'deny', reason: d.reason });
  };

  /** Dials exactly the decided address and splices the two sockets. */
  const dial = (ip: string, port: number, onUp: (up: net.Socket) => void, onFail: (err: Error) => void): void => {
    const up = net.connect({ host: ip, port, family: net.isIPv6(ip) ? 6 : 4 });
    track(up);
    up.setNoDelay(true);
    const timer = setTimeout(() => up.destroy(new Error('upstream connect timeout')), dialTimeoutMs);
    up.once('connect', () => {
      clearTimeout(timer);
      onUp(up);
    });
    up.once('error', (err) => {
      clearTimeout(timer);
      onFail(err);
    });
  };

  const splice = (client: net.Socket, up: net.Socket, initial: Buffer | null): void => {
    if (initial && initial.length > 0) up.write(initial);
    client.pipe(up);
    up.pipe(client);
    const end = (): void => {
      client.destroy();
      up.destroy();
    };
    client.once('error', end);
    up.once('error', end);
    client.once('close', end);
    up.once('close', end);
  };

  // ---- explicit proxy ---------------------------------------------------------------------------
  /** One explicit proxy server; a second one serves the Unix socket of the bwrap bridge. */
  const makeExplicit = (): http.Server => {
    const server = http.createServer({ requestTimeout: 0, headersTimeout: headerTimeoutMs });
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
        report('connect', d);
        if (!d.allow) {
          client.end(`HTTP/1.1 403 Forbidden\r\nX-Airlock-Egress: denied; reason=${d.reason}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
          return;
        }
        dial(
          d.ip,
          d.port,
          (up) => {
            client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
            splice(client, up, head);
          },
          () => client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'),
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
      void safeFilter(opts.filter, { kind: 'http', name: u.hostname, port }).then((d) => {
        report('http', d);
        if (!d.allow) {
          res.writeHead(403, { 'x-airlock-egress': `denied; reason=${d.reason}`, connection: 'close', 'content-length': '0' }).end();
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
    let buf = Buffer.alloc(0);
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
      buf = Buffer.concat([buf, chunk]);
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
    net.createServer((client) => {
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
          report(kind, d);
          if (!d.allow) {
            if (kind === 'http' && !client.destroyed) {
              client.end(`HTTP/1.1 403 Forbidden\r\nX-Airlock-Egress: denied; reason=${d.reason}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
            } else client.destroy();
            return;
          }
          dial(
            d.ip,
            d.port,
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
