/**
 * Bad input through `airlock run` (raw lines on its stdin) and `airlock up` (raw HTTP): each gets
 * its documented JSON-RPC error, and a normal echo call on the same session still works afterwards.
 *
 * Needs the built CLI: npx tsc -p tsconfig.json
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  RawHttp,
  RawRun,
  SERVER_SCRIPTS,
  airlock,
  childrenOf,
  echoRequest,
  leftoverProcesses,
  makeHome,
  nestedArrays,
  nodeServer,
  sleep,
  startUp,
  type Gateway,
  type TestHome,
} from '../helpers/mcp.js';

const PARSE_ERROR = -32700;
const INVALID_REQUEST = -32600;
const METHOD_NOT_FOUND = -32601;
const TOO_LARGE = -32006;
const MiB = 1024 * 1024;

type Msg = Record<string, unknown>;
const errorOf = (m: Msg) => m.error as { code: number; message: string } | undefined;

/** A tools/call for echo whose message is `bytes` long, with the id first so it can be recovered. */
function hugeEcho(id: number, bytes: number): string {
  return `{"jsonrpc":"2.0","id":${id},"method":"tools/call","params":{"name":"echo","arguments":{"message":"${'x'.repeat(bytes)}"}}}`;
}

function deepEcho(id: number, depth: number): string {
  return `{"jsonrpc":"2.0","id":${id},"method":"tools/call","params":{"name":"echo","arguments":{"message":"deep","deep":${nestedArrays(depth)}}}}`;
}

let h: TestHome;
let gw: Gateway;

before(async () => {
  h = await makeHome(() => ({ everything: { command: process.execPath, args: [SERVER_SCRIPTS.everything, 'stdio'] } }));
  gw = await startUp(h.home);
});

after(async () => {
  await gw?.stop();
  await h?.cleanup();
});

