/**
 * The relay: one client session joined to one upstream, every message in both directions classified,
 * inspected, recorded and forwarded in order.
 *
 * Failure contract:
 * - an inspector that throws blocks the message (see Pipeline);
 * - an audit append that fails refuses the message: a request is answered with AuditUnavailable and
 *   not forwarded, a response is replaced by that error; nothing passes unrecorded;
 * - an upstream that goes away answers every pending request with UpstreamGone, so no caller hangs.
 */
import type { AuditEventInput, AuditLog } from '../audit/types.js';
import { describeBlock, type MessageInspection, type Pipeline } from '../inspect/pipeline.js';
import { NestingTooDeepError, exceedsDepth } from '../inspect/leaves.js';
import type { InspectContext, Surface } from '../inspect/types.js';
import type { Endpoint, FrameError, ReceivedFrame } from './endpoint.js';
import {
  CLIENT_REQUEST_METHODS,
  DESCRIPTION_METHODS,
  ErrorCode,
  classify,
  errorResponse,
  idKey,
  type JsonRpcMessage,
  type JsonRpcNotification,
  type JsonRpcRequest,
  type JsonRpcResponse,
  type RequestId,
} from './jsonrpc.js';

export interface Refusal {
  code: number;
  message: string;
  data?: unknown;
}

/** Gates that other parts (pinning, quarantine, tool policy) plug into the relay. */
export interface RelayHooks {
  /**
   * Refuses a client request; return null to admit. A promise holds the request (and everything
   * after it to the upstream) until it settles; a rejected promise refuses (fail closed).
   */
  admitRequest?(request: JsonRpcRequest): Refusal | null | Promise<Refusal | null>;
  /** Rewrites a result from the upstream before it is inspected (e.g. withholds unapproved tools). */
  transformResult?(method: string, result: Record<string, unknown>): Promise<Record<string, unknown>> | Record<string, unknown>;
  /** Sees every notification from the upstream (e.g. tools/list_changed). */
  onUpstreamNotification?(notification: JsonRpcNotification): void;
}

export interface RelayOptions {
  tenant: string;
  server: string;
  session: string;
  client: Endpoint;
  upstream: Endpoint;
  pipeline: Pipeline;
  audit: AuditLog;
  maxDepth: number;
  unknownMethods: 'reject' | 'forward';
  /** Session knowledge the engines use (exposed tools, own hosts, registered secrets). */
  context?: () => Omit<InspectContext, 'surface' | 'server' | 'method' | 'tool'>;
  hooks?: RelayHooks;
  /** Human-readable diagnostics (stderr or the gateway log). */
  log?: (line: string) => void;
}

interface PendingClientRequest {
  method: string;
  tool?: string;
  startedAt: number;
  progressToken?: string;
}

type Dir = 'c2s' | 's2c';

export class RelaySession {
  private readonly clientPending = new Map<string, PendingClientRequest>();
  private readonly serverPending = new Map<string, string>();
  /** progressToken → the client request that carries it, so progress lands on that request's stream. */
  private readonly progressOwners = new Map<string, RequestId>();
  /** Forwarding happens in arrival order, per direction, even though audit appends complete in batches. */
  private readonly toUpstream = new Lane((err) => this.o.log?.(`send to the server failed: ${err.message}`));
  private readonly toClient = new Lane((err) => this.o.log?.(`send to the client failed: ${err.message}`));
  private upstreamGone: string | null = null;
  private lastClientRequest: RequestId | undefined;
  private closed = false;
  private closing: Promise<void> | null = null;
  /** Requests Airlock itself sends to the upstream (e.g. a tools/list to check pins). */
  private readonly internalPending = new Map<string, { resolve(result: Record<string, unknown>): void; reject(err: Error): void }>();
  private internalCounter = 0;
  onclose?: (reason: string) => void;

  constructor(private readonly o: RelayOptions) {}

  async start(): Promise<void> {
    const { client, upstream } = this.o;
    client.onmessage = (m, extra) => this.fromClient(m, extra);
    client.onframeerror = (e) => this.clientFrameError(e);
    client.onclose = () => void this.close('client closed the session');
    upstream.onmessage = (m, extra) => this.fromUpstream(m, extra);
    upstream.onframeerror = (e) => this.upstreamFrameError(e);
    upstream.onclose = () => this.upstreamClosed('the upstream server closed the connection');
    upstream.onerror = (err) => this.o.log?.(`[${this.o.server}] upstream error: ${err.message}`);
    await upstream.start();
    await client.start();
    await this.record({ type: 'session.start' }).catch((err) => this.o.log?.(`audit: ${(err as Error).message}`));
  }

