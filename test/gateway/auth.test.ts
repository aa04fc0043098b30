/**
 * Authentication of `airlock up`: every MCP endpoint (Streamable HTTP, legacy SSE stream and its
 * message endpoint) refuses a request without a valid, unrevoked bearer token with 401; the token
 * `airlock init` printed works; /healthz is the only unauthenticated route.
 *
 * Needs the built CLI: npx tsc -p tsconfig.json
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  RawHttp,
  SERVER_SCRIPTS,
  airlock,
  connectHttp,
  connectSse,
  echoRequest,
  makeHome,
  startUp,
  type Gateway,
  type TestHome,
} from '../helpers/mcp.js';

let h: TestHome;
let gw: Gateway;
let endpoint: string;

const INIT = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'auth-test', version: '1' } } };

before(async () => {
  h = await makeHome(() => ({ everything: { command: process.execPath, args: [SERVER_SCRIPTS.everything, 'stdio'] } }));
  gw = await startUp(h.home);
  endpoint = `${gw.url}/mcp/everything`;
});

after(async () => {
  await gw?.stop();
  await h?.cleanup();
});

function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
    body: JSON.stringify(body),
  });
}

async function createToken(): Promise<{ id: string; token: string }> {
  const res = await airlock(h.home, ['tokens', 'create', '--name', 'auth-test', '--json']);
  assert.equal(res.code, 0, res.stderr);
  return JSON.parse(res.stdout) as { id: string; token: string };
}

async function revoke(id: string): Promise<void> {
  const res = await airlock(h.home, ['tokens', 'revoke', id]);
  assert.equal(res.code, 0, res.stderr);
}

/** A full session with `token`: initialize and one echo call. */
async function sessionWorks(token: string): Promise<void> {
  const raw = new RawHttp(endpoint, token);
  await raw.handshake();
  const res = await raw.postJson(echoRequest('e', 'authorised'));
  assert.deepEqual(res.messages.find((m) => m.id === 'e')?.result, { content: [{ type: 'text', text: 'Echo: authorised' }] }, res.text);
  await raw.close();
}

describe('airlock up authentication', () => {
  it('/healthz answers without a token', async () => {
    const res = await fetch(`${gw.url}/healthz`);
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { ok: boolean }).ok, true);
  });

  it('refuses a request without a token with 401 and a Bearer challenge', async () => {
    const res = await post(endpoint, INIT);
    assert.equal(res.status, 401);
    assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer/);
    assert.match(await res.text(), /missing bearer token/);
    assert.equal(res.headers.get('mcp-session-id'), null, 'no session was created');
  });

  it('refuses an unknown token, a malformed header and another scheme with 401', async () => {
    for (const authorization of [`Bearer ${h.token.slice(0, -4)}abcd`, 'Bearer not-a-token', 'Bearer', `Basic ${Buffer.from('admin:admin').toString('base64')}`, h.token]) {
      const res = await post(endpoint, INIT, { authorization });
      assert.equal(res.status, 401, `Authorization: ${authorization.slice(0, 12)}… was accepted`);
      await res.body?.cancel();
    }
  });

  it('accepts the token airlock init printed (raw HTTP and the SDK client)', async () => {
    await sessionWorks(h.token);
    const c = await connectHttp(gw.url, h.token, 'everything');
    try {
      assert.deepEqual((await c.client.callTool({ name: 'echo', arguments: { message: 'sdk' } })).content, [{ type: 'text', text: 'Echo: sdk' }]);
    } finally {
      await c.close();
    }
  });

  it('an established session cannot be driven without the token (Streamable HTTP)', async () => {
    const raw = new RawHttp(endpoint, h.token);
    await raw.handshake();
    try {
      const hijack = await post(endpoint, echoRequest('x', 'hijack'), { 'mcp-session-id': raw.sessionId!, 'mcp-protocol-version': '2025-06-18' });
      assert.equal(hijack.status, 401);
      const del = await fetch(endpoint, { method: 'DELETE', headers: { 'mcp-session-id': raw.sessionId! } });
      assert.equal(del.status, 401);
      // The owner's session is untouched.
      const res = await raw.postJson(echoRequest('y', 'owner'));
      assert.deepEqual(res.messages.find((m) => m.id === 'y')?.result, { content: [{ type: 'text', text: 'Echo: owner' }] }, res.text);
    } finally {
      await raw.close();
    }
  });

  it('legacy SSE: the stream and the message endpoint both need the token', async () => {
    const stream = await fetch(`${endpoint}/sse`, { headers: { accept: 'text/event-stream' } });
    assert.equal(stream.status, 401);
    await stream.body?.cancel();
    const c = await connectSse(gw.url, h.token, 'everything');
    try {
      const sessionId = (c.transport as unknown as { _endpoint?: URL })._endpoint?.searchParams.get('sessionId');
      assert.ok(sessionId, 'the SSE client learned its message endpoint');
      const hijack = await post(`${endpoint}/messages?sessionId=${sessionId}`, echoRequest('x', 'hijack'));
      assert.equal(hijack.status, 401);
      assert.deepEqual((await c.client.callTool({ name: 'echo', arguments: { message: 'sse' } })).content, [{ type: 'text', text: 'Echo: sse' }]);
    } finally {
      await c.close();
    }
  });

  it('a token created with `airlock tokens create` works; once revoked before use it is refused', async () => {
    const fresh = await createToken();
    const other = await createToken();
    await sessionWorks(fresh.token);
    await revoke(other.id);
    const res = await post(endpoint, INIT, { authorization: `Bearer ${other.token}` });
    assert.equal(res.status, 401);
    assert.match(await res.text(), /invalid or revoked/);
  });

  it('a token revoked after use is refused on its next request', async () => {
    const t = await createToken();
    await sessionWorks(t.token);
    await revoke(t.id);
    const res = await post(endpoint, INIT, { authorization: `Bearer ${t.token}` });
    await res.body?.cancel();
    assert.equal(res.status, 401, 'a revoked token still opened a session');
  });

  it('refuses a browser request from a foreign origin (DNS rebinding) even with a valid token', async () => {
    const res = await post(endpoint, INIT, { authorization: `Bearer ${h.token}`, origin: 'http://attacker.example' });
    assert.equal(res.status, 403);
    await res.body?.cancel();
    const local = await post(endpoint, INIT, { authorization: `Bearer ${h.token}`, origin: 'http://localhost:3000' });
    assert.equal(local.status, 200);
    const sid = local.headers.get('mcp-session-id');
    await local.body?.cancel();
    if (sid) await fetch(endpoint, { method: 'DELETE', headers: { authorization: `Bearer ${h.token}`, 'mcp-session-id': sid } });
  });
});
