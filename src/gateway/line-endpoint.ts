/**
 * Newline-delimited JSON-RPC over a pair of streams (MCP's stdio transport), written for the relay's
 * hot path: chunks are kept as a list until a newline arrives (no quadratic concatenation), a frame
 * over the size limit is discarded as it streams in instead of being buffered, and an unchanged
 * message is written back out in its original bytes.
 */
import type { Readable, Writable } from 'node:stream';
import { ErrorCode, sniffId, type JsonRpcMessage } from './jsonrpc.js';
import type { Endpoint, SendOptions } from './endpoint.js';

const NEWLINE = 0x0a;
const SNIFF_BYTES = 4096;

export interface LineEndpointOptions {
  input: Readable;
  output: Writable;
  /** Largest frame accepted, in bytes. */
  maxFrameBytes: number;
  /** Called when a write fails (the peer went away). */
  name?: string;
}

export class LineEndpoint implements Endpoint {
  onmessage?: Endpoint['onmessage'];
  onframeerror?: Endpoint['onframeerror'];
  onclose?: () => void;
  onerror?: (error: Error) => void;

  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Set while the rest of an oversize frame is being skipped. */
  private discarding = false;
  private discardedBytes = 0;
  private discardPrefix = '';
  private closed = false;

  constructor(private readonly opts: LineEndpointOptions) {}

  async start(): Promise<void> {
    const { input, output } = this.opts;
    input.on('data', (chunk: Buffer) => this.onData(chunk));
    input.on('end', () => this.finish());
    input.on('close', () => this.finish());
    input.on('error', (err) => this.onerror?.(err));
    output.on('error', (err) => {
      this.onerror?.(err);
      this.finish();
    });
  }

  private onData(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length) {
      const nl = chunk.indexOf(NEWLINE, offset);
      // The newline stays with its frame, so an unchanged frame goes out as one write of these bytes.
      const end = nl === -1 ? chunk.length : nl + 1;
      const piece = chunk.subarray(offset, end);
      const content = nl === -1 ? piece.length : piece.length - 1;
      if (this.discarding) {
        this.discardedBytes += content;
      } else if (this.buffered + content > this.opts.maxFrameBytes) {
        // Over the limit: keep only a prefix to recover the id from, drop the rest as it streams.
        const head = Buffer.concat([...this.chunks, piece.subarray(0, SNIFF_BYTES)]).subarray(0, SNIFF_BYTES);
        this.discardPrefix = head.toString('utf8');
        this.discardedBytes = this.buffered + content;
        this.chunks = [];
        this.buffered = 0;
        this.discarding = true;
      } else if (piece.length > 0) {
        this.chunks.push(piece);
        this.buffered += piece.length;
      }
      if (nl === -1) break;
      this.endFrame();
      offset = nl + 1;
    }
  }

  private endFrame(): void {
    if (this.discarding) {
      const size = this.discardedBytes;
      this.discarding = false;
      this.discardedBytes = 0;
      this.onframeerror?.({
        code: ErrorCode.TooLarge,
        message: `message of ${size} bytes exceeds the limit of ${this.opts.maxFrameBytes} bytes (gateway.maxMessageBytes); it was discarded`,
        id: sniffId(this.discardPrefix),
      });
      this.discardPrefix = '';
      return;
    }
    if (this.buffered === 0) {
      this.chunks = [];
      return;
    }
    const frame = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.buffered);
    this.chunks = [];
    this.buffered = 0;
    let textEnd = frame.length - 1; // before the newline
    if (frame[textEnd - 1] === 13) textEnd -= 1; // tolerate CRLF
    if (textEnd <= 0) return;
    const text = frame.toString('utf8', 0, textEnd);
    if (text.trim().length === 0) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      this.onframeerror?.({
        code: ErrorCode.ParseError,
        message: `parse error: the frame is not valid JSON (${(err as Error).message})`,
        id: sniffId(text.slice(0, SNIFF_BYTES)),
      });
      return;
    }
    this.onmessage?.(value as JsonRpcMessage, { raw: text, bytes: frame });
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    // A trailing frame without its newline is a truncated frame: the peer went away mid-write.
    this.chunks = [];
    this.onclose?.();
  }

  send(message: JsonRpcMessage, options?: SendOptions): Promise<void> {
    if (this.closed) return Promise.resolve();
    const bytes = options?.bytes;
    if (bytes !== undefined && bytes[bytes.length - 1] === NEWLINE) this.opts.output.write(bytes);
    else this.opts.output.write((options?.raw ?? JSON.stringify(message)) + '\n');
    return Promise.resolve();
  }

  /** Stops reading and ends the output: for a stdio server, EOF on its stdin is the MCP way to say stop. */
  async close(): Promise<void> {
    this.finish();
    this.opts.input.removeAllListeners('data');
    if (!this.opts.output.writableEnded) this.opts.output.end();
  }
}
