/**
 * A server that dies in the middle of a call: the caller gets UpstreamGone (-32003) instead of a
 * hang, `airlock run` ends, and `airlock up` starts a fresh server for the next session. Also:
 * tearing down a session that still has a request in flight never takes the gateway down.
 *
 * Needs the built CLI: npx tsc -p tsconfig.json
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import {
  RawRun,
  SERVER_SCRIPTS,
  connectHttp,
  connectSse,
  echoRequest,
  leftoverProcesses,
  makeHome,
  nodeServer,
  sleep,
  startUp,
  waitNoLeftovers,
  type Connected,
  type Gateway,
  type TestHome,
} from '../helpers/mcp.js';
import { join } from 'node:path';

const UPSTREAM_GONE = -32003;
/** Longer than any relay needs to answer, shorter than a hang: the SDK's own timeout is -32001. */
const CALL_TIMEOUT = { timeout: 15_000 };

let h: TestHome;
let gw: Gateway;

before(async () => {
  h = await makeHome(() => ({
    dying: { command: process.execPath, args: [SERVER_SCRIPTS.dying] },
    everything: { command: process.execPath, args: [SERVER_SCRIPTS.everything, 'stdio'] },
  }));
  gw = await startUp(h.home);
});

after(async () => {
  await gw?.stop();
  await h?.cleanup();
});

async function expectUpstreamGone(c: Connected): Promise<void> {
  const err = await c.client.callTool({ name: 'die', arguments: {} }, undefined, CALL_TIMEOUT).then(
    () => assert.fail('a call whose server died resolved'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof McpError, `expected an McpError, got ${String(err)}`);
  assert.equal(err.code, UPSTREAM_GONE, err.message);
  assert.match(err.message, /dying server stopped before answering/);
}

async function echo(c: Connected, message: string): Promise<unknown> {
  return (await c.client.callTool({ name: 'echo', arguments: { message } }, undefined, CALL_TIMEOUT)).content;
}

async function gatewayHealthy(): Promise<void> {
  assert.equal(gw.proc.exitCode, null, `airlock up exited:\n${gw.stderr()}`);
  const res = await fetch(`${gw.url}/healthz`);
  assert.equal(res.status, 200);
}

describe('a server that dies mid-call', () => {
  it('airlock run: the pending call gets -32003 and airlock run exits non-zero', async () => {
    const run = new RawRun(h.home, 'dying', nodeServer(SERVER_SCRIPTS.dying));
    try {
      await run.handshake();
      await run.send(echoRequest(1, 'before'));
      assert.deepEqual((await run.response(1)).result, { content: [{ type: 'text', text: 'Echo: before' }] });
      await run.send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'die', arguments: {} } });
      const res = await run.response(2);
      assert.equal((res.error as { code: number }).code, UPSTREAM_GONE, JSON.stringify(res));
      const exit = await new Promise<number | null>((r) => (run.proc.exitCode !== null ? r(run.proc.exitCode) : run.proc.once('exit', (code) => r(code))));
      assert.equal(exit, 1, 'airlock run reports that its server failed');
    } finally {
      await run.close();
    }
  });

  it('airlock run: when the server dies, requests still pending get -32003 and cancelled ones get nothing', async () => {
    const run = new RawRun(h.home, 'everything', nodeServer(SERVER_SCRIPTS.everything, ['stdio']));
    try {
      await run.handshake();
      const long = (id: number) => ({
        jsonrpc: '2.0',
        id,
        method: 'tools/call',
        params: { name: 'trigger-long-running-operation', arguments: { duration: 30, steps: 60 }, _meta: { progressToken: `p${id}` } },
      });
      await run.send(long(20));
      await run.next((m) => m.method === 'notifications/progress' && (m.params as { progressToken?: string }).progressToken === 'p20');
      await run.send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 20, reason: 'no longer needed' } });
      await run.send(long(21));
      await run.next((m) => m.method === 'notifications/progress' && (m.params as { progressToken?: string }).progressToken === 'p21');
      // Kill the server behind airlock run (it runs in the test home, like airlock run itself).
      const server = leftoverProcesses(h.home).filter((pid) => pid !== run.proc.pid && pid !== gw.proc.pid);
      assert.equal(server.length, 1, `expected exactly the one server process, found ${server.join(', ')}`);
      process.kill(server[0]!, 'SIGKILL');
      const gone = await run.response(21);
      assert.equal((gone.error as { code: number }).code, UPSTREAM_GONE);
      await sleep(300);
      const answersTo20 = run.pending().filter((m) => (m as { id?: unknown }).id === 20 && ('result' in (m as object) || 'error' in (m as object)));
      assert.deepEqual(answersTo20, [], 'the relay answered a request the client had cancelled (MCP: a cancelled request gets no response)');
    } finally {
      await run.close();
    }
  });

  it('airlock up (Streamable HTTP): -32003, the dead session is refused, a new session gets a new server', async () => {
    const c = await connectHttp(gw.url, h.token, 'dying');
    try {
      assert.deepEqual(await echo(c, 'before'), [{ type: 'text', text: 'Echo: before' }]);
      await expectUpstreamGone(c);
      // The session is over: the next call on it is an error, not a hang.
      await assert.rejects(echo(c, 'on the dead session'));
    } finally {
      await c.close();
    }
    const fresh = await connectHttp(gw.url, h.token, 'dying');
    try {
      assert.deepEqual(await echo(fresh, 'after restart'), [{ type: 'text', text: 'Echo: after restart' }]);
    } finally {
      await fresh.close();
    }
    await gatewayHealthy();
  });

  it('airlock up (legacy SSE): -32003, and a new session works', async () => {
    const c = await connectSse(gw.url, h.token, 'dying');
    try {
      assert.deepEqual(await echo(c, 'before'), [{ type: 'text', text: 'Echo: before' }]);
      await expectUpstreamGone(c);
    } finally {
      await c.close();
    }
    const fresh = await connectSse(gw.url, h.token, 'dying');
    try {
      assert.deepEqual(await echo(fresh, 'after restart'), [{ type: 'text', text: 'Echo: after restart' }]);
    } finally {
      await fresh.close();
    }
    await gatewayHealthy();
  });
});