  /** Called by the owner when the upstream process exits. */
  upstreamClosed(reason: string): void {
    if (this.upstreamGone !== null || this.closed) return;
    this.upstreamGone = reason;
    const pending = [...this.clientPending.keys()];
    this.clientPending.clear();
    for (const p of this.internalPending.values()) p.reject(new Error(`the ${this.o.server} server stopped (${reason})`));
    this.internalPending.clear();
    this.toClient.push(async () => {
      for (const key of pending) {
        const id = parseIdKey(key);
        await this.o.client.send(
          errorResponse(id, ErrorCode.UpstreamGone, `the ${this.o.server} server stopped before answering (${reason}); it will be restarted for the next session`),
          { relatedRequestId: id },
        );
      }
    });
    void this.record({ type: 'upstream.exit', data: { reason, pendingRequests: pending.length } }).catch(() => undefined);
    this.notifyClosed(reason);
  }

  private notifyClosed(reason: string): void {
    const cb = this.onclose;
    this.onclose = undefined;
    cb?.(reason);
  }

  /**
   * Ends the session (idempotent: every caller gets the same completion). Requests still waiting for
   * the server are answered with `code` and the reason, so a caller learns why (e.g. the server was
   * quarantined) instead of seeing its request cut off.
   */
  close(reason: string, code: number = ErrorCode.InternalError): Promise<void> {
    if (this.closing === null) {
      this.closed = true;
      this.closing = Promise.resolve().then(() => this.shutdown(reason, code));
      // Owners learn the first reason, before closing the endpoints reports anything else; an owner
      // that calls close() again from here gets the same promise.
      this.notifyClosed(reason);
    }
    return this.closing;
  }

  private async shutdown(reason: string, code: number): Promise<void> {
    const pending = [...this.clientPending.keys()];
    this.clientPending.clear();
    if (pending.length > 0) {
      this.toClient.push(async () => {
        for (const key of pending) {
          const id = parseIdKey(key);
          await this.o.client.send(errorResponse(id, code, `the session ended before the ${this.o.server} server answered: ${reason}`), { relatedRequestId: id });
        }
      });
    }
    await this.toClient.drained();
    await this.record({ type: 'session.end', data: { reason } }).catch(() => undefined);
    await this.o.upstream.close().catch(() => undefined);
    await this.o.client.close().catch(() => undefined);
  }

  // ---------------------------------------------------------------- client → upstream

  private fromClient(value: JsonRpcMessage, raw: ReceivedFrame | undefined): void {
    const c = classify(value);
    switch (c.kind) {
      case 'invalid':
        this.replyToClient(errorResponse(c.id, ErrorCode.InvalidRequest, `invalid JSON-RPC message: ${c.reason}`));
        void this.record({ type: 'message.invalid', data: { dir: 'c2s', reason: c.reason } }).catch(() => undefined);
        return;
      case 'request':
        return this.clientRequest(c.msg, raw);
      case 'notification':
        return this.clientNotification(c.msg, raw);
      case 'response':
        return this.clientResponse(c.msg, raw);
    }
  }

