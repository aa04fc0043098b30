/**
 * `airlock up`: serves every configured server over Streamable HTTP at /mcp/<server> and over the
 * legacy SSE transport at /mcp/<server>/sse, behind bearer-token authentication.
 *
 * Failure contract: a request whose token cannot be verified (unknown, revoked, or the store cannot
 * be read) is refused with 401/503; a session whose upstream cannot be started as configured is
 * refused with the reason; nothing is served unauthenticated except /healthz. On PostgreSQL a token
 * accepted once is trusted for 2 s without another round trip, so a revocation takes effect within
 * 2 s there; on SQLite every request reads the token's row, so it is immediate.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { cachedTokenVerifier } from '../store/tokens.js';
import type { ServerConfig } from '../policy/schema.js';
import type { Endpoint } from './endpoint.js';
import { HttpSessionEndpoint, BodyTooLargeError, readBody } from './http-session.js';
import { ErrorCode, classify, errorResponse, type JsonRpcMessage, type JsonRpcRequest } from './jsonrpc.js';
import type { RelaySession } from './relay.js';
import { createRelaySession } from './session.js';
import type { Runtime } from './runtime.js';
import type { Upstream } from './upstream.js';
import { SharedUpstream } from './shared-upstream.js';
import { CrashBackoff } from './crash-backoff.js';

export interface GatewayOptions {
  runtime: Runtime;
  /** Starts the upstream for a new session of `name` (sandboxed stdio server or remote). */
  startUpstream(name: string, server: ServerConfig, session: string): Promise<Upstream>;
  /** Disable authentication (tests of the transport only; never exposed as a CLI flag). */
  insecureNoAuth?: boolean;
  log?: (line: string) => void;
  /** Sessions idle longer than this are closed. Default 30 minutes. */
  idleTimeoutMs?: number;
}

interface LiveSession {
  id: string;
  server: string;
  endpoint: Endpoint & { lastActivity?: number };
  relay: RelaySession;
  upstream: Upstream;
  legacy?: SSEServerTransport;
}

export interface Gateway {
  url: string;
  port: number;
  server: Server;
  sessions(): number;
  /** Ends every open session of one server (their sandboxes stop with them); later requests on them get `code` and `reason`. */
  closeServer(name: string, reason: string, code?: number): Promise<void>;
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export async function startGateway(o: GatewayOptions): Promise<Gateway> {
  const { runtime } = o;
  const cfg = runtime.config;
  const log = o.log ?? ((line: string) => process.stderr.write(`airlock: ${line}\n`));
  const sessions = new Map<string, LiveSession>();
  /** Upstreams of ended sessions whose stop is still in progress (see close()). */
  const stoppingUpstreams = new Set<Promise<unknown>>();
  const shared = new Map<string, Promise<SharedUpstream>>();
  const backoff = new CrashBackoff();
  const verifyToken = cachedTokenVerifier(runtime.store);
  /** Sessions Airlock ended on purpose, with why, so their clients learn it (bounded). */
  const endedSessions = new Map<string, { code: number; message: string }>();
  const rememberEnded = (id: string, code: number, message: string) => {
    endedSessions.set(id, { code, message });
    if (endedSessions.size > 1000) endedSessions.delete(endedSessions.keys().next().value!);
  };

  /** For `scope: shared`: one upstream per server, started on first use and again after it dies. */
  async function sharedSessionUpstream(name: string, server: ServerConfig): Promise<Upstream> {
    let pending = shared.get(name);
    let mux = pending ? await pending.catch(() => null) : null;
    if (!mux || !mux.alive) {
      pending = o.startUpstream(name, server, `shared:${name}`).then(async (up) => {
        const m = new SharedUpstream(up);
        await m.start();
        return m;
      });
      shared.set(name, pending);
      pending.catch(() => shared.delete(name));
      mux = await pending;
    }
    const v = mux.connect();
    return { endpoint: v, kind: mux.upstream.kind, exited: mux.upstream.exited, stop: () => v.close() };
  }

  async function authorised(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if (o.insecureNoAuth) return true;
    const header = req.headers.authorization ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) {
      deny(res, 401, 'missing bearer token: send "Authorization: Bearer <token>" (create one with `airlock init` or `airlock tokens create`)');
      return false;
    }
    try {
      const token = await verifyToken(m[1]!);
      if (!token) {
        deny(res, 401, 'invalid or revoked token');
        return false;
      }
      return true;
    } catch (err) {
      deny(res, 503, `cannot verify the token: the store is unavailable (${(err as Error).message})`);
      return false;
    }
  }