describe('closing a session with a request in flight', () => {
  for (const [label, connect] of [
    ['Streamable HTTP', connectHttp],
    ['legacy SSE', connectSse],
  ] as const) {
    it(`${label}: a client that leaves mid-call does not take the gateway down`, async () => {
      const c = await connect(gw.url, h.token, 'everything');
      let progressed!: () => void;
      const firstProgress = new Promise<void>((r) => (progressed = r));
      const call = c.client
        .callTool({ name: 'trigger-long-running-operation', arguments: { duration: 20, steps: 40 } }, undefined, { onprogress: () => progressed() })
        .catch(() => undefined);
      await firstProgress;
      await c.close();
      await call;
      await sleep(500); // the session's server is being stopped now
      await gatewayHealthy();
      const next = await connect(gw.url, h.token, 'everything');
      try {
        assert.deepEqual(await echo(next, 'still serving'), [{ type: 'text', text: 'Echo: still serving' }]);
      } finally {
        await next.close();
      }
    });

    it(`${label}: a cancelled call followed by closing the session does not take the gateway down`, async () => {
      const c = await connect(gw.url, h.token, 'everything');
      const ac = new AbortController();
      await c.client
        .callTool({ name: 'trigger-long-running-operation', arguments: { duration: 20, steps: 40 } }, undefined, { signal: ac.signal, onprogress: () => ac.abort('enough') })
        .then(
          () => assert.fail('the cancelled call resolved'),
          () => undefined,
        );
      assert.deepEqual(await echo(c, 'after cancel'), [{ type: 'text', text: 'Echo: after cancel' }]);
      await c.close();
      await sleep(500);
      await gatewayHealthy();
    });
  }

  it('no server process is left running once the sessions are gone', async () => {
    const left = await waitNoLeftovers(join(h.home, 'cwd'));
    assert.deepEqual(left, []);
  });
});
