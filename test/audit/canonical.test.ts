import assert from 'node:assert/strict';
import { it } from 'node:test';
import { canonicalJson } from '../../src/audit/canonicalJson.js';

it('canonicalJson sorts keys at every depth and adds no whitespace', () => {
  assert.equal(canonicalJson({ b: [{ z: 1, a: 'x' }], a: null, c: { y: true, x: 1.5 } }), '{"a":null,"b":[{"a":"x","z":1}],"c":{"x":1.5,"y":true}}');
  assert.equal(canonicalJson({ b: 1, a: 2 }), canonicalJson({ a: 2, b: 1 }));
  assert.equal(canonicalJson('é"\n'), JSON.stringify('é"\n'));
});

it('canonicalJson refuses values that JSON cannot represent', () => {
  assert.throws(() => canonicalJson({ n: Number.NaN }), /non-finite/);
  assert.throws(() => canonicalJson({ n: 1n }), /bigint/);
  assert.throws(() => canonicalJson(() => 1), /function/);
});

it('the append fast path hashes exactly what entryHash computes', async () => {
  const { entryHash, entryHashWithData } = await import('../../src/audit/chain.js');
  const entry = { tenant: 't"1', seq: 7, ts: '2026-01-01T00:00:00.000Z', type: 'x.y', server: null, session: 'é', actor: 'cli', prevHash: 'a'.repeat(64) };
  const data = { z: [1, { b: 2, a: 'x\n' }], a: null };
  assert.equal(entryHashWithData(entry, canonicalJson(data)), entryHash({ ...entry, data }));
});

it('the entry hash is SHA-256 of the UTF-8 bytes, whichever hashing call computes it', async () => {
  const { createHash } = await import('node:crypto');
  const { entryHashWithData } = await import('../../src/audit/chain.js');
  const entry = { tenant: 'tenant-ü', seq: 3, ts: '2026-01-01T00:00:00.000Z', type: 'x', server: 's\ud800', session: null, actor: null, prevHash: 'f'.repeat(64) };
  const dataJson = '{"a":"😀"}';
  const s = JSON.stringify;
  const body =
    `{"actor":${s(entry.actor)},"data":${dataJson},"prevHash":${s(entry.prevHash)},"seq":${s(entry.seq)},` +
    `"server":${s(entry.server)},"session":${s(entry.session)},"tenant":${s(entry.tenant)},"ts":${s(entry.ts)},"type":${s(entry.type)}}`;
  assert.equal(entryHashWithData(entry, dataJson), createHash('sha256').update(entry.prevHash + body, 'utf8').digest('hex'));
});