  private clientRequest(req: JsonRpcRequest, raw: ReceivedFrame | undefined): void {
    const key = idKey(req.id);
    if (this.clientPending.has(key)) {
      this.replyToClient(errorResponse(req.id, ErrorCode.InvalidRequest, `request id ${JSON.stringify(req.id)} is already in use by a request that has not been answered; use a new id`));
      return;
    }
    if (this.o.unknownMethods === 'reject' && !CLIENT_REQUEST_METHODS.has(req.method)) {
      this.replyToClient(errorResponse(req.id, ErrorCode.MethodNotFound, `method not found: ${req.method} is not an MCP method (gateway.unknownMethods: reject)`));
      return;
    }
    if (this.upstreamGone !== null) {
      this.replyToClient(errorResponse(req.id, ErrorCode.UpstreamGone, `the ${this.o.server} server is not running (${this.upstreamGone}); start a new session`));
      return;
    }
    const admission = this.o.hooks?.admitRequest?.(req) ?? null;
    if (admission !== null && !(admission instanceof Promise)) {
      this.refuse(req, admission);
      return;
    }
    const gate: Promise<Refusal | null> | null =
      admission === null
        ? null
        : admission.catch((err: Error) => ({ code: ErrorCode.InternalError, message: `Airlock could not decide whether to admit this request (${err.message}); it was refused` }));
    const tool = req.method === 'tools/call' && typeof req.params?.name === 'string' ? req.params.name : undefined;
    const inspection = this.inspect(req, 'request', req.method, tool);
    if (inspection === null) {
      this.replyToClient(errorResponse(req.id, ErrorCode.TooLarge, `message is nested deeper than ${this.o.maxDepth} levels (gateway.maxDepth)`));
      return;
    }
    const appended = this.commit({
      type: 'message.request',
      data: { dir: 'c2s', method: req.method, id: req.id, tool, verdict: inspection.verdict, findings: inspection.recorded },
    });
    if (inspection.verdict === 'block') {
      const text = describeBlock(inspection.findings);
      this.toClient.after(appended, async (ok) => {
        await this.o.client.send(errorResponse(req.id, ok ? ErrorCode.Blocked : ErrorCode.AuditUnavailable, ok ? text : auditFailure()), { relatedRequestId: req.id });
      });
      return;
    }
    const token = (req.params?._meta as Record<string, unknown> | undefined)?.progressToken;
    const progressToken = typeof token === 'string' || typeof token === 'number' ? String(token) : undefined;
    this.clientPending.set(key, { method: req.method, tool, startedAt: Date.now(), progressToken });
    this.lastClientRequest = req.id;
    if (progressToken !== undefined) this.progressOwners.set(progressToken, req.id);
    const out = inspection.output as JsonRpcRequest;
    const unchanged = inspection.verdict === 'allow' ? raw : undefined;
    this.toUpstream.after(gate ? Promise.all([settledAsPromise(appended), gate]) : appended, async (ok) => {
      if (!ok) {
        this.forgetClientRequest(key);
        await this.o.client.send(errorResponse(req.id, ErrorCode.AuditUnavailable, auditFailure()), { relatedRequestId: req.id });
        return;
      }
      const refusal = gate ? await gate : null;
      if (refusal) {
        this.forgetClientRequest(key);
        this.refuse(req, refusal);
        return;
      }
      await this.o.upstream.send(out, unchanged);
    });
  }

  private refuse(req: JsonRpcRequest, refusal: Refusal): void {
    this.replyToClient(errorResponse(req.id, refusal.code, refusal.message, refusal.data));
    void this.record({ type: 'message.refused', data: { dir: 'c2s', method: req.method, id: req.id, code: refusal.code } }).catch(() => undefined);
  }

  /**
   * Sends a request of Airlock's own to the upstream, in order with the client's messages, and
   * resolves with its result. Its id cannot collide with a client's: it is a string no client sends.
   */
  internalRequest(method: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    if (this.upstreamGone !== null) return Promise.reject(new Error(`the ${this.o.server} server is not running`));
    const id = `airlock-internal-${++this.internalCounter}`;
    const result = new Promise<Record<string, unknown>>((resolve, reject) => this.internalPending.set(idKey(id), { resolve, reject }));
    const appended = this.commit({ type: 'message.internal', data: { dir: 'c2s', method, id } });
    this.toUpstream.after(appended, async (ok) => {
      const pending = this.internalPending.get(idKey(id));
      if (!ok) {
        this.internalPending.delete(idKey(id));
        pending?.reject(new Error('the audit log could not record it'));
        return;
      }
      await this.o.upstream.send({ jsonrpc: '2.0', id, method, params });
    });
    return result;
  }

  private clientNotification(n: JsonRpcNotification, raw: ReceivedFrame | undefined): void {
    if (this.upstreamGone !== null) return;
    if (n.method === 'notifications/cancelled') {
      // A cancelled request will not be answered (MCP): forget it, so it is not failed later either.
      const target = n.params?.requestId;
      if (typeof target === 'string' || typeof target === 'number') this.forgetClientRequest(idKey(target));
    }
    const inspection = this.inspect(n, 'request', n.method, undefined);
    if (inspection === null) return;
    const appended = this.commit({ type: 'message.notification', data: { dir: 'c2s', method: n.method, verdict: inspection.verdict, findings: inspection.recorded } });
    if (inspection.verdict === 'block') return;
    const out = inspection.output as JsonRpcNotification;
    const unchanged = inspection.verdict === 'allow' ? raw : undefined;
    this.toUpstream.after(appended, async (ok) => {
      if (ok) await this.o.upstream.send(out, unchanged);
    });
  }

