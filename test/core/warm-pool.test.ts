/**
 * `sandbox.warm` through the gateway, on real gVisor with the real server-everything: sandboxes wait
 * in a pool with the server started and its MCP handshake done; a new session takes one, its
 * initialize is answered from that handshake, and the pool refills.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { CreateMessageRequestSchema, LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import { tailEntries } from '../../src/audit/index.js';
import { openRuntime, type Runtime } from '../../src/gateway/runtime.js';
import { startGateway } from '../../src/gateway/http-front.js';
import { preInitializedVersion } from '../../src/gateway/pre-initialized.js';
import { startServerUpstream, startWarmPools } from '../../src/gateway/start-server.js';
import type { WarmPool } from '../../src/sandbox/pool.js';
import type { Sandbox } from '../../src/sandbox/types.js';

const everything = resolve(import.meta.dirname, '../../node_modules/@modelcontextprotocol/server-everything/dist/index.js');
const serverEntry = (warm: number) => `{ command: ${JSON.stringify(process.execPath)}, args: [${JSON.stringify(everything)}], isolation: gvisor, sandbox: { warm: ${warm} } }`;

interface Session {
  client: Client;
  /** The InitializeResult exactly as the gateway sent it. */
  initializeResult: unknown;
}

/**
 * An SDK client through the gateway. `protocolVersion` overrides the version its initialize asks
 * for (the SDK always asks for its newest); the capture sees the raw initialize result.
 */
async function open(url: string, server: string, o: { protocolVersion?: string; sampling?: boolean } = {}): Promise<Session> {
  const transport = new StreamableHTTPClientTransport(new URL(`${url}/mcp/${server}`));
  let initializeResult: unknown;
  const send = transport.send.bind(transport);
  transport.send = (m: JSONRPCMessage, opts) => {
    const req = m as { method?: string; params?: Record<string, unknown> };
    if (o.protocolVersion && req.method === 'initialize') m = { ...m, params: { ...req.params, protocolVersion: o.protocolVersion } } as JSONRPCMessage;
    return send(m, opts);
  };
  const start = transport.start.bind(transport);
  transport.start = async () => {
    const deliver = transport.onmessage;
    transport.onmessage = (m: JSONRPCMessage) => {
      const r = m as { id?: unknown; result?: unknown };
      if (r.id === 0 && r.result !== undefined) initializeResult = structuredClone(r.result);
      deliver?.(m);
    };
    await start();
  };
  const client = new Client({ name: 'warm-test', version: '1' }, o.sampling ? { capabilities: { sampling: {} } } : {});
  if (o.sampling) {
    client.setRequestHandler(CreateMessageRequestSchema, async () => ({ model: 'test-model', role: 'assistant', content: { type: 'text', text: 'sampled by the real client' } }));
  }
  await client.connect(transport, { timeout: 60_000 });
  return { client, initializeResult };
}

function textOf(r: Awaited<ReturnType<Client['callTool']>>): string {
  return (r.content as Array<{ text: string }>).map((c) => c.text).join('\n');
}