  function originAllowed(req: IncomingMessage): boolean {
    // DNS-rebinding defence: a browser page on another origin must not drive a local gateway.
    const origin = req.headers.origin;
    if (!origin) return true;
    try {
      return LOOPBACK_HOSTS.has(new URL(origin).hostname) || !LOOPBACK_HOSTS.has(cfg.gateway.host);
    } catch {
      return false;
    }
  }

  type MadeEndpoint = { id: string; endpoint: Endpoint & { lastActivity?: number }; legacy?: SSEServerTransport };

  async function createSession(name: string, server: ServerConfig, makeEndpoint: () => MadeEndpoint): Promise<LiveSession> {
    const wait = backoff.wait(name);
    if (wait > 0) {
      throw new Error(`it crashed ${backoff.crashes(name)} time(s) in a row shortly after starting; the next start is allowed in ${Math.ceil(wait / 1000)} s (see its stderr in the gateway log)`);
    }
    const made = makeEndpoint();
    const { id, endpoint } = made;
    const startedAt = Date.now();
    let stopping = false;
    let upstream: Upstream;
    try {
      upstream = server.scope === 'shared' ? await sharedSessionUpstream(name, server) : await o.startUpstream(name, server, id);
    } catch (err) {
      await endpoint.close().catch(() => undefined);
      throw err;
    }
    const relay = createRelaySession({ runtime, name, server, session: id, client: endpoint, upstream, log });
    const live: LiveSession = { id, server: name, endpoint, relay, upstream, legacy: made.legacy };
    sessions.set(id, live);
    relay.onclose = () => {
      stopping = true;
      sessions.delete(id);
      // Closing the relay ends the server's stdin (EOF); it gets a moment to exit on its own before
      // its sandbox is killed. Tracked so that close() waits for it: a sandbox (and its network)
      // still stopping when the gateway exits would be left behind.
      const stopped = relay
        .close('session ended')
        .then(() => Promise.race([upstream.exited, new Promise((r) => setTimeout(r, 1000).unref())]))
        .then(() => upstream.stop())
        .catch(() => undefined);
      stoppingUpstreams.add(stopped);
      void stopped.finally(() => stoppingUpstreams.delete(stopped));
    };
    void upstream.exited.then((reason) => {
      if (server.scope !== 'shared') backoff.ended(name, startedAt, !stopping && !/exit code 0$/.test(reason));
      relay.upstreamClosed(reason);
    });
    await relay.start();
    return live;
  }

  /** Reads and parses a POST body within the size limit; answers the error itself and returns null. */
  async function readJsonBody(req: IncomingMessage, res: ServerResponse): Promise<{ body: string; value: unknown } | null> {
    let body: string;
    try {
      body = await readBody(req, cfg.gateway.maxMessageBytes);
    } catch (err) {
      if (err instanceof BodyTooLargeError) {
        rpcError(res, 413, errorResponse(null, ErrorCode.TooLarge, err.message));
        return null;
      }
      throw err;
    }
    try {
      return { body, value: JSON.parse(body) as unknown };
    } catch (err) {
      rpcError(res, 400, errorResponse(null, ErrorCode.ParseError, `parse error: the body is not valid JSON (${(err as Error).message})`));
      return null;
    }
  }

