/**
 * `sandbox.warm` through the gateway, on real gVisor: booted sandboxes wait in a pool and a new
 * session takes one instead of starting a sandbox; the pool refills.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { openRuntime } from '../../src/gateway/runtime.js';
import { startGateway } from '../../src/gateway/http-front.js';
import { startServerUpstream, startWarmPools } from '../../src/gateway/start-server.js';

const everything = resolve(import.meta.dirname, '../../node_modules/@modelcontextprotocol/server-everything/dist/index.js');
// Needs runsc and root, as the sandbox suites do (scripts/setup.sh installs runsc; CI runs as root).
test('a session takes a booted gVisor sandbox from the warm pool', async () => {
  const home = mkdtempSync(join(tmpdir(), 'airlock-warm-'));
  writeFileSync(join(home, 'airlock.yaml'), `gateway: { port: 0 }\nservers:\n  ev: { command: ${JSON.stringify(process.execPath)}, args: [${JSON.stringify(everything)}], isolation: gvisor, sandbox: { warm: 1 } }\n`);
  const runtime = await openRuntime({ home });
  const gateway = await startGateway({
    runtime,
    insecureNoAuth: true,
    log: () => undefined,
    startUpstream: (name, server, session) => startServerUpstream({ runtime, name, server, session, log: () => undefined }),
  });
  try {
    await startWarmPools(runtime, () => undefined);
    const pool = runtime.pools.get('ev');
    assert.ok(pool, 'a pool was started');
    await pool.waitReady(1);
    const ready = pool.readySandboxes[0]!;
    const c = new Client({ name: 't', version: '1' });
    await c.connect(new StreamableHTTPClientTransport(new URL(`${gateway.url}/mcp/ev`)));
    const r = await c.callTool({ name: 'echo', arguments: { message: 'warm' } });
    assert.deepEqual(r.content, [{ type: 'text', text: 'Echo: warm' }]);
    assert.ok(!pool.readySandboxes.includes(ready), 'the session took the pooled sandbox');
    await pool.waitReady(1);
    assert.equal(pool.readyCount, 1, 'and the pool refilled');
    await c.close();
  } finally {
    await gateway.close();
    await runtime.close();
    rmSync(home, { recursive: true, force: true });
  }
});