  /** A client answering a server→client request (sampling, elicitation, roots). */
  private clientResponse(res: JsonRpcResponse, raw: ReceivedFrame | undefined): void {
    const key = idKey(res.id as RequestId);
    const method = this.serverPending.get(key);
    if (method === undefined) {
      this.o.log?.(`[${this.o.server}] dropped a response from the client to unknown request id ${JSON.stringify(res.id)}`);
      void this.record({ type: 'message.unmatched', data: { dir: 'c2s', id: res.id } }).catch(() => undefined);
      return;
    }
    this.serverPending.delete(key);
    const inspection = this.inspect(res, 'request', method, undefined);
    if (inspection === null) {
      this.sendToUpstreamError(res.id as RequestId, ErrorCode.TooLarge, `response nested deeper than ${this.o.maxDepth} levels`);
      return;
    }
    const appended = this.commit({ type: 'message.response', data: { dir: 'c2s', method, id: res.id, verdict: inspection.verdict, findings: inspection.recorded } });
    const blocked = inspection.verdict === 'block';
    const out = blocked ? errorResponse(res.id, ErrorCode.Blocked, describeBlock(inspection.findings)) : (inspection.output as JsonRpcResponse);
    const unchanged = inspection.verdict === 'allow' ? raw : undefined;
    this.toUpstream.after(appended, async (ok) => {
      await this.o.upstream.send(ok ? out : errorResponse(res.id, ErrorCode.AuditUnavailable, auditFailure()), ok ? unchanged : undefined);
    });
  }

  private clientFrameError(e: FrameError): void {
    this.replyToClient(errorResponse(e.id, e.code, e.message));
    void this.record({ type: 'message.invalid', data: { dir: 'c2s', code: e.code } }).catch(() => undefined);
  }

  // ---------------------------------------------------------------- upstream → client

  private fromUpstream(value: JsonRpcMessage, raw: ReceivedFrame | undefined): void {
    const c = classify(value);
    switch (c.kind) {
      case 'invalid':
        this.o.log?.(`[${this.o.server}] the server sent an invalid message (${c.reason}); dropped`);
        void this.record({ type: 'message.invalid', data: { dir: 's2c', reason: c.reason } }).catch(() => undefined);
        if (c.id !== null) this.failPending(c.id, `the ${this.o.server} server sent an invalid response: ${c.reason}`);
        return;
      case 'response':
        return void this.upstreamResponse(c.msg, raw);
      case 'request':
        return this.upstreamRequest(c.msg, raw);
      case 'notification':
        return this.upstreamNotification(c.msg, raw);
    }
  }

  private async upstreamResponse(res: JsonRpcResponse, raw: ReceivedFrame | undefined): Promise<void> {
    const key = idKey(res.id as RequestId);
    const internal = this.internalPending.get(key);
    if (internal) {
      this.internalPending.delete(key);
      if ('result' in res) internal.resolve(res.result);
      else internal.reject(new Error(`the server answered ${res.error.code}: ${res.error.message}`));
      return;
    }
    const pending = this.clientPending.get(key);
    if (pending === undefined) {
      this.o.log?.(`[${this.o.server}] dropped a response from the server to unknown request id ${JSON.stringify(res.id)}`);
      void this.record({ type: 'message.unmatched', data: { dir: 's2c', id: res.id } }).catch(() => undefined);
      return;
    }
    this.forgetClientRequest(key);
    const id = res.id as RequestId;
    let message: JsonRpcResponse = res;
    let unchanged = raw;
    if ('result' in res && this.o.hooks?.transformResult) {
      // Responses are matched by id, so one that waits here for its transform may be overtaken.
      try {
        const transformed = this.o.hooks.transformResult(pending.method, res.result);
        const result = transformed instanceof Promise ? await transformed : transformed;
        if (result !== res.result) {
          message = { ...res, result };
          unchanged = undefined;
        }
      } catch (err) {
        // Fail closed: a result that cannot be checked (e.g. pins unreadable) is not passed on.
        this.replyToClient(errorResponse(id, ErrorCode.InternalError, `Airlock could not check this ${pending.method} result (${(err as Error).message}); it was withheld`));
        void this.record({ type: 'message.withheld', data: { dir: 's2c', method: pending.method, id, reason: (err as Error).message } }).catch(() => undefined);
        return;
      }
    }
    const surface: Surface = DESCRIPTION_METHODS.has(pending.method) ? 'description' : 'response';
    const inspection = this.inspect(message, surface, pending.method, pending.tool);
    const durationMs = Date.now() - pending.startedAt;
    if (inspection === null) {
      this.replyToClient(errorResponse(id, ErrorCode.TooLarge, `the server's response is nested deeper than ${this.o.maxDepth} levels (gateway.maxDepth)`));
      return;
    }
    const appended = this.commit({
      type: 'message.response',
      data: { dir: 's2c', method: pending.method, id, tool: pending.tool, verdict: inspection.verdict, durationMs, findings: inspection.recorded, error: 'error' in message ? message.error.code : undefined },
    });
    let out: JsonRpcResponse;
    if (inspection.verdict === 'block') {
      const text = describeBlock(inspection.findings);
      out =
        pending.method === 'tools/call'
          ? { jsonrpc: '2.0', id, result: { content: [{ type: 'text', text }], isError: true } }
          : errorResponse(id, ErrorCode.Blocked, text);
      unchanged = undefined;
    } else {
      out = inspection.output as JsonRpcResponse;
      if (inspection.verdict !== 'allow') unchanged = undefined;
    }
    this.toClient.after(appended, async (ok) => {
      await this.o.client.send(ok ? out : errorResponse(id, ErrorCode.AuditUnavailable, auditFailure()), { relatedRequestId: id, ...(ok ? unchanged : undefined) });
    });
  }

