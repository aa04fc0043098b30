/**
 * The audit trail of a relayed session: after an `airlock run` session the chain verifies, `audit
 * tail` shows the session and every relayed request and response, and no payload value — neither
 * what the client sent nor what the server answered — appears anywhere in the exported log.
 *
 * Needs the built CLI: npx tsc -p tsconfig.json
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { SERVER_SCRIPTS, airlock, connectHttp, connectRun, makeHome, nodeServer, startUp, waitNoLeftovers, type TestHome } from '../helpers/mcp.js';

interface Entry {
  seq: number;
  type: string;
  server: string | null;
  session: string | null;
  data: Record<string, unknown>;
}

let h: TestHome;
/** Unique strings that travel through the relay and must never be recorded. */
const canary = `canary-${randomBytes(8).toString('hex')}`;
const secretArg = `sk-live-${randomBytes(12).toString('hex')}`;

before(async () => {
  h = await makeHome(() => ({ everything: { command: process.execPath, args: [SERVER_SCRIPTS.everything, 'stdio'] } }));
  const c = await connectRun(h.home, 'everything', nodeServer(SERVER_SCRIPTS.everything, ['stdio']));
  try {
    const echoed = await c.client.callTool({ name: 'echo', arguments: { message: `${canary} ${secretArg}` } });
    // The values really went through the relay, so their absence from the log means something.
    assert.deepEqual(echoed.content, [{ type: 'text', text: `Echo: ${canary} ${secretArg}` }]);
    const sum = await c.client.callTool({ name: 'get-sum', arguments: { a: 1234567, b: 7654321 } });
    assert.match(JSON.stringify(sum.content), /8888888/);
  } finally {
    await c.close();
  }
  // `airlock run` records session.end after the client leaves; wait until it and its server are gone.
  assert.deepEqual(await waitNoLeftovers(h.home, 10_000), []);
});

after(async () => {
  await h?.cleanup();
});

async function tail(n = 500): Promise<Entry[]> {
  const res = await airlock(h.home, ['audit', 'tail', '-n', String(n)]);
  assert.equal(res.code, 0, res.stderr);
  return res.stdout
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Entry);
}

describe('audit trail of an airlock run session', () => {
  it('audit verify exits 0 on the untouched chain', async () => {
    const res = await airlock(h.home, ['audit', 'verify']);
    assert.equal(res.code, 0, res.stdout + res.stderr);
    assert.match(res.stdout, /intact/);
  });

  it('audit tail shows the session and every relayed request and response', async () => {
    const entries = (await tail()).filter((e) => e.server === 'everything');
    const start = entries.find((e) => e.type === 'session.start');
    assert.ok(start?.session, 'session.start recorded');
    const session = entries.filter((e) => e.session === start.session);
    const requests = session.filter((e) => e.type === 'message.request' && e.data.dir === 'c2s');
    const responses = session.filter((e) => e.type === 'message.response' && e.data.dir === 's2c');
    assert.deepEqual(
      requests.map((e) => [e.data.method, e.data.tool ?? null]),
      [
        ['initialize', null],
        ['tools/call', 'echo'],
        ['tools/call', 'get-sum'],
      ],
    );
    assert.deepEqual(
      responses.map((e) => [e.data.method, e.data.tool ?? null, e.data.verdict]),
      [
        ['initialize', null, 'allow'],
        ['tools/call', 'echo', 'allow'],
        ['tools/call', 'get-sum', 'allow'],
      ],
    );
    assert.ok(session.some((e) => e.type === 'message.notification' && e.data.method === 'notifications/initialized'));
    assert.ok(session.some((e) => e.type === 'session.end'), 'session.end recorded');
    assert.ok(entries.some((e) => e.type === 'sandbox.start' && e.session === start.session && e.data.isolation === 'process'), 'the start of the server and its tier are recorded');
    const seqs = session.map((e) => e.seq);
    assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b), 'entries are in chain order');
  });

  it('no payload value appears anywhere in the exported log', async () => {
    const res = await airlock(h.home, ['audit', 'export', '--jsonl']);
    assert.equal(res.code, 0, res.stderr);
    // The export is the real log: it holds the relayed calls by tool name ...
    assert.match(res.stdout, /"tool":"echo"/);
    assert.match(res.stdout, /"tool":"get-sum"/);
    // ... and none of what they carried, in either direction.
    for (const value of [canary, secretArg, 'Echo: ', '1234567', '8888888']) {
      assert.ok(!res.stdout.includes(value), `the audit export contains the payload value ${value}`);
    }
  });

  it('a session through airlock up lands in the same verifiable chain', async () => {
    const gw = await startUp(h.home);
    try {
      const c = await connectHttp(gw.url, h.token, 'everything');
      try {
        await c.client.callTool({ name: 'echo', arguments: { message: canary } });
      } finally {
        await c.close();
      }
    } finally {
      await gw.stop();
    }
    const verify = await airlock(h.home, ['audit', 'verify']);
    assert.equal(verify.code, 0, verify.stdout + verify.stderr);
    const entries = await tail();
    const upSessions = new Set(entries.filter((e) => e.type === 'session.start').map((e) => e.session));
    assert.equal(upSessions.size, 2, 'both the run and the up session are recorded');
    const exported = await airlock(h.home, ['audit', 'export', '--jsonl']);
    assert.ok(!exported.stdout.includes(canary), 'the audit export contains the payload value');
  });
});
