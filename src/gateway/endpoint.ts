/**
 * One side of a relay: something that delivers JSON-RPC messages and accepts them. The SDK's
 * transports (Streamable HTTP, SSE) fit this shape; `LineEndpoint` implements it for stdio.
 */
import type { JsonRpcMessage, RequestId } from './jsonrpc.js';

/** A frame that arrived but is not a message: not JSON, or over the size limit. */
export interface FrameError {
  code: number;
  message: string;
  /** Id sniffed from the frame, when one could be recovered. */
  id: RequestId | null;
}

export interface SendOptions {
  /** Request this message belongs to (Streamable HTTP routes it to that request's stream). */
  relatedRequestId?: RequestId;
  /** The exact serialised form, when it is known to be unchanged: saves a stringify on the hot path. */
  raw?: string;
  /** The same frame as it arrived on a line transport (UTF-8, newline included): saves re-encoding it. */
  bytes?: Buffer;
}

/** How a message arrived, for forwarding it unchanged without serialising it again. */
export interface ReceivedFrame {
  raw?: string;
  bytes?: Buffer;
}

export interface Endpoint {
  onmessage?: (message: JsonRpcMessage, extra?: ReceivedFrame) => void;
  onframeerror?: (error: FrameError) => void;
  onclose?: () => void;
  onerror?: (error: Error) => void;
  start(): Promise<void>;
  send(message: JsonRpcMessage, options?: SendOptions): Promise<void>;
  close(): Promise<void>;
}