  private upstreamRequest(req: JsonRpcRequest, raw: ReceivedFrame | undefined): void {
    const inspection = this.inspect(req, 'response', req.method, undefined);
    if (inspection === null) {
      this.sendToUpstreamError(req.id, ErrorCode.TooLarge, `request nested deeper than ${this.o.maxDepth} levels`);
      return;
    }
    const appended = this.commit({ type: 'message.request', data: { dir: 's2c', method: req.method, id: req.id, verdict: inspection.verdict, findings: inspection.recorded } });
    if (inspection.verdict === 'block') {
      this.toUpstream.after(appended, async () => {
        await this.o.upstream.send(errorResponse(req.id, ErrorCode.Blocked, describeBlock(inspection.findings)));
      });
      return;
    }
    this.serverPending.set(idKey(req.id), req.method);
    const out = inspection.output as JsonRpcRequest;
    const unchanged = inspection.verdict === 'allow' ? raw : undefined;
    const related = this.relatedFor(req.params);
    this.toClient.after(appended, async (ok) => {
      if (!ok) {
        this.serverPending.delete(idKey(req.id));
        await this.o.upstream.send(errorResponse(req.id, ErrorCode.AuditUnavailable, auditFailure()));
        return;
      }
      await this.o.client.send(out, { ...unchanged, relatedRequestId: related });
    });
  }

  private upstreamNotification(n: JsonRpcNotification, raw: ReceivedFrame | undefined): void {
    this.o.hooks?.onUpstreamNotification?.(n);
    const inspection = this.inspect(n, 'response', n.method, undefined);
    if (inspection === null) return;
    const appended = this.commit({ type: 'message.notification', data: { dir: 's2c', method: n.method, verdict: inspection.verdict, findings: inspection.recorded } });
    if (inspection.verdict === 'block') return;
    const out = inspection.output as JsonRpcNotification;
    const unchanged = inspection.verdict === 'allow' ? raw : undefined;
    const related = this.relatedFor(n.params);
    this.toClient.after(appended, async (ok) => {
      if (ok) await this.o.client.send(out, { ...unchanged, relatedRequestId: related });
    });
  }

  private upstreamFrameError(e: FrameError): void {
    this.o.log?.(`[${this.o.server}] the server sent a frame that is not a message: ${e.message}`);
    void this.record({ type: 'message.invalid', data: { dir: 's2c', code: e.code } }).catch(() => undefined);
    if (e.id !== null) this.failPending(e.id, `the ${this.o.server} server sent an unreadable response: ${e.message}`);
  }

  // ---------------------------------------------------------------- helpers

  /** The client request a server-initiated message belongs to: its progress token's owner, else the latest request. */
  private relatedFor(params: Record<string, unknown> | undefined): RequestId | undefined {
    const token = params?.progressToken;
    if (typeof token === 'string' || typeof token === 'number') {
      const owner = this.progressOwners.get(String(token));
      if (owner !== undefined) return owner;
    }
    if (this.lastClientRequest !== undefined && this.clientPending.has(idKey(this.lastClientRequest))) return this.lastClientRequest;
    for (const key of this.clientPending.keys()) return parseIdKey(key);
    return undefined;
  }

