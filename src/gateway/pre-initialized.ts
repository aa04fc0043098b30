/**
 * MCP-level warmness for pooled sandboxes: the gateway runs the server's `initialize` handshake
 * while the sandbox waits in the warm pool, acting as the client, so a session that takes it is
 * answered at once instead of waiting for the server to start and initialize.
 *
 * Ahead of time (`preInitializer`, the pool's `prepare` hook) the gateway sends `initialize` with
 * the newest protocol version the SDK knows and every client capability the relay can carry
 * (`RELAYABLE_CLIENT_CAPABILITIES`), then `notifications/initialized`. Messages the server sends
 * while no client is attached are held (see MAX_HELD_MESSAGES).
 *
 * When a session takes the sandbox (`preInitializedUpstream`), its endpoint sits between the relay
 * and the server:
 * - the client's `initialize` is answered from the cached InitializeResult when the client asks for
 *   exactly the protocol version the pre-handshake negotiated. Otherwise the pooled sandbox is
 *   killed and a fresh one is started cold, and the client's `initialize` (and everything after it)
 *   goes to that one unchanged: the version a server would have chosen for this client cannot be
 *   known without asking it, and a server cannot be initialized twice;
 * - the client's first `notifications/initialized` after a cached answer is swallowed (the server
 *   already had one); held server messages are delivered after it, in order;
 * - a server request that needs a capability the real client did not declare (sampling, roots,
 *   elicitation) is answered to the server with MethodNotFound, as a client without that handler
 *   would; it never reaches the client;
 * - everything else passes unchanged, in both directions.
 *
 * What differs from a cold start, by design: the server saw the gateway's clientInfo and the full
 * relayable capability set, so a server that shapes its surface on client capabilities (e.g. lists a
 * sampling tool only to clients that can sample) shows that surface; using it without the
 * capability gets the MethodNotFound above.
 *
 * Failure contract: a pre-handshake that fails, times out, or returns a protocol version the SDK
 * does not support rejects, and the pool kills that sandbox and retries with backoff. A pooled
 * server that sends more than MAX_HELD_MESSAGES messages with no client attached is killed (the pool
 * replaces it) rather than buffered without bound. A cold start that fails answers the client's
 * `initialize` with an error naming the cause and ends the upstream; nothing is silently dropped.
 */
import { LATEST_PROTOCOL_VERSION, SUPPORTED_PROTOCOL_VERSIONS } from '@modelcontextprotocol/sdk/types.js';
import type { Sandbox } from '../sandbox/types.js';
import type { Endpoint, FrameError, SendOptions } from './endpoint.js';
import { ErrorCode, errorResponse, type JsonRpcMessage, type JsonRpcRequest, type RequestId } from './jsonrpc.js';
import { LineEndpoint } from './line-endpoint.js';
import { describeExit, forwardLines, type Upstream } from './upstream.js';

/** What the gateway declares when it initializes a pooled server: all a relayed client may have. */
export const RELAYABLE_CLIENT_CAPABILITIES: Readonly<Record<string, unknown>> = Object.freeze({
  sampling: {},
  roots: { listChanged: true },
  elicitation: {},
});

/** Server messages held for a pooled sandbox before it is retired. */
export const MAX_HELD_MESSAGES = 256;

/** Server→client requests and the client capability each needs. */
const CAPABILITY_OF: Readonly<Record<string, string>> = {
  'sampling/createMessage': 'sampling',
  'roots/list': 'roots',
  'elicitation/create': 'elicitation',
};

type Held = { kind: 'message'; message: JsonRpcMessage; raw?: string } | { kind: 'frame-error'; error: FrameError };

interface Handshake {
  endpoint: LineEndpoint;
  result: Record<string, unknown>;
  protocolVersion: string;
  held: Held[];
  closed: boolean;
  /** The session endpoint that took the sandbox; until then messages are held. */
  attached: PreInitializedEndpoint | null;
}

/** Pre-handshakes by sandbox: the pool hands out sandboxes, this says which are initialized. */
const handshakes = new WeakMap<Sandbox, Handshake>();

