/**
 * `scope: shared` through a real gateway, a real SQLite store and a real server-everything process:
 * two SDK clients whose request ids and progress tokens collide share one server process.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CreateMessageRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { tailEntries } from '../../src/audit/index.js';
import { nodeServer, serverEverything, startTestGateway, type TestGateway } from '../helpers/gateway.js';

let t: TestGateway;
let starts = 0;

before(async () => {
  t = await startTestGateway(`gateway: { port: 0 }\nservers:\n  ev: ${nodeServer(serverEverything, [], 'scope: shared')}\n`);
  // Count upstream starts through the audit log: one sandbox.start per started process.
});

after(async () => {
  await t.close();
});

async function client(label: string): Promise<Client> {
  const c = new Client({ name: label, version: '1' }, { capabilities: { sampling: {} } });
  c.setRequestHandler(CreateMessageRequestSchema, async () => ({ role: 'assistant', model: label, content: { type: 'text', text: `answer from ${label}` } }));
  await c.connect(new StreamableHTTPClientTransport(new URL(`${t.gateway.url}/mcp/ev`)));
  return c;
}

test('two sessions share one server process with colliding ids mapped apart', async () => {
  const a = await client('A');
  const b = await client('B');
  try {
    for await (const e of tailEntries(t.runtime.store, { tenant: 'default', n: 100 })) if (e.type === 'sandbox.start') starts++;
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
