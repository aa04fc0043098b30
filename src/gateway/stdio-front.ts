/**
 * `airlock run`: a stdio MCP proxy. The MCP client launches Airlock instead of the server; Airlock
 * starts the server in a sandbox and relays every message through the inspection pipeline.
 */
import { randomUUID } from 'node:crypto';
import type { Readable, Writable } from 'node:stream';
import type { ServerConfig } from '../policy/schema.js';
import { LineEndpoint } from './line-endpoint.js';
import { createRelaySession } from './session.js';
import type { Runtime } from './runtime.js';
import { startServerUpstream } from './start-server.js';

export interface StdioRunOptions {
  runtime: Runtime;
  name: string;
  server: ServerConfig;
  input?: Readable;
  output?: Writable;
  log?: (line: string) => void;
}

/** Runs until the client closes stdin or the server exits; resolves with the exit code to use. */
export async function runStdio(o: StdioRunOptions): Promise<number> {
  const { runtime } = o;
  const log = o.log ?? ((line: string) => process.stderr.write(`airlock: ${line}\n`));
  const session = randomUUID();
  const upstream = await startServerUpstream({ runtime, name: o.name, server: o.server, session, log });
  // While the server boots in its own process, so the client's first message does not pay for it.
  runtime.pipeline.warmUp();
  const client = new LineEndpoint({
    input: o.input ?? process.stdin,
    output: o.output ?? process.stdout,
    maxFrameBytes: runtime.config.gateway.maxMessageBytes,
  });
  const relay = createRelaySession({ runtime, name: o.name, server: o.server, session, client, upstream, log });
  // SIGTERM/SIGINT end the session in the same order as a closed stdin, so the sandbox and its network
  // are removed before exit (MCP clients send SIGTERM shortly after closing stdin; dying on it would
  // leave both behind). A listener also keeps the signal from killing the process mid-stop.
  // They stay until the stop is done: a second signal during the stop must not kill it either.
  let finish: (why: string) => void = () => undefined;
  const ended = new Promise<string>((resolve) => {
    finish = resolve;
    relay.onclose = resolve;
  });
  const onSignal = (): void => finish('client closed the session');
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  void upstream.exited.then((reason) => relay.upstreamClosed(reason));
  await relay.start();
  const why = await ended;
  const clientEnded = why === 'client closed the session';
  let exit = 'exit code 0';
  if (!clientEnded) {
    // The server's stdout may close a moment before its exit status is known: wait for it briefly.
    exit = await Promise.race([upstream.exited, new Promise<string>((r) => setTimeout(() => r('did not exit after closing its output'), 2000).unref())]);
  }
  // Closing the relay ends the server's stdin; a well-behaved server exits on that by itself, which
  // is faster and cleaner than killing its sandbox. Past a short grace period it is killed.
  await relay.close(why);
  await Promise.race([upstream.exited, new Promise((r) => setTimeout(r, 1000).unref())]);
  await upstream.stop();
  process.off('SIGTERM', onSignal);
  process.off('SIGINT', onSignal);
  if (clientEnded) return 0;
  log(`the ${o.name} server stopped: ${exit}`);
  return /exit code 0$/.test(exit) ? 0 : 1;
}