export interface PreInitializeOptions {
  maxMessageBytes: number;
  /** How long the server may take to answer `initialize` (default 60 s: a cold Node start on gVisor). */
  timeoutMs?: number;
  /** Where the server's stderr goes (line by line), while pooled and after. */
  onStderr?: (line: string) => void;
  clientInfo?: { name: string; version: string };
}

/** The warm pool's `prepare` hook: completes the MCP handshake on a freshly booted sandbox. */
export function preInitializer(o: PreInitializeOptions): (sandbox: Sandbox) => Promise<void> {
  return async (sandbox) => {
    if (o.onStderr) forwardLines(sandbox.stderr, o.onStderr);
    else sandbox.stderr.resume();
    sandbox.stdin.on('error', () => undefined);
    const endpoint = new LineEndpoint({ input: sandbox.stdout, output: sandbox.stdin, maxFrameBytes: o.maxMessageBytes });
    const id = 'airlock-pre-initialize';
    let answer: (m: JsonRpcMessage) => void = () => undefined;
    const answered = new Promise<JsonRpcMessage>((resolve) => (answer = resolve));
    const hs: Handshake = { endpoint, result: {}, protocolVersion: '', held: [], closed: false, attached: null };
    endpoint.onmessage = (message, extra) => {
      if (hs.attached) return hs.attached.fromServer(message, extra?.raw);
      if (!('method' in message) && (message as { id?: unknown }).id === id) return answer(message);
      hold(hs, sandbox, { kind: 'message', message, raw: extra?.raw });
    };
    endpoint.onframeerror = (error) => {
      if (hs.attached) return hs.attached.onframeerror?.(error);
      hold(hs, sandbox, { kind: 'frame-error', error });
    };
    endpoint.onclose = () => {
      hs.closed = true;
      hs.attached?.onclose?.();
    };
    endpoint.onerror = (err) => hs.attached?.onerror?.(err);
    await endpoint.start();
    await endpoint.send({
      jsonrpc: '2.0',
      id,
      method: 'initialize',
      params: { protocolVersion: LATEST_PROTOCOL_VERSION, capabilities: RELAYABLE_CLIENT_CAPABILITIES, clientInfo: o.clientInfo ?? { name: 'airlock', version: '1' } },
    });
    const timeoutMs = o.timeoutMs ?? 60_000;
    let timer: NodeJS.Timeout | undefined;
    const reply = await Promise.race([
      answered,
      sandbox.exited.then((e) => Promise.reject(new Error(`the server ended before answering initialize (${describeExit(e)})`))),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`the server did not answer initialize within ${timeoutMs} ms`)), timeoutMs))),
    ]).finally(() => clearTimeout(timer));
    if ('error' in reply) throw new Error(`the server refused initialize: ${reply.error.code} ${reply.error.message}`);
    const result = (reply as { result?: unknown }).result as Record<string, unknown> | undefined;
    const version = result?.protocolVersion;
    if (typeof version !== 'string' || !SUPPORTED_PROTOCOL_VERSIONS.includes(version)) {
      throw new Error(`the server answered initialize with protocol version ${JSON.stringify(version)}, which this gateway does not support`);
    }
    hs.result = result!;
    hs.protocolVersion = version;
    await endpoint.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    handshakes.set(sandbox, hs);
  };
}

function hold(hs: Handshake, sandbox: Sandbox, item: Held): void {
  if (hs.held.length >= MAX_HELD_MESSAGES) {
    // Nobody will read these soon; a server this chatty while idle is replaced, not buffered forever.
    hs.held = [];
    void sandbox.kill();
    return;
  }
  hs.held.push(item);
}

/** The protocol version a pooled sandbox negotiated, or null when it was not pre-initialized. */
export function preInitializedVersion(sandbox: Sandbox): string | null {
  return handshakes.get(sandbox)?.protocolVersion ?? null;
}

