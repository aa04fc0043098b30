import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { LineEndpoint } from '../../src/gateway/line-endpoint.js';
import type { FrameError } from '../../src/gateway/endpoint.js';

function setup(maxFrameBytes = 1024) {
  const input = new PassThrough();
  const output = new PassThrough();
  const ep = new LineEndpoint({ input, output, maxFrameBytes });
  const messages: { msg: unknown; raw?: string }[] = [];
  const errors: FrameError[] = [];
  ep.onmessage = (msg, extra) => messages.push({ msg, raw: extra?.raw });
  ep.onframeerror = (e) => errors.push(e);
  return { input, output, ep, messages, errors };
}

const tick = () => new Promise((r) => setImmediate(r));

test('frames split across chunks are reassembled, CRLF tolerated, raw text kept', async () => {
  const { input, ep, messages } = setup();
  await ep.start();
  input.write('{"jsonrpc":"2.0",');
  input.write('"method":"a"}\r\n{"jsonrpc":"2.0","method":"b"}\n\n');
  await tick();
  assert.deepEqual(messages.map((m) => (m.msg as { method: string }).method), ['a', 'b']);
  assert.equal(messages[0]!.raw, '{"jsonrpc":"2.0","method":"a"}');
});

test('an oversize frame is discarded as it streams, reported with its id, and the next frame works', async () => {
  const { input, ep, messages, errors } = setup(1024);
  await ep.start();
  input.write('{"jsonrpc":"2.0","id":42,"method":"tools/call","params":{"x":"');
  for (let i = 0; i < 50; i++) input.write('y'.repeat(1000));
  input.write('"}}\n{"jsonrpc":"2.0","id":43,"method":"ping"}\n');
  await tick();
  assert.equal(errors.length, 1);
  assert.equal(errors[0]!.code, -32006);
  assert.equal(errors[0]!.id, 42);
  assert.match(errors[0]!.message, /exceeds the limit of 1024 bytes/);
  assert.deepEqual(messages.map((m) => (m.msg as { id: number }).id), [43]);
});

test('non-JSON is a parse error and the stream keeps going', async () => {
  const { input, ep, messages, errors } = setup();
  await ep.start();
  input.write('{"jsonrpc":"2.0","id":7,"method":\n{"jsonrpc":"2.0","id":8,"method":"ping"}\n');
  await tick();
  assert.equal(errors[0]!.code, -32700);
  assert.equal(errors[0]!.id, 7);
  assert.equal(messages.length, 1);
});

test('send writes the raw form when given, one message per line', async () => {
  const { output, ep } = setup();
  await ep.start();
  let written = '';
  output.on('data', (d) => (written += d));
  await ep.send({ jsonrpc: '2.0', method: 'x' }, { raw: '{"jsonrpc":"2.0", "method":"x"}' });
  await ep.send({ jsonrpc: '2.0', method: 'y' });
  await tick();
  assert.equal(written, '{"jsonrpc":"2.0", "method":"x"}\n{"jsonrpc":"2.0","method":"y"}\n');
});

test('a frame forwarded unchanged goes out as the exact bytes that came in (multi-byte text split across chunks, CRLF)', async () => {
  const a = setup();
  const b = setup();
  await a.ep.start();
  await b.ep.start();
  const frames: { msg: unknown; bytes?: Buffer }[] = [];
  a.ep.onmessage = (msg, extra) => frames.push({ msg, bytes: extra?.bytes });
  const text = '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"t":"naïve — 日本語 🙂"}}';
  const encoded = Buffer.from(`${text}\r\n${text}\n`, 'utf8');
  // Split inside a multi-byte character: decoding must happen on the whole frame.
  const cut = encoded.indexOf(Buffer.from('本')) + 1;
  a.input.write(encoded.subarray(0, cut));
  a.input.write(encoded.subarray(cut));
  await tick();
  assert.equal(frames.length, 2);
  assert.equal((frames[0]!.msg as { params: { t: string } }).params.t, 'naïve — 日本語 🙂');
  const out: Buffer[] = [];
  b.output.on('data', (d: Buffer) => out.push(d));
  for (const f of frames) await b.ep.send(f.msg as never, { bytes: f.bytes });
  await tick();
  assert.deepEqual(Buffer.concat(out), encoded);
});

test('the size limit counts the message, not its newline', async () => {
  const { input, ep, messages, errors } = setup(20);
  await ep.start();
  input.write('{"jsonrpc":"2.0"}   \n'); // exactly 20 bytes before the newline
  input.write('{"jsonrpc":"2.0"}    \n'); // 21
  await tick();
  assert.equal(messages.length, 1);
  assert.equal(errors.length, 1);
  assert.match(errors[0]!.message, /message of 21 bytes exceeds the limit of 20 bytes/);
});
