/**
 * One upstream server shared by many client sessions (`scope: shared`).
 *
 * Every session talks to its own virtual endpoint; this multiplexer rewrites what would collide on
 * the single connection to the server and restores it on the way back:
 * - request ids: each client request gets a fresh upstream id, mapped back on the response;
 * - progress tokens: made unique per session, restored in progress notifications;
 * - cancellations: the client's request id is translated to the upstream id;
 * - initialize: sent to the server once; later sessions get the cached result, and their
 *   `notifications/initialized` is not repeated.
 * Server-initiated requests (sampling, elicitation, roots) carry no session over stdio; they go to
 * the session with the most recent request still in flight (the one the server is working for),
 * else the most recently active session. Other server notifications go to every session.
 */
import type { Endpoint, SendOptions } from './endpoint.js';
import { ErrorCode, errorResponse, idKey, type JsonRpcMessage, type JsonRpcRequest, type JsonRpcResponse, type RequestId } from './jsonrpc.js';
import type { Upstream } from './upstream.js';

interface Route {
  session: VirtualEndpoint;
  clientId: RequestId;
  method: string;
  progressToken?: string;
}

export class SharedUpstream {
  private nextId = 1;
  private nextSession = 1;
  private readonly routes = new Map<number, Route>();
  private readonly serverRequests = new Map<string, VirtualEndpoint>();
  private readonly sessions = new Set<VirtualEndpoint>();
  private initResult: Record<string, unknown> | null = null;
  private initWaiters: { session: VirtualEndpoint; id: RequestId }[] | null = null;
  private initializedSent = false;
  private gone: string | null = null;

  constructor(readonly upstream: Upstream) {
    upstream.endpoint.onmessage = (m) => this.fromUpstream(m);
    upstream.endpoint.onclose = () => this.upstreamGone('the shared server closed the connection');
    void upstream.exited.then((reason) => this.upstreamGone(reason));
  }

  async start(): Promise<void> {
    await this.upstream.endpoint.start();
  }

  get alive(): boolean {
    return this.gone === null;
  }

  /** A new session's view of the shared server. */
  connect(): VirtualEndpoint {
    const v = new VirtualEndpoint(this, this.nextSession++);
    this.sessions.add(v);
    return v;
  }

  /** Called by a virtual endpoint for each message its session sends to the server. */
  async fromSession(v: VirtualEndpoint, message: JsonRpcMessage): Promise<void> {
    if (this.gone !== null) return;
    const m = message as unknown as Record<string, unknown>;
    const method = typeof m.method === 'string' ? m.method : undefined;
    const isRequest = method !== undefined && 'id' in m;
    if (isRequest) {
      const req = message as JsonRpcRequest;
      v.lastActive = Date.now();
      if (method === 'initialize') return this.initialize(v, req);
      const upstreamId = this.nextId++;
      const params = v.wrapProgress(req.params);
      const token = (params?._meta as Record<string, unknown> | undefined)?.progressToken;
      this.routes.set(upstreamId, { session: v, clientId: req.id, method: req.method, progressToken: typeof token === 'string' ? token : undefined });
      v.inFlight.add(upstreamId);
      await this.upstream.endpoint.send({ ...req, id: upstreamId, params });
      return;
    }
    if (method !== undefined) {
      if (method === 'notifications/initialized') {
        if (this.initializedSent) return;
        this.initializedSent = true;
      }
      let params = m.params as Record<string, unknown> | undefined;
      if (method === 'notifications/cancelled' && params) {
        const upstreamId = v.upstreamIdFor(params.requestId as RequestId, this.routes);
        if (upstreamId === undefined) return;
        params = { ...params, requestId: upstreamId };
      }
      await this.upstream.endpoint.send({ ...(message as object), params } as unknown as JsonRpcMessage);
      return;
    }
    // A response to a server-initiated request.
    this.serverRequests.delete(idKey((message as JsonRpcResponse).id as RequestId));
    await this.upstream.endpoint.send(message);
  }

  private async initialize(v: VirtualEndpoint, req: JsonRpcRequest): Promise<void> {
    if (this.initResult) {
      v.deliver({ jsonrpc: '2.0', id: req.id, result: this.initResult });
      return;
    }
    if (this.initWaiters) {
      this.initWaiters.push({ session: v, id: req.id });
      return;
    }
    this.initWaiters = [{ session: v, id: req.id }];
    const upstreamId = this.nextId++;
    this.routes.set(upstreamId, { session: v, clientId: req.id, method: 'initialize' });
    await this.upstream.endpoint.send({ ...req, id: upstreamId });
  }