export interface PreInitializedUpstreamOptions {
  /**
   * Starts a fresh, not pre-initialized upstream of the same server: used when the client asks for
   * a protocol version other than the one the pooled server negotiated.
   */
  coldStart: () => Promise<Upstream>;
  log?: (line: string) => void;
  /**
   * Told about each server request refused for a missing client capability (it never reaches the
   * relay, so the owner records it).
   */
  onRefused?: (method: string, capability: string) => void;
}

/**
 * Wraps a sandbox from a pool whose `prepare` was `preInitializer` as an upstream for one session.
 * Returns null for a sandbox that was not pre-initialized (the caller wires it as usual).
 */
export function preInitializedUpstream(sandbox: Sandbox, o: PreInitializedUpstreamOptions): Upstream | null {
  const hs = handshakes.get(sandbox);
  if (!hs) return null;
  handshakes.delete(sandbox);
  let resolveExit!: (reason: string) => void;
  const exited = new Promise<string>((r) => (resolveExit = r));
  const endpoint = new PreInitializedEndpoint(hs, sandbox, o, resolveExit);
  void sandbox.exited.then((e) => {
    if (!endpoint.retiredPooled) resolveExit(describeExit(e));
  });
  return { endpoint, kind: sandbox.driver, exited, stop: () => endpoint.stop() };
}

type Phase = 'awaiting-initialize' | 'cached' | 'swapping' | 'cold' | 'failed';

class PreInitializedEndpoint implements Endpoint {
  onmessage?: Endpoint['onmessage'];
  onframeerror?: Endpoint['onframeerror'];
  onclose?: () => void;
  onerror?: (error: Error) => void;

  private phase: Phase = 'awaiting-initialize';
  /** Capabilities the real client declared; null until its initialize. */
  private clientCapabilities: Record<string, unknown> | null = null;
  /** The client finished its handshake: server requests and notifications may reach it. */
  private clientReady = false;
  private queued: Array<{ message: JsonRpcMessage; options?: SendOptions }> = [];
  private cold: Upstream | null = null;
  private stopped = false;
  private swap: Promise<void> | null = null;
  /** Set when the pooled sandbox is killed to make way for a cold start (its exit is not ours). */
  retiredPooled = false;

  constructor(
    private readonly hs: Handshake,
    private readonly sandbox: Sandbox,
    private readonly o: PreInitializedUpstreamOptions,
    private readonly resolveExit: (reason: string) => void,
  ) {}

  async start(): Promise<void> {
    // The pooled LineEndpoint is already reading; attaching routes its messages here.
    this.hs.attached = this;
    if (this.hs.closed) setImmediate(() => this.onclose?.());
  }

  /** A message from the pooled server (while this endpoint is attached to it). */
  fromServer(message: JsonRpcMessage, raw: string | undefined): void {
    if (this.phase === 'swapping' || this.phase === 'cold' || this.phase === 'failed') return;
    const isResponse = !('method' in message);
    if (!isResponse && !this.clientReady) {
      hold(this.hs, this.sandbox, { kind: 'message', message, ...(raw !== undefined ? { raw } : {}) });
      return;
    }
    this.deliver(message, raw);
  }

  private deliver(message: JsonRpcMessage, raw: string | undefined): void {
    if ('method' in message && 'id' in message) {
      const req = message as JsonRpcRequest;
      const refusal = this.refusalFor(req);
      if (refusal) {
        void this.hs.endpoint.send(errorResponse(req.id, ErrorCode.MethodNotFound, refusal));
        this.o.onRefused?.(req.method, CAPABILITY_OF[req.method]!);
        return;
      }
    }
    this.onmessage?.(message, raw !== undefined ? { raw } : undefined);
  }

  /** Why the client cannot be asked this, or null when it declared the capability. */
  private refusalFor(req: JsonRpcRequest): string | null {
    const capability = CAPABILITY_OF[req.method];
    if (!capability || this.clientCapabilities === null) return null;
    if (this.clientCapabilities[capability] !== undefined) return null;
    return `method not found: the client of this session does not support ${req.method} (it did not declare the "${capability}" capability)`;
  }

