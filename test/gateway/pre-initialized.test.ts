/**
 * Pooled sandboxes with the MCP handshake done ahead of time (src/gateway/pre-initialized.ts), on
 * the process driver with a tiny real server: what the server says while no client is attached is
 * held and delivered, in order, after the client's own handshake; a server that says too much while
 * idle is retired instead of buffered without bound.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import { createProcessDriver } from '../../src/sandbox/process.js';
import type { Sandbox, SandboxSpec } from '../../src/sandbox/types.js';
import { MAX_HELD_MESSAGES, preInitializedUpstream, preInitializer } from '../../src/gateway/pre-initialized.js';
import type { JsonRpcMessage } from '../../src/gateway/jsonrpc.js';

const SERVER = resolve(import.meta.dirname, '../fixtures/chatty-server.mjs');

async function pooled(count: number): Promise<{ sandbox: Sandbox; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-preinit-'));
  const spec = { server: 'chatty', command: process.execPath, args: [SERVER], env: { PATH: process.env.PATH ?? '', CHATTY_COUNT: String(count) }, workspace: dir } as unknown as SandboxSpec;
  const sandbox = await createProcessDriver().start(spec);
  await preInitializer({ maxMessageBytes: 1 << 20 })(sandbox);
  return { sandbox, dir };
}

const settle = (ms = 200) => new Promise((r) => setTimeout(r, ms));

test('messages the server sent while pooled reach the client after its initialized notification, in order', async () => {
  const { sandbox, dir } = await pooled(3);
  try {
    await settle();
    const up = preInitializedUpstream(sandbox, { coldStart: () => Promise.reject(new Error('no cold start expected')) });
    assert.ok(up, 'the sandbox was pre-initialized');
    const received: JsonRpcMessage[] = [];
    up.endpoint.onmessage = (m) => received.push(m);
    await up.endpoint.start();
    await up.endpoint.send({ jsonrpc: '2.0', id: 0, method: 'initialize', params: { protocolVersion: LATEST_PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 't', version: '1' } } });
    await settle(50);
    assert.equal(received.length, 1, 'only the initialize answer before the client says initialized');
    assert.equal((received[0] as { id: number }).id, 0);
    await up.endpoint.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    await up.endpoint.send({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'echo', arguments: { text: 'hi' } } });
    await settle();
    const rest = received.slice(1).map((m) => ('method' in m ? (m.params as { data: string }).data : (m as unknown as { result: { content: { text: string }[] } }).result.content[0]!.text));
    // The held notes first (the server sent them before the call was made), then the call's answer;
    // the server saw one initialized notification only, so it did not send them twice.
    assert.deepEqual(rest, ['note 0', 'note 1', 'note 2', 'echo hi']);
    await up.stop();
  } finally {
    await sandbox.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});

test(`a pooled server that sends more than ${MAX_HELD_MESSAGES} messages with no client attached is retired`, async () => {
  const { sandbox, dir } = await pooled(MAX_HELD_MESSAGES + 10);
  try {
    const exit = await Promise.race([sandbox.exited, settle(5000).then(() => null)]);
    assert.ok(exit, 'the chatty pooled sandbox is still running');
  } finally {
    await sandbox.kill();
    rmSync(dir, { recursive: true, force: true });
  }
  // Control: one that stays under the limit keeps running.
  const quiet = await pooled(MAX_HELD_MESSAGES - 10);
  try {
    const exit = await Promise.race([quiet.sandbox.exited, settle(500).then(() => null)]);
    assert.equal(exit, null, 'a pooled sandbox under the limit was retired');
  } finally {
    await quiet.sandbox.kill();
    rmSync(quiet.dir, { recursive: true, force: true });
  }
});
