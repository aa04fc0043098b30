/**
 * The relay's audit contract on its hot path: a message whose audit entry is committed on the spot
 * is forwarded in the same tick, one whose entry cannot be committed is refused (requests are not
 * forwarded, responses are replaced by an error), and forwarding order never depends on which way
 * an entry was committed. Real SQLite audit log; the two endpoints are in-memory peers.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openStore, type Store } from '../../src/store/index.js';
import { createAuditLog, verifyChain, type AuditEventInput, type AuditLog, type AuditRecord, type ChainedAuditLog } from '../../src/audit/index.js';
import { RelaySession } from '../../src/gateway/relay.js';
import { Pipeline } from '../../src/inspect/pipeline.js';
import { ErrorCode, type JsonRpcMessage } from '../../src/gateway/jsonrpc.js';
import type { Endpoint } from '../../src/gateway/endpoint.js';

class MemoryEndpoint implements Endpoint {
  onmessage?: Endpoint['onmessage'];
  onclose?: () => void;
  readonly sent: JsonRpcMessage[] = [];
  onsend?: (m: JsonRpcMessage) => void;
  async start(): Promise<void> {}
  async close(): Promise<void> {}
  async send(m: JsonRpcMessage): Promise<void> {
    this.sent.push(m);
    this.onsend?.(m);
  }
}

let home: string;
let store: Store;
let audit: ChainedAuditLog;

before(async () => {
  home = mkdtempSync(join(tmpdir(), 'airlock-relay-audit-'));
  store = await openStore({ home });
  audit = createAuditLog(store);
});

after(async () => {
  await audit.close();
  await store.close();
  rmSync(home, { recursive: true, force: true });
});

async function relayWith(log: AuditLog): Promise<{ client: MemoryEndpoint; upstream: MemoryEndpoint; relay: RelaySession }> {
  const client = new MemoryEndpoint();
  const upstream = new MemoryEndpoint();
  const relay = new RelaySession({
    tenant: 'default',
    server: 'mem',
    session: `s-${Math.random().toString(36).slice(2)}`,
    client,
    upstream,
    pipeline: new Pipeline({ inspectors: [], maxDepth: 64, auditSalt: 'salt' }),
    audit: log,
    maxDepth: 64,
    unknownMethods: 'reject',
  });
  await relay.start();
  return { client, upstream, relay };
}

const call = (id: number) => ({ jsonrpc: '2.0' as const, id, method: 'tools/call', params: { name: 'echo', arguments: { message: `m${id}` } } });
const settle = () => new Promise((r) => setImmediate(r));

async function failWrites(on: boolean): Promise<void> {
  if (on) await sql`CREATE TRIGGER fail_audit BEFORE INSERT ON audit_events BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END`.execute(store.db);
  else await sql`DROP TRIGGER fail_audit`.execute(store.db);
}

describe('relay and audit log (SQLite)', () => {
  it('an idle relay forwards a request in the same tick its entry is committed, and the chain holds it', async () => {
    const { client, upstream } = await relayWith(audit);
    await settle();
    client.onmessage!(call(1));
    // No await in between: the request is already with the server.
    assert.deepEqual(upstream.sent.map((m) => (m as { id: number }).id), [1]);
    upstream.onmessage!({ jsonrpc: '2.0', id: 1, result: { content: [] } });
    assert.deepEqual(client.sent.map((m) => (m as { id: number }).id), [1]);
    const verified = await verifyChain(store, 'default');
    assert.equal(verified.ok, true);
  });

  it('a request whose entry cannot be committed is not forwarded; the client gets AuditUnavailable', async () => {
    const { client, upstream } = await relayWith(audit);
    await settle();
    await failWrites(true);
    try {
      client.onmessage!(call(7));
      await settle();
      assert.equal(upstream.sent.length, 0, 'a request the audit log could not record reached the server');
      const reply = client.sent.at(-1) as { id: number; error?: { code: number; message: string } };
      assert.equal(reply.id, 7);
      assert.equal(reply.error?.code, ErrorCode.AuditUnavailable);
      assert.match(reply.error!.message, /could not record/);
    } finally {
      await failWrites(false);
    }
    client.onmessage!(call(8));
    await settle();
    assert.deepEqual(upstream.sent.map((m) => (m as { id: number }).id), [8], 'the session works again once the store does');
  });

  it('a response whose entry cannot be committed is replaced by AuditUnavailable, never passed on', async () => {
    const { client, upstream } = await relayWith(audit);
    await settle();
    client.onmessage!(call(3));
    assert.equal(upstream.sent.length, 1);
    await failWrites(true);
    try {
      upstream.onmessage!({ jsonrpc: '2.0', id: 3, result: { content: [{ type: 'text', text: 'the answer' }] } });
      await settle();
    } finally {
      await failWrites(false);
    }
    const reply = client.sent.at(-1) as { id: number; result?: unknown; error?: { code: number } };
    assert.equal(reply.id, 3);
    assert.equal(reply.result, undefined, 'an unrecorded response reached the client');
    assert.equal(reply.error?.code, ErrorCode.AuditUnavailable);
  });

  it('order holds when an entry waits for a batch and the next one commits on the spot', async () => {
    // The first append goes through the batch (as under load); the next ones commit immediately.
    let deferNext = true;
    const mixed: AuditLog = {
      append: (e: AuditEventInput) => audit.append(e),
      appendNow: (e: AuditEventInput): AuditRecord | null => {
        if (e.type === 'message.request' && deferNext) {
          deferNext = false;
          return null;
        }
        return audit.appendNow(e);
      },
    };
    const { client, upstream } = await relayWith(mixed);
    await settle();
    for (let id = 1; id <= 5; id++) client.onmessage!(call(id));
    await audit.flush();
    await settle();
    assert.deepEqual(upstream.sent.map((m) => (m as { id: number }).id), [1, 2, 3, 4, 5]);
  });

  it('an audit log without a synchronous path (e.g. PostgreSQL) still gates every message', async () => {
    let fail = false;
    const asyncOnly: AuditLog = { append: (e) => (fail ? Promise.reject(new Error('store down')) : audit.append(e)) };
    const { client, upstream } = await relayWith(asyncOnly);
    await settle();
    client.onmessage!(call(1));
    assert.equal(upstream.sent.length, 0, 'forwarded before its entry was committed');
    await audit.flush();
    await settle();
    assert.equal(upstream.sent.length, 1);
    fail = true;
    client.onmessage!(call(2));
    await settle();
    assert.equal(upstream.sent.length, 1);
    assert.equal((client.sent.at(-1) as { error?: { code: number } }).error?.code, ErrorCode.AuditUnavailable);
  });
  it('closing a session answers the requests still waiting for the server with the given code and reason', async () => {
    const { client, upstream, relay } = await relayWith(audit);
    await settle();
    client.onmessage!(call(41));
    client.onmessage!(call(42));
    await audit.flush();
    await settle();
    assert.equal(upstream.sent.length, 2);
    await relay.close('the server was quarantined (GHSA-test)', ErrorCode.Quarantined);
    const answers = client.sent.filter((m) => 'error' in m) as { id: number; error: { code: number; message: string } }[];
    assert.deepEqual(answers.map((a) => [a.id, a.error.code]), [[41, ErrorCode.Quarantined], [42, ErrorCode.Quarantined]]);
    assert.match(answers[0]!.error.message, /quarantined \(GHSA-test\)/);
  });
});