  send(message: JsonRpcMessage, options?: SendOptions): Promise<void> {
    switch (this.phase) {
      case 'swapping':
        this.queued.push({ message, ...(options ? { options } : {}) });
        return Promise.resolve();
      case 'cold':
        return this.cold!.endpoint.send(message, options);
      case 'failed':
        return Promise.resolve();
      case 'awaiting-initialize':
        if ('method' in message && 'id' in message && message.method === 'initialize') return this.answerInitialize(message as JsonRpcRequest, options);
        break;
      case 'cached':
        if (!this.clientReady && 'method' in message && !('id' in message) && message.method === 'notifications/initialized') {
          this.clientReady = true;
          this.flushHeld();
          return Promise.resolve();
        }
        break;
    }
    return this.hs.endpoint.send(message, options);
  }

  private answerInitialize(req: JsonRpcRequest, options: SendOptions | undefined): Promise<void> {
    const asked = req.params?.protocolVersion;
    if (asked !== this.hs.protocolVersion) {
      this.o.log?.(`the client asked for protocol version ${JSON.stringify(asked)}, the pooled server negotiated ${this.hs.protocolVersion}: starting a fresh sandbox for this session`);
      this.swap = this.swapToCold(req, options);
      return Promise.resolve();
    }
    const caps = req.params?.capabilities;
    this.clientCapabilities = caps !== null && typeof caps === 'object' && !Array.isArray(caps) ? (caps as Record<string, unknown>) : {};
    this.phase = 'cached';
    const reply: JsonRpcMessage = { jsonrpc: '2.0', id: req.id, result: structuredClone(this.hs.result) };
    // Delivered like any upstream message: after send() returns, never re-entrantly.
    setImmediate(() => this.onmessage?.(reply));
    return Promise.resolve();
  }

  private flushHeld(): void {
    for (const item of this.hs.held.splice(0)) {
      if (item.kind === 'frame-error') this.onframeerror?.(item.error);
      else this.deliver(item.message, item.raw);
    }
  }

  private async swapToCold(init: JsonRpcRequest, options: SendOptions | undefined): Promise<void> {
    this.phase = 'swapping';
    this.queued.push({ message: init, ...(options ? { options } : {}) });
    this.retiredPooled = true;
    this.hs.attached = null;
    this.hs.endpoint.onmessage = undefined;
    this.hs.endpoint.onclose = undefined;
    this.hs.endpoint.onframeerror = undefined;
    this.hs.held = [];
    await this.sandbox.kill();
    let cold: Upstream;
    try {
      cold = await this.o.coldStart();
    } catch (err) {
      this.phase = 'failed';
      const why = `Airlock could not start a fresh sandbox for protocol version ${JSON.stringify(init.params?.protocolVersion)} (${(err as Error).message})`;
      this.onmessage?.(errorResponse(init.id as RequestId, ErrorCode.InternalError, why));
      this.resolveExit(why);
      this.onclose?.();
      return;
    }
    this.cold = cold;
    if (this.stopped) {
      await cold.stop();
      return;
    }
    const inner = cold.endpoint;
    inner.onmessage = (m, extra) => this.onmessage?.(m, extra);
    inner.onframeerror = (e) => this.onframeerror?.(e);
    inner.onclose = () => this.onclose?.();
    inner.onerror = (e) => this.onerror?.(e);
    void cold.exited.then(this.resolveExit);
    await inner.start();
    this.phase = 'cold';
    this.clientReady = true;
    for (const q of this.queued.splice(0)) await inner.send(q.message, q.options);
  }

  async close(): Promise<void> {
    if (this.swap) await this.swap;
    if (this.cold) return this.cold.endpoint.close();
    if (this.phase !== 'failed') await this.hs.endpoint.close();
  }

  /** Kills whatever sandbox serves this session (the pooled one, or its cold replacement). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.swap) await this.swap;
    if (this.cold) return this.cold.stop();
    await this.sandbox.kill();
  }
}