// Needs runsc and root, as the sandbox suites do (scripts/setup.sh installs runsc; CI runs as root).
describe('warm pool with pre-initialized gVisor sandboxes, through the gateway', () => {
  let home: string;
  let runtime: Runtime;
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  let pool: WarmPool;

  /** Waits for a ready sandbox and returns it (the one the next session must take). */
  async function nextPooled(): Promise<Sandbox> {
    await pool.waitReady(1);
    return pool.readySandboxes[0]!;
  }

  before(async () => {
    home = mkdtempSync(join(tmpdir(), 'airlock-warm-'));
    // The injection engine may rewrite server text (e.g. mark it untrusted, naming the server); it is
    // off here so the comparisons are of what the pooled and the cold server said, and so the relayed
    // sampling request is not judged as content. The other engines stay on.
    writeFileSync(
      join(home, 'airlock.yaml'),
      `gateway: { port: 0 }\ninspect: { injection: { enabled: false } }\nservers:\n  ev: ${serverEntry(1)}\n  evcold: ${serverEntry(0)}\n`,
    );
    runtime = await openRuntime({ home });
    gateway = await startGateway({
      runtime,
      insecureNoAuth: true,
      log: () => undefined,
      startUpstream: (name, server, session) => startServerUpstream({ runtime, name, server, session, log: () => undefined }),
    });
    await startWarmPools(runtime, () => undefined);
    pool = runtime.pools.get('ev')!;
    assert.ok(pool, 'a pool was started for the server with warm: 1');
  });

  after(async () => {
    await gateway.close();
    await runtime.close();
    rmSync(home, { recursive: true, force: true });
  });

  test('a pooled session gets the same initialize result as a cold one, tools/call works, and the pool refills', async () => {
    const pooled = await nextPooled();
    assert.equal(preInitializedVersion(pooled), LATEST_PROTOCOL_VERSION, 'the pooled server finished its handshake before any client came');
    const warm = await open(gateway.url, 'ev');
    assert.ok(!pool.readySandboxes.includes(pooled), 'the session took the pooled sandbox');
    assert.equal(preInitializedVersion(pooled), null, 'and its handshake was used for this session');
    const cold = await open(gateway.url, 'evcold');
    assert.equal((warm.initializeResult as { protocolVersion: string }).protocolVersion, LATEST_PROTOCOL_VERSION);
    assert.deepEqual(warm.initializeResult, cold.initializeResult);

    const r = await warm.client.callTool({ name: 'echo', arguments: { message: 'warm' } });
    assert.deepEqual(r.content, [{ type: 'text', text: 'Echo: warm' }]);
    await pool.waitReady(1);
    assert.equal(pool.readyCount, 1, 'the pool refilled');
    assert.notEqual(pool.readySandboxes[0], pooled);
    await warm.client.close();
    await cold.client.close();
  });

  test('a server request the real client did not declare a capability for is refused to the server', async () => {
    await nextPooled();
    // The pooled server was initialized with sampling declared, so it offers its sampling tool.
    const without = await open(gateway.url, 'ev');
    const refused = await without.client.callTool({ name: 'trigger-sampling-request', arguments: { prompt: 'hi' } }, undefined, { timeout: 30_000 });
    assert.equal(refused.isError, true);
    assert.match(textOf(refused), /does not support sampling\/createMessage \(it did not declare the "sampling" capability\)/);
    await without.client.close();
    const refusals: unknown[] = [];
    for await (const e of tailEntries(runtime.store, { tenant: 'default', n: 200 })) {
      if (e.type === 'message.refused' && (e.data as { method?: string }).method === 'sampling/createMessage') refusals.push(e.data);
    }
    assert.deepEqual(refusals, [{ dir: 's2c', method: 'sampling/createMessage', reason: 'client did not declare sampling' }], 'the refusal is in the audit log');

    await nextPooled();
    const withSampling = await open(gateway.url, 'ev', { sampling: true });
    const relayed = await withSampling.client.callTool({ name: 'trigger-sampling-request', arguments: { prompt: 'hi' } }, undefined, { timeout: 30_000 });
    assert.notEqual(relayed.isError, true, textOf(relayed));
    assert.match(textOf(relayed), /sampled by the real client/);
    await withSampling.client.close();
  });

  test('a client asking for another protocol version gets a fresh sandbox that negotiates it', async () => {
    const pooled = await nextPooled();
    const older = '2025-03-26';
    assert.notEqual(older, LATEST_PROTOCOL_VERSION);
    const s = await open(gateway.url, 'ev', { protocolVersion: older });
    assert.ok(!pool.readySandboxes.includes(pooled), 'the pooled sandbox was taken');
    const exit = await Promise.race([pooled.exited, new Promise((r) => setTimeout(() => r('still running'), 10_000))]);
    assert.notEqual(exit, 'still running', 'and retired, since it negotiated a different version');
    const cold = await open(gateway.url, 'evcold', { protocolVersion: older });
    assert.equal((s.initializeResult as { protocolVersion: string }).protocolVersion, older);
    assert.deepEqual(s.initializeResult, cold.initializeResult);
    const r = await s.client.callTool({ name: 'echo', arguments: { message: 'fresh' } });
    assert.deepEqual(r.content, [{ type: 'text', text: 'Echo: fresh' }]);
    await s.client.close();
    await cold.client.close();
  });
});