  async function handleStreamable(name: string, server: ServerConfig, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const sessionId = header(req, 'mcp-session-id');
    if (req.method === 'GET' || req.method === 'DELETE') {
      const live = sessionId ? sessions.get(sessionId) : undefined;
      if (!live || live.server !== name) return jsonError(res, sessionId ? 404 : 400, sessionId ? 'session not found; start a new session with initialize' : 'missing Mcp-Session-Id header');
      if (req.method === 'DELETE') {
        await live.relay.close('client ended the session');
        res.writeHead(200).end();
        return;
      }
      if (!String(req.headers.accept ?? '').includes('text/event-stream')) return jsonError(res, 406, 'GET needs "Accept: text/event-stream"');
      (live.endpoint as HttpSessionEndpoint).openStandalone(res);
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'GET, POST, DELETE' }).end();
      return;
    }
    const read = await readJsonBody(req, res);
    if (!read) return;
    const { body, value } = read;
    const c = classify(value);
    if (c.kind === 'invalid') return rpcError(res, 400, errorResponse(c.id, ErrorCode.InvalidRequest, `invalid JSON-RPC message: ${c.reason}`));
    let live: LiveSession | undefined;
    if (sessionId) {
      live = sessions.get(sessionId);
      if (!live || live.server !== name) {
        const id = c.kind === 'request' ? c.msg.id : null;
        // A session Airlock ended on purpose says why (e.g. the server was quarantined).
        const ended = endedSessions.get(sessionId);
        if (ended) return rpcError(res, 404, errorResponse(id, ended.code, `this session was ended: ${ended.message}`));
        return rpcError(res, 404, errorResponse(id, ErrorCode.InvalidRequest, 'session not found (it ended or the gateway restarted); start a new session with initialize'));
      }
    } else {
      if (c.kind !== 'request' || c.msg.method !== 'initialize') {
        return rpcError(res, 400, errorResponse(c.kind === 'request' ? c.msg.id : null, ErrorCode.InvalidRequest, 'missing Mcp-Session-Id header: only an initialize request may start a session'));
      }
      try {
        live = await createSession(name, server, () => {
          const id = randomUUID();
          return { id, endpoint: new HttpSessionEndpoint(id, () => ({ 'mcp-session-id': id })) };
        });
      } catch (err) {
        log(`cannot start ${name}: ${(err as Error).message}`);
        const code = (err as { code?: unknown }).code === ErrorCode.Quarantined ? ErrorCode.Quarantined : ErrorCode.UpstreamGone;
        return rpcError(res, code === ErrorCode.Quarantined ? 403 : 502, errorResponse(c.msg.id, code, `cannot start the ${name} server: ${(err as Error).message}`));
      }
    }
    const endpoint = live.endpoint as HttpSessionEndpoint;
    if (c.kind === 'request') {
      if (endpoint.hasOpenRequest(c.msg.id)) {
        return rpcError(res, 200, errorResponse(c.msg.id, ErrorCode.InvalidRequest, `request id ${JSON.stringify(c.msg.id)} is already in use by a request that has not been answered; use a new id`));
      }
      endpoint.acceptRequest(c.msg as JsonRpcRequest, body, res);
      return;
    }
    res.writeHead(202).end();
    endpoint.acceptOther(c.msg as JsonRpcMessage, body);
  }

  async function handleLegacySse(name: string, server: ServerConfig, path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'GET' && path === 'sse') {
      try {
        await createSession(name, server, () => {
          const transport = new SSEServerTransport(`/mcp/${name}/messages`, res);
          return { id: transport.sessionId, endpoint: transport as unknown as Endpoint, legacy: transport };
        });
      } catch (err) {
        if (!res.headersSent) jsonError(res, 502, `cannot start the ${name} server: ${(err as Error).message}`);
        else res.end();
      }
      return;
    }
    if (req.method === 'POST' && path === 'messages') {
      const url = new URL(req.url ?? '/', 'http://x');
      const live = sessions.get(url.searchParams.get('sessionId') ?? '');
      if (!live?.legacy || live.server !== name) return jsonError(res, 404, 'unknown sessionId; open /mcp/<server>/sse first');
      const read = await readJsonBody(req, res);
      if (read) await live.legacy.handlePostMessage(req, res, read.value);
      return;
    }
    res.writeHead(405).end();
  }

  const httpServer = createServer((req, res) => {
    void route(req, res).catch((err) => {
      log(`request failed: ${(err as Error).stack ?? err}`);
      if (!res.headersSent) jsonError(res, 500, `internal error: ${(err as Error).message}`);
      else res.end();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://gateway');
    if (url.pathname === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, sessions: sessions.size }));
      return;
    }
    const m = /^\/mcp\/([^/]+)(?:\/(sse|messages))?\/?$/.exec(url.pathname);
    if (!m) return jsonError(res, 404, 'not found: MCP servers are served at /mcp/<server> (Streamable HTTP) and /mcp/<server>/sse (legacy SSE)');
    if (!originAllowed(req)) return jsonError(res, 403, 'forbidden origin: the gateway listens on loopback and accepts browser requests only from loopback origins');
    if (!(await authorised(req, res))) return;
    const name = decodeURIComponent(m[1]!);
    const server = cfg.servers[name];
    if (!server) return jsonError(res, 404, `no server named "${name}" in the configuration (known: ${Object.keys(cfg.servers).join(', ') || 'none'})`);
    if (m[2]) return handleLegacySse(name, server, m[2], req, res);
    return handleStreamable(name, server, req, res);
  }

  // A session idle longer than its server's sandbox.idleTimeoutSeconds (0 = never) is ended, and
  // its sandbox with it.
  const defaultIdleMs = o.idleTimeoutMs ?? 30 * 60_000;
  const idleFor = (server: string): number => {
    const seconds = cfg.servers[server]?.sandbox.idleTimeoutSeconds;
    if (seconds === undefined) return defaultIdleMs;
    return seconds === 0 ? Infinity : seconds * 1000;
  };
  const sweeper = setInterval(() => {
    const now = Date.now();
    for (const s of sessions.values()) {
      const last = (s.endpoint as { lastActivity?: number }).lastActivity;
      if (last !== undefined && now - last > idleFor(s.server)) void s.relay.close('idle timeout');
    }
  }, 5_000);
  sweeper.unref();

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(cfg.gateway.port, cfg.gateway.host, () => resolve());
  });
  httpServer.keepAliveTimeout = 65_000;
  const port = (httpServer.address() as AddressInfo).port;
  const host = cfg.gateway.host.includes(':') ? `[${cfg.gateway.host}]` : cfg.gateway.host;
  return {
    url: `http://${host}:${port}`,
    port,
    server: httpServer,
    sessions: () => sessions.size,
    async closeServer(name, reason, code = ErrorCode.InternalError) {
      const doomed = [...sessions.values()].filter((s) => s.server === name);
      for (const s of doomed) rememberEnded(s.id, code, reason);
      await Promise.all(doomed.map(async (s) => {
        await s.relay.close(reason, code);
        await s.upstream.stop();
      }));
      const mux = shared.get(name);
      if (mux) {
        shared.delete(name);
        await mux.then((m) => m.stop()).catch(() => undefined);
      }
    },
    async close() {
      clearInterval(sweeper);
      await Promise.all([...sessions.values()].map((s) => s.relay.close('gateway shutting down')));
      await Promise.all([...sessions.values()].map((s) => s.upstream.stop()));
      await Promise.all([...stoppingUpstreams]);
      for (const p of shared.values()) await p.then((m) => m.stop()).catch(() => undefined);
      httpServer.closeAllConnections();
      await new Promise<void>((r) => httpServer.close(() => r()));
    },
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function jsonError(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: message }));
}

function rpcError(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function deny(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'www-authenticate': 'Bearer realm="airlock"' }).end(JSON.stringify({ error: message }));
}