describe('bad input through airlock run', () => {
  let run: RawRun;
  let echoes = 0;

  before(async () => {
    run = new RawRun(h.home, 'everything', nodeServer(SERVER_SCRIPTS.everything, ['stdio']));
    await run.handshake();
  });

  after(async () => {
    const code = await run?.close();
    assert.equal(code, 0, 'airlock run exits cleanly when its client closes stdin');
  });

  /** The session still answers a normal call, with the right result. */
  async function stillWorks(): Promise<void> {
    const id = `echo-${++echoes}`;
    await run.send(echoRequest(id, `still fine ${echoes}`));
    const res = await run.response(id);
    assert.deepEqual(res.result, { content: [{ type: 'text', text: `Echo: still fine ${echoes}` }] }, JSON.stringify(res));
    assert.equal(run.proc.exitCode, null, 'airlock run is still running');
  }

  it('a frame split over several writes is reassembled', async () => {
    const frame = JSON.stringify(echoRequest(1, 'split'));
    await run.write(frame.slice(0, 10));
    await sleep(50);
    await run.write(frame.slice(10, 40));
    await sleep(50);
    await run.write(frame.slice(40) + '\n');
    assert.deepEqual((await run.response(1)).result, { content: [{ type: 'text', text: 'Echo: split' }] });
  });

  it('a truncated frame gets a parse error (-32700) carrying its id', async () => {
    const frame = JSON.stringify(echoRequest(2, 'cut short'));
    await run.write(frame.slice(0, frame.length - 12) + '\n');
    const res = await run.response(2);
    assert.equal(errorOf(res)?.code, PARSE_ERROR, JSON.stringify(res));
    await stillWorks();
  });

  it('non-JSON gets a parse error (-32700) with a null id', async () => {
    await run.write('this is not json at all\n');
    const res = await run.next((m) => m.id === null && 'error' in m);
    assert.equal(errorOf(res)?.code, PARSE_ERROR);
    assert.match(errorOf(res)!.message, /not valid JSON/);
    await stillWorks();
  });

  it('a 20 MiB message gets -32006 naming gateway.maxMessageBytes', async () => {
    await run.write(hugeEcho(3, 20 * MiB) + '\n');
    const res = await run.response(3, 30_000);
    assert.equal(errorOf(res)?.code, TOO_LARGE, JSON.stringify(res).slice(0, 500));
    assert.match(errorOf(res)!.message, /gateway\.maxMessageBytes/);
    await stillWorks();
  });

  it('10,000 nested arrays inside params get -32006 naming the nesting limit', async () => {
    await run.write(deepEcho(4, 10_000) + '\n');
    const res = await run.response(4);
    assert.equal(errorOf(res)?.code, TOO_LARGE, JSON.stringify(res));
    assert.match(errorOf(res)!.message, /nested deeper than \d+ levels \(gateway\.maxDepth\)/);
    await stillWorks();
  });

  it('a second request with the id of one still pending gets -32600; the first completes normally', async () => {
    await run.send({ jsonrpc: '2.0', id: 5, method: 'tools/call', params: { name: 'trigger-long-running-operation', arguments: { duration: 1, steps: 2 } } });
    await run.send(echoRequest(5, 'duplicate'));
    const dup = await run.next((m) => m.id === 5 && 'error' in m);
    assert.equal(errorOf(dup)?.code, INVALID_REQUEST);
    assert.match(errorOf(dup)!.message, /already in use/);
    const first = await run.response(5);
    assert.deepEqual(first.result, { content: [{ type: 'text', text: 'Long running operation completed. Duration: 1 seconds, Steps: 2.' }] });
    await stillWorks();
  });

  it('a response to an unknown id is dropped without an answer', async () => {
    await run.send({ jsonrpc: '2.0', id: 'never-asked', result: { roots: [] } });
    await stillWorks();
    assert.ok(!run.pending().some((m) => (m as Msg).id === 'never-asked'), 'nothing was answered for the stray response');
  });

  it('an unknown method gets -32601', async () => {
    await run.send({ jsonrpc: '2.0', id: 6, method: 'tools/explode', params: {} });
    const res = await run.response(6);
    assert.equal(errorOf(res)?.code, METHOD_NOT_FOUND);
    assert.match(errorOf(res)!.message, /tools\/explode/);
    await stillWorks();
  });

  it('invalid JSON-RPC (no "jsonrpc" member) gets -32600 with its id', async () => {
    await run.send({ id: 7, method: 'tools/list' });
    const res = await run.response(7);
    assert.equal(errorOf(res)?.code, INVALID_REQUEST);
    assert.match(errorOf(res)!.message, /jsonrpc/);
    await stillWorks();
  });

  it('a JSON-RPC batch gets -32600 (MCP has no batches)', async () => {
    await run.write(JSON.stringify([echoRequest(8, 'a'), echoRequest(9, 'b')]) + '\n');
    const res = await run.next((m) => m.id === null && 'error' in m);
    assert.equal(errorOf(res)?.code, INVALID_REQUEST);
    await stillWorks();
  });

  it('a client that leaves in the middle of a frame ends the session cleanly and stops the server', async () => {
    const leaving = new RawRun(h.home, 'everything', nodeServer(SERVER_SCRIPTS.everything, ['stdio']));
    await leaving.handshake();
    await leaving.write(JSON.stringify(echoRequest('cut', 'never finished')).slice(0, 30));
    const code = await leaving.close();
    assert.equal(code, 0);
    assert.ok(!leaving.pending().some((m) => (m as Msg).id === 'cut'), 'the partial frame was not treated as a request');
    const others = new Set([run.proc.pid!, gw.proc.pid!, ...childrenOf(run.proc.pid!), ...childrenOf(gw.proc.pid!)]);
    const left = leftoverProcesses(h.home).filter((pid) => !others.has(pid));
    assert.deepEqual(left, [], 'the server of the ended session is still running');
  });

  it('nothing unexpected was written to stdout along the way', async () => {
    await sleep(200);
    const unexpected = run.pending().filter((m) => 'id' in (m as Msg));
    assert.deepEqual(unexpected, []);
  });
});