  private forgetClientRequest(key: string): void {
    const pending = this.clientPending.get(key);
    if (!pending) return;
    this.clientPending.delete(key);
    if (pending.progressToken !== undefined) this.progressOwners.delete(pending.progressToken);
  }

  private failPending(id: RequestId, message: string): void {
    const key = idKey(id);
    if (!this.clientPending.has(key)) return;
    this.forgetClientRequest(key);
    this.replyToClient(errorResponse(id, ErrorCode.InternalError, message));
  }

  private sendToUpstreamError(id: RequestId, code: number, message: string): void {
    this.toUpstream.push(() => this.o.upstream.send(errorResponse(id, code, message)));
  }

  private replyToClient(message: JsonRpcResponse): void {
    const related = message.id === null ? undefined : message.id;
    this.toClient.push(() => this.o.client.send(message, { relatedRequestId: related }));
  }

  /** Runs the pipeline; null when the message is nested beyond the limit. */
  private inspect(message: JsonRpcMessage, surface: Surface, method: string | undefined, tool: string | undefined): MessageInspection | null {
    const { pipeline, maxDepth } = this.o;
    if (pipeline.empty) {
      if (exceedsDepth(message, maxDepth)) return null;
      return { verdict: 'allow', findings: [], recorded: [], output: message };
    }
    try {
      return pipeline.inspectMessage(message, { ...this.o.context?.(), surface, server: this.o.server, method, tool });
    } catch (err) {
      if (err instanceof NestingTooDeepError) return null;
      throw err;
    }
  }

  private record(event: Omit<AuditEventInput, 'tenant' | 'server' | 'session'>): Promise<unknown> {
    return this.o.audit.append({ ...event, tenant: this.o.tenant, server: this.o.server, session: this.o.session });
  }

  /**
   * Records an event that gates forwarding: true or false when it was (or could not be) committed on
   * the spot, so an idle lane forwards in the same tick; otherwise the pending append.
   */
  private commit(event: Omit<AuditEventInput, 'tenant' | 'server' | 'session'>): Committed {
    const { audit } = this.o;
    if (audit.appendNow) {
      const full = { ...event, tenant: this.o.tenant, server: this.o.server, session: this.o.session };
      try {
        if (audit.appendNow(full) !== null) return true;
      } catch (err) {
        this.o.log?.(`audit: ${(err as Error).message}`);
        return false;
      }
      return audit.append(full);
    }
    return this.record(event);
  }
}

/** An audit append that gates a message: settled now (true: committed, false: failed) or pending. */
type Committed = boolean | Promise<unknown>;

function settledAsPromise(c: Committed): Promise<unknown> {
  if (c === true) return Promise.resolve();
  if (c === false) return Promise.reject(new Error('the audit log could not record it'));
  return c;
}

/**
 * One direction of the relay: steps run one after another in the order they were pushed. A step
 * pushed while the lane is idle starts at once, on the caller's stack, so a message whose audit
 * entry is already committed is forwarded in the tick it arrived. Steps never push onto their own
 * lane while running (a step for one direction only ever pushes onto the other).
 */
class Lane {
  private tail: Promise<void> = Promise.resolve();
  private busy = 0;

  constructor(private readonly onError: (err: Error) => void) {}

  push(step: () => Promise<void>): void {
    const run = (): Promise<void> => {
      try {
        return step().catch((err: Error) => this.onError(err));
      } catch (err) {
        this.onError(err as Error);
        return Promise.resolve();
      }
    };
    this.busy += 1;
    const started = this.busy === 1 ? run() : this.tail.then(run);
    this.tail = started.then(() => {
      this.busy -= 1;
    });
  }

  /** Runs `step` in order once `appended` settles; ok is false when the append failed (fail closed). */
  after(appended: Committed, step: (ok: boolean) => Promise<void>): void {
    if (typeof appended === 'boolean') {
      this.push(() => step(appended));
      return;
    }
    const settled = appended.then(
      () => true,
      () => false,
    );
    this.push(() => settled.then(step));
  }

  /** Resolves when every step pushed so far has run. */
  drained(): Promise<void> {
    return this.tail;
  }
}

function auditFailure(): string {
  return 'Airlock could not record this message in the audit log, so it was not forwarded (fail closed). Check the database (airlock status) and retry.';
}

function parseIdKey(key: string): RequestId {
  return key.startsWith('n:') ? Number(key.slice(2)) : key.slice(2);
}
