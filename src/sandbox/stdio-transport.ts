/**
 * An MCP SDK Transport over a Sandbox's stdio (newline-delimited JSON-RPC), for code that talks to
 * a sandboxed server with the SDK Client directly: the warm pool's pre-initialize hook, tests and
 * benchmarks. `close()` does not kill the sandbox; the sandbox's owner does.
 */
import { ReadBuffer, serializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { Sandbox } from './types.js';

export class SandboxStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  private readonly buffer = new ReadBuffer({ maxBufferSize: 64 * 1024 * 1024 });
  private closed = false;
  private readonly onData = (chunk: Buffer) => {
    this.buffer.append(chunk);
    for (;;) {
      let msg: JSONRPCMessage | null;
      try {
        msg = this.buffer.readMessage();
      } catch (err) {
        this.onerror?.(err as Error);
        continue;
      }
      if (!msg) break;
      this.onmessage?.(msg);
    }
  };
  private readonly onEnd = () => void this.close();

  constructor(private readonly sandbox: Sandbox) {}

  async start(): Promise<void> {
    this.sandbox.stdout.on('data', this.onData);
    this.sandbox.stdout.once('end', this.onEnd);
    this.sandbox.stdin.on('error', (err) => this.onerror?.(err));
  }

  send(message: JSONRPCMessage): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new Error('sandbox transport is closed'));
      const ok = this.sandbox.stdin.write(serializeMessage(message), (err) => (err ? reject(err) : undefined));
      if (ok) resolve();
      else this.sandbox.stdin.once('drain', resolve);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.sandbox.stdout.off('data', this.onData);
    this.sandbox.stdout.off('end', this.onEnd);
    this.buffer.clear();
    this.onclose?.();
  }
}