  private fromUpstream(message: JsonRpcMessage): void {
    const m = message as unknown as Record<string, unknown>;
    if (typeof m.method !== 'string') {
      const id = m.id;
      const route = typeof id === 'number' ? this.routes.get(id) : undefined;
      if (!route) return;
      this.routes.delete(id as number);
      route.session.inFlight.delete(id as number);
      if (route.progressToken) route.session.forgetProgress(route.progressToken);
      if (route.method === 'initialize') {
        const waiters = this.initWaiters ?? [];
        this.initWaiters = null;
        if ('result' in m) this.initResult = m.result as Record<string, unknown>;
        for (const w of waiters) w.session.deliver({ ...(message as object), id: w.id } as unknown as JsonRpcMessage);
        return;
      }
      route.session.deliver({ ...(message as object), id: route.clientId } as unknown as JsonRpcMessage);
      return;
    }
    const params = m.params as Record<string, unknown> | undefined;
    if ('id' in m) {
      const target = this.sessionForServerRequest();
      if (!target) {
        void this.upstream.endpoint.send(errorResponse(m.id as RequestId, ErrorCode.InternalError, 'no client session is connected to answer this request'));
        return;
      }
      this.serverRequests.set(idKey(m.id as RequestId), target);
      target.deliver(message);
      return;
    }
    if (params && (typeof params.progressToken === 'string' || typeof params.progressToken === 'number')) {
      for (const s of this.sessions) {
        const original = s.unwrapProgress(params.progressToken);
        if (original !== undefined) {
          s.deliver({ ...(message as object), params: { ...params, progressToken: original } } as unknown as JsonRpcMessage);
          return;
        }
      }
      return;
    }
    for (const s of this.sessions) s.deliver(message);
  }

  private sessionForServerRequest(): VirtualEndpoint | undefined {
    let best: VirtualEndpoint | undefined;
    let bestId = -1;
    for (const s of this.sessions) {
      for (const id of s.inFlight) if (id > bestId) {
        bestId = id;
        best = s;
      }
    }
    if (best) return best;
    for (const s of this.sessions) if (!best || s.lastActive > best.lastActive) best = s;
    return best;
  }

  /** A session ended: cancel what it left in flight, forget it. */
  async disconnect(v: VirtualEndpoint): Promise<void> {
    this.sessions.delete(v);
    for (const id of v.inFlight) {
      this.routes.delete(id);
      if (this.gone === null) await this.upstream.endpoint.send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: id, reason: 'client session ended' } });
    }
    v.inFlight.clear();
  }

  private upstreamGone(reason: string): void {
    if (this.gone !== null) return;
    this.gone = reason;
    for (const s of [...this.sessions]) s.upstreamClosed();
  }

  async stop(): Promise<void> {
    await this.upstream.stop();
  }
}

export class VirtualEndpoint implements Endpoint {
  onmessage?: Endpoint['onmessage'];
  onframeerror?: Endpoint['onframeerror'];
  onclose?: () => void;
  onerror?: (error: Error) => void;
  readonly inFlight = new Set<number>();
  lastActive = Date.now();
  private readonly tokens = new Map<string, string | number>();
  private closed = false;

  constructor(private readonly owner: SharedUpstream, private readonly index: number) {}

  async start(): Promise<void> {}

  send(message: JsonRpcMessage, _options?: SendOptions): Promise<void> {
    if (this.closed) return Promise.resolve();
    return this.owner.fromSession(this, message);
  }

  deliver(message: JsonRpcMessage): void {
    if (!this.closed) this.onmessage?.(message);
  }

  /** Makes the session's progress token unique on the shared connection. */
  wrapProgress(params: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
    const meta = params?._meta as Record<string, unknown> | undefined;
    const token = meta?.progressToken;
    if (typeof token !== 'string' && typeof token !== 'number') return params;
    const wrapped = `s${this.index}:${String(token)}`;
    this.tokens.set(wrapped, token);
    return { ...params, _meta: { ...meta, progressToken: wrapped } };
  }

  forgetProgress(wrapped: string): void {
    this.tokens.delete(wrapped);
  }

  unwrapProgress(token: string | number): string | number | undefined {
    return typeof token === 'string' ? this.tokens.get(token) : undefined;
  }

  upstreamIdFor(clientId: RequestId, routes: Map<number, Route>): number | undefined {
    for (const id of this.inFlight) {
      const r = routes.get(id);
      if (r && r.clientId === clientId) return id;
    }
    return undefined;
  }

  upstreamClosed(): void {
    const cb = this.onclose;
    this.onclose = undefined;
    cb?.();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.owner.disconnect(this);
  }
}
