/**
 * Starting an upstream: a stdio server inside a sandbox (through an isolation driver), or a remote
 * MCP server over Streamable HTTP or SSE (through the SDK's client transports).
 */
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { IsolationDriver, Sandbox, SandboxExit, SandboxSpec } from '../sandbox/types.js';
import type { Endpoint } from './endpoint.js';
import { LineEndpoint } from './line-endpoint.js';

export interface Upstream {
  endpoint: Endpoint;
  /** What it runs on, for the audit log: `gvisor`, `bwrap`, `process` or `remote`. */
  kind: string;
  /** Resolves with a human-readable reason when the upstream is gone. */
  exited: Promise<string>;
  stop(): Promise<void>;
  /** Secret values injected into this server, for exact-match redaction of echoes. Never logged. */
  knownSecrets?: readonly { name: string; value: string }[];
}

export interface StdioUpstreamOptions {
  driver: IsolationDriver;
  spec: SandboxSpec;
  maxMessageBytes: number;
  /** Where the server's stderr goes (line by line). */
  onStderr?: (line: string) => void;
}

export async function startStdioUpstream(o: StdioUpstreamOptions): Promise<Upstream> {
  return upstreamFromSandbox(await o.driver.start(o.spec), o);
}

/** Wires a running sandbox (freshly started, or taken from a warm pool) to the relay. */
export function upstreamFromSandbox(sandbox: Sandbox, o: Pick<StdioUpstreamOptions, 'maxMessageBytes' | 'onStderr'>): Upstream {
  const endpoint = new LineEndpoint({ input: sandbox.stdout, output: sandbox.stdin, maxFrameBytes: o.maxMessageBytes });
  if (o.onStderr) forwardLines(sandbox.stderr, o.onStderr);
  else sandbox.stderr.resume();
  // Writing to a server that already died must not crash the gateway.
  sandbox.stdin.on('error', () => undefined);
  const exited = sandbox.exited.then(describeExit);
  return { endpoint, kind: sandbox.driver, exited, stop: () => sandbox.kill() };
}

/** How a sandbox ended, in words, for `Upstream.exited`. */
export function describeExit(e: SandboxExit): string {
  if (e.reason) return `${e.reason}${e.code !== null ? `, exit code ${e.code}` : ''}`;
  return e.signal ? `killed by ${e.signal}` : `exit code ${e.code}`;
}

export interface RemoteUpstreamOptions {
  url: string;
  transport: 'streamable-http' | 'sse';
  headers: Record<string, string>;
}

export async function startRemoteUpstream(o: RemoteUpstreamOptions): Promise<Upstream> {
  const url = new URL(o.url);
  const requestInit = { headers: o.headers };
  const transport: Transport =
    o.transport === 'sse' ? new SSEClientTransport(url, { requestInit }) : new StreamableHTTPClientTransport(url, { requestInit });
  let resolveExit!: (reason: string) => void;
  const exited = new Promise<string>((r) => (resolveExit = r));
  const endpoint = transport as unknown as Endpoint;
  const originalStart = transport.start.bind(transport);
  // The relay sets onclose after we return; chain ours in at start so both run.
  endpoint.start = async () => {
    const relayClose = endpoint.onclose;
    endpoint.onclose = () => {
      relayClose?.();
      resolveExit(`the remote server ${url.origin} closed the connection`);
    };
    await originalStart();
  };
  return { endpoint, kind: 'remote', exited, stop: () => transport.close() };
}

/** Passes a stream's lines (each cut at 4000 characters) to `sink`. */
export function forwardLines(stream: NodeJS.ReadableStream, sink: (line: string) => void): void {
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) if (line.length > 0) sink(line.slice(0, 4000));
  });
  stream.on('end', () => {
    if (rest.length > 0) sink(rest.slice(0, 4000));
  });
}
