/**
 * Remote upstreams: a gateway whose server is another MCP endpoint reached over Streamable HTTP and
 * over legacy SSE (here a second Airlock gateway in front of server-everything), with progress.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { openRuntime, type Runtime } from '../../src/gateway/runtime.js';
import { startGateway, type Gateway } from '../../src/gateway/http-front.js';
import { startServerUpstream } from '../../src/gateway/start-server.js';

const everything = resolve(import.meta.dirname, '../../node_modules/@modelcontextprotocol/server-everything/dist/index.js');
const homes: string[] = [];
const runtimes: Runtime[] = [];
const gateways: Gateway[] = [];

async function gatewayWith(yaml: (home: string) => string): Promise<Gateway> {
  const home = mkdtempSync(join(tmpdir(), 'airlock-remote-'));
  homes.push(home);
  writeFileSync(join(home, 'airlock.yaml'), yaml(home));
  const runtime = await openRuntime({ home });
  runtimes.push(runtime);
  const g = await startGateway({ runtime, insecureNoAuth: true, log: () => undefined, startUpstream: (name, server, session) => startServerUpstream({ runtime, name, server, session, log: () => undefined }) });
  gateways.push(g);
  return g;
}

let front: Gateway;

before(async () => {
  const back = await gatewayWith(() => `gateway: { port: 0 }\nservers:\n  ev: { command: ${JSON.stringify(process.execPath)}, args: [${JSON.stringify(everything)}], isolation: process }\n`);
  front = await gatewayWith(
    () =>
      `gateway: { port: 0 }\nservers:\n  http: { url: "${back.url}/mcp/ev" }\n  sse: { url: "${back.url}/mcp/ev/sse", transport: sse }\n`,
  );
});

after(async () => {
  for (const g of gateways.reverse()) await g.close();
  for (const r of runtimes) await r.close();
  for (const h of homes) rmSync(h, { recursive: true, force: true });
});

for (const name of ['http', 'sse']) {
  test(`a remote upstream over ${name === 'http' ? 'Streamable HTTP' : 'SSE'} relays calls and progress`, async () => {
    const c = new Client({ name: 't', version: '1' });
    await c.connect(new StreamableHTTPClientTransport(new URL(`${front.url}/mcp/${name}`)));
    try {
      const echo = await c.callTool({ name: 'echo', arguments: { message: 'via remote' } });
      assert.deepEqual(echo.content, [{ type: 'text', text: 'Echo: via remote' }]);
      let progress = 0;
      const r = await c.callTool({ name: 'trigger-long-running-operation', arguments: { duration: 1, steps: 3 } }, undefined, { onprogress: () => progress++ });
      assert.match(JSON.stringify(r.content), /Steps: 3/);
      assert.ok(progress >= 2, `progress notifications came through (${progress})`);
    } finally {
      await c.close();
    }
  });
}
