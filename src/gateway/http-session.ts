/**
 * The server side of one Streamable HTTP session (MCP 2025-06-18), as an Endpoint for the relay.
 *
 * A POST that carries a request stays open until its response. The answer is plain
 * `application/json` when the response is the first thing to go back (the common case, and the
 * cheapest), and switches to `text/event-stream` the moment something related to that request has
 * to go first (progress, a sampling or elicitation request). Server messages unrelated to any open
 * POST go to the session's GET stream, or wait in a bounded queue until one is opened.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Endpoint, SendOptions } from './endpoint.js';
import { idKey, type JsonRpcMessage } from './jsonrpc.js';

interface OpenPost {
  res: ServerResponse;
  streaming: boolean;
}

const MAX_QUEUED = 1000;

export class HttpSessionEndpoint implements Endpoint {
  onmessage?: Endpoint['onmessage'];
  onframeerror?: Endpoint['onframeerror'];
  onclose?: () => void;
  onerror?: (error: Error) => void;

  private readonly posts = new Map<string, OpenPost>();
  private standalone: ServerResponse | null = null;
  private queued: string[] = [];
  private closed = false;
  private eventCounter = 0;
  lastActivity = Date.now();

  constructor(readonly sessionId: string, private readonly protocolHeaders: () => Record<string, string>) {}

  async start(): Promise<void> {}

  /** True when a request with this id is still waiting for its response. */
  hasOpenRequest(id: string | number): boolean {
    return this.posts.has(idKey(id));
  }

  /** Hands a POSTed request to the relay; `res` is answered when its response arrives. */
  acceptRequest(message: JsonRpcMessage & { id: string | number }, raw: string, res: ServerResponse): void {
    this.lastActivity = Date.now();
    const key = idKey(message.id);
    this.posts.set(key, { res, streaming: false });
    res.on('close', () => {
      if (this.posts.get(key)?.res === res) this.posts.delete(key);
    });
    this.onmessage?.(message, { raw });
  }

  /** Hands a POSTed notification or response to the relay. */
  acceptOther(message: JsonRpcMessage, raw: string): void {
    this.lastActivity = Date.now();
    this.onmessage?.(message, { raw });
  }

  /** Opens the standalone stream (GET). A second concurrent GET replaces the first. */
  openStandalone(res: ServerResponse): void {
    this.standalone?.end();
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', ...this.protocolHeaders() });
    res.flushHeaders();
    this.standalone = res;
    res.on('close', () => {
      if (this.standalone === res) this.standalone = null;
    });
    const backlog = this.queued;
    this.queued = [];
    for (const text of backlog) this.writeEvent(res, text);
  }

  async send(message: JsonRpcMessage, options?: SendOptions): Promise<void> {
    if (this.closed) return;
    const text = options?.raw ?? JSON.stringify(message);
    const isResponse = 'id' in message && message.id !== null && ('result' in message || 'error' in message);
    if (isResponse) {
      const key = idKey(message.id as string | number);
      const post = this.posts.get(key);
      if (post) {
        this.posts.delete(key);
        if (post.streaming) {
          this.writeEvent(post.res, text);
          post.res.end();
        } else {
          // A known length instead of chunked encoding: headers and body leave in one write.
          const body = options?.bytes ?? Buffer.from(text, 'utf8');
          post.res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length), ...this.protocolHeaders() });
          post.res.end(body);
        }
        return;
      }
    }
    const related = options?.relatedRequestId !== undefined ? this.posts.get(idKey(options.relatedRequestId)) : undefined;
    if (related) {
      if (!related.streaming) {
        related.streaming = true;
        related.res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', ...this.protocolHeaders() });
      }
      this.writeEvent(related.res, text);
      return;
    }
    if (this.standalone) {
      this.writeEvent(this.standalone, text);
      return;
    }
    if (this.queued.length < MAX_QUEUED) this.queued.push(text);
  }

  private writeEvent(res: ServerResponse, text: string): void {
    res.write(`id: ${++this.eventCounter}\nevent: message\ndata: ${text}\n\n`);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const post of this.posts.values()) {
      if (!post.res.headersSent) post.res.writeHead(404, { 'content-type': 'application/json' });
      post.res.end();
    }
    this.posts.clear();
    this.standalone?.end();
    this.standalone = null;
    this.onclose?.();
  }
}

/** Reads a request body up to `limit` bytes; rejects with `TooLargeError` past it (and drains the rest). */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body exceeds the limit of ${limit} bytes (gateway.maxMessageBytes)`);
  }
}

export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      reject(new BodyTooLargeError(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        reject(new BodyTooLargeError(limit));
        return;
      }
      chunks.push(chunk);
      // With a Content-Length, the body is complete once that many bytes are in: answering then saves
      // waiting a turn of the event loop for 'end' on every request.
      if (size === declared) finish();
    });
    let done = false;
    const finish = () => {
      if (over || done) return;
      done = true;
      resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'));
    };
    req.on('end', finish);
    req.on('error', reject);
  });
}