describe('bad input through airlock up (Streamable HTTP)', () => {
  let raw: RawHttp;
  let echoes = 0;

  before(async () => {
    raw = new RawHttp(`${gw.url}/mcp/everything`, h.token);
    await raw.handshake();
  });

  after(async () => {
    await raw?.close();
  });

  async function stillWorks(): Promise<void> {
    const id = `echo-${++echoes}`;
    const res = await raw.postJson(echoRequest(id, `still fine ${echoes}`));
    assert.equal(res.status, 200, res.text);
    const answer = res.messages.find((m) => m.id === id);
    assert.deepEqual(answer?.result, { content: [{ type: 'text', text: `Echo: still fine ${echoes}` }] }, res.text);
    assert.equal(gw.proc.exitCode, null, 'airlock up is still running');
  }

  it('a truncated body gets 400 and a parse error (-32700)', async () => {
    const body = JSON.stringify(echoRequest(2, 'cut short'));
    const res = await raw.post(body.slice(0, body.length - 12));
    assert.equal(res.status, 400);
    assert.equal(errorOf(res.messages[0]!)?.code, PARSE_ERROR, res.text);
    await stillWorks();
  });

  it('non-JSON gets 400 and a parse error (-32700)', async () => {
    const res = await raw.post('this is not json at all');
    assert.equal(res.status, 400);
    assert.equal(errorOf(res.messages[0]!)?.code, PARSE_ERROR, res.text);
    await stillWorks();
  });

  it('a 20 MiB body gets 413 and -32006 naming gateway.maxMessageBytes', async () => {
    const res = await raw.post(hugeEcho(3, 20 * MiB));
    assert.equal(res.status, 413);
    assert.equal(errorOf(res.messages[0]!)?.code, TOO_LARGE, res.text);
    assert.match(errorOf(res.messages[0]!)!.message, /gateway\.maxMessageBytes/);
    await stillWorks();
  });

  it('10,000 nested arrays inside params get -32006 naming the nesting limit', async () => {
    const res = await raw.post(deepEcho(4, 10_000));
    const answer = res.messages.find((m) => m.id === 4);
    assert.equal(errorOf(answer ?? {})?.code, TOO_LARGE, res.text);
    assert.match(errorOf(answer!)!.message, /gateway\.maxDepth/);
    await stillWorks();
  });

  it('a second request with the id of one still pending gets -32600; the first completes normally', async () => {
    const first = raw.postJson({ jsonrpc: '2.0', id: 5, method: 'tools/call', params: { name: 'trigger-long-running-operation', arguments: { duration: 1, steps: 2 } } });
    await sleep(200);
    const dup = await raw.postJson(echoRequest(5, 'duplicate'));
    const dupAnswer = dup.messages.find((m) => m.id === 5);
    assert.equal(errorOf(dupAnswer ?? {})?.code, INVALID_REQUEST, dup.text);
    const done = await first;
    assert.deepEqual(done.messages.find((m) => m.id === 5)?.result, { content: [{ type: 'text', text: 'Long running operation completed. Duration: 1 seconds, Steps: 2.' }] });
    await stillWorks();
  });

  it('a response to an unknown id is accepted (202) and dropped', async () => {
    const res = await raw.postJson({ jsonrpc: '2.0', id: 'never-asked', result: { roots: [] } });
    assert.equal(res.status, 202);
    assert.equal(res.text, '');
    await stillWorks();
  });

  it('an unknown method gets -32601', async () => {
    const res = await raw.postJson({ jsonrpc: '2.0', id: 6, method: 'tools/explode', params: {} });
    assert.equal(errorOf(res.messages.find((m) => m.id === 6) ?? {})?.code, METHOD_NOT_FOUND, res.text);
    await stillWorks();
  });

  it('invalid JSON-RPC (no "jsonrpc" member) gets 400 and -32600 with its id', async () => {
    const res = await raw.postJson({ id: 7, method: 'tools/list' });
    assert.equal(res.status, 400);
    assert.equal(res.messages[0]?.id, 7);
    assert.equal(errorOf(res.messages[0]!)?.code, INVALID_REQUEST, res.text);
    await stillWorks();
  });

  it('a request without a session id that is not initialize is refused with -32600', async () => {
    const stranger = new RawHttp(raw.endpoint, h.token);
    const res = await stranger.postJson(echoRequest(8, 'no session'));
    assert.equal(res.status, 400);
    assert.equal(errorOf(res.messages[0]!)?.code, INVALID_REQUEST, res.text);
    await stillWorks();
  });
});

describe('what the audit log makes of it', () => {
  it('both stray responses were recorded as unmatched, without their content', async () => {
    const res = await airlock(h.home, ['audit', 'export', '--jsonl']);
    assert.equal(res.code, 0, res.stderr);
    const unmatched = res.stdout
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { entry?: { type: string; data: Record<string, unknown> } }).entry)
      .filter((e) => e?.type === 'message.unmatched' && e.data.dir === 'c2s');
    assert.deepEqual(unmatched.map((e) => e!.data.id), ['never-asked', 'never-asked'], 'one from airlock run, one from airlock up');
    assert.ok(!res.stdout.includes('still fine'), 'no payload value in the audit log');
  });
});
