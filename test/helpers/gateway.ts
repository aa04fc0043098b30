/**
 * An in-process gateway for tests: a temp data directory with the given airlock.yaml, a real store
 * and audit log, and `startGateway` without authentication (auth has its own tests through the CLI).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { openRuntime, type Runtime } from '../../src/gateway/runtime.js';
import { startGateway, type Gateway } from '../../src/gateway/http-front.js';
import { startServerUpstream } from '../../src/gateway/start-server.js';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const serverEverything = join(repoRoot, 'node_modules/@modelcontextprotocol/server-everything/dist/index.js');
export const serverFilesystem = join(repoRoot, 'node_modules/@modelcontextprotocol/server-filesystem/dist/index.js');

export interface TestGateway {
  home: string;
  runtime: Runtime;
  gateway: Gateway;
  /** Connects an SDK client to /mcp/<server>. */
  client(server: string, capabilities?: Record<string, unknown>): Promise<Client>;
  close(): Promise<void>;
}

/** `yaml` receives the data directory, for configs that point into it. */
export async function startTestGateway(yaml: string | ((home: string) => string), log: (line: string) => void = () => undefined): Promise<TestGateway> {
  const home = mkdtempSync(join(tmpdir(), 'airlock-test-'));
  writeFileSync(join(home, 'airlock.yaml'), typeof yaml === 'string' ? yaml : yaml(home));
  const runtime = await openRuntime({ home });
  const gateway = await startGateway({
    runtime,
    insecureNoAuth: true,
    log,
    startUpstream: (name, server, session) => startServerUpstream({ runtime, name, server, session, log }),
  });
  return {
    home,
    runtime,
    gateway,
    async client(server, capabilities = {}) {
      const c = new Client({ name: 'test', version: '1' }, { capabilities });
      await c.connect(new StreamableHTTPClientTransport(new URL(`${gateway.url}/mcp/${server}`)));
      return c;
    },
    async close() {
      await gateway.close();
      await runtime.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** A stdio server entry for airlock.yaml, run by this Node under the process driver. */
export function nodeServer(script: string, args: string[] = [], extra = ''): string {
  return `{ command: ${JSON.stringify(process.execPath)}, args: ${JSON.stringify([script, ...args])}, isolation: process${extra ? `, ${extra}` : ''} }`;
}
