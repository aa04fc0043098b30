/**
 * `scope: shared` through a real gateway, a real SQLite store and a real server-everything process:
 * two SDK clients whose request ids and progress tokens collide share one server process.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CreateMessageRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { openRuntime, type Runtime } from '../../src/gateway/runtime.js';
import { startGateway, type Gateway } from '../../src/gateway/http-front.js';
import { startServerUpstream } from '../../src/gateway/start-server.js';

const serverJs = resolve(import.meta.dirname, '../../node_modules/@modelcontextprotocol/server-everything/dist/index.js');
let home: string;
let runtime: Runtime;
let gateway: Gateway;
let starts = 0;

before(async () => {
  home = mkdtempSync(join(tmpdir(), 'airlock-shared-'));
  writeFileSync(
    join(home, 'airlock.yaml'),
    `gateway: { port: 0 }\nservers:\n  ev: { command: ${JSON.stringify(process.execPath)}, args: [${JSON.stringify(serverJs)}], isolation: process, scope: shared }\n`,
  );
  runtime = await openRuntime({ home });
  gateway = await startGateway({
    runtime,
    insecureNoAuth: true,
    log: () => undefined,
    startUpstream: (name, server, session) => {
      starts++;
      return startServerUpstream({ runtime, name, server, session, log: () => undefined });
    },
  });
});

after(async () => {
  await gateway.close();
  await runtime.close();
  rmSync(home, { recursive: true, force: true });
});

async function client(label: string): Promise<Client> {
  const c = new Client({ name: label, version: '1' }, { capabilities: { sampling: {} } });
  c.setRequestHandler(CreateMessageRequestSchema, async () => ({ role: 'assistant', model: label, content: { type: 'text', text: `answer from ${label}` } }));
  await c.connect(new StreamableHTTPClientTransport(new URL(`${gateway.url}/mcp/ev`)));
  return c;
}

test('two sessions share one server process with colliding ids mapped apart', async () => {
  const a = await client('A');
  const b = await client('B');
  try {
    assert.equal(starts, 1, 'one upstream process for both sessions');
    const calls = [];
    for (let i = 0; i < 10; i++) {
      calls.push(a.callTool({ name: 'echo', arguments: { message: `A${i}` } }));
      calls.push(b.callTool({ name: 'echo', arguments: { message: `B${i}` } }));
    }
    const results = await Promise.all(calls);
    results.forEach((r, i) => {
      const who = i % 2 === 0 ? 'A' : 'B';
      assert.deepEqual(r.content, [{ type: 'text', text: `Echo: ${who}${Math.floor(i / 2)}` }]);
    });
  } finally {
    await a.close();
    await b.close();
  }
});

test('progress notifications reach the session whose request they belong to', async () => {
  const a = await client('A');
  const b = await client('B');
  try {
    const seen = { A: 0, B: 0 };
    const [ra, rb] = await Promise.all([
      a.callTool({ name: 'trigger-long-running-operation', arguments: { duration: 1, steps: 4 } }, undefined, { onprogress: () => seen.A++ }),
      b.callTool({ name: 'trigger-long-running-operation', arguments: { duration: 1, steps: 2 } }, undefined, { onprogress: () => seen.B++ }),
    ]);
    assert.deepEqual(seen, { A: 4, B: 2 });
    assert.match(JSON.stringify(ra.content), /Steps: 4/);
    assert.match(JSON.stringify(rb.content), /Steps: 2/);
  } finally {
    await a.close();
    await b.close();
  }
});

test('a sampling request from the shared server is answered by the session that triggered it', async () => {
  const a = await client('A');
  const b = await client('B');
  try {
    const ra = await a.callTool({ name: 'trigger-sampling-request', arguments: { prompt: 'hi', maxTokens: 5 } });
    assert.match(JSON.stringify(ra.content), /answer from A/);
    const rb = await b.callTool({ name: 'trigger-sampling-request', arguments: { prompt: 'hi', maxTokens: 5 } });
    assert.match(JSON.stringify(rb.content), /answer from B/);
  } finally {
    await a.close();
    await b.close();
  }
});
