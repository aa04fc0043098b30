import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { alnum, githubToken, rng, scan, scanLeaves } from './helpers.js';

const r = rng(11);

describe('nested and encoded content', () => {
  it('JSON embedded in a string, escaped twice: the finding maps back to exact outer offsets', () => {
    const token = githubToken(r);
    const inner = JSON.stringify({ config: JSON.stringify({ github: { token } }) });
    const f = scan(inner).find((x) => x.type === 'github-pat');
    assert.ok(f);
    assert.equal(inner.slice(f.start, f.end), token);
  });

  it('\\u escapes: a token written as unicode escapes is found, its span is the escaped run', () => {
    const token = 'sk_live_' + alnum(r, 30);
    const escaped = [...token].map((c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
    const text = `{"k": "${escaped}"}`;
    const f = scan(text).find((x) => x.type === 'stripe-secret-key');
    assert.ok(f, 'found after unescaping');
    assert.equal(text.slice(f.start, f.end), escaped);
  });

  it('base64: a .env file returned as base64 is decoded; the finding covers the encoded run', () => {
    const token = githubToken(r);
    const b64 = Buffer.from(`# deploy\nGITHUB_TOKEN=${token}\nREGION=eu\n`).toString('base64');
    const text = `file contents (base64): ${b64}`;
    const f = scan(text).find((x) => x.type === 'github-pat');
    assert.ok(f);
    assert.equal(text.slice(f.start, f.end), b64);
    assert.match(f.detail ?? '', /base64-decoded/);
    assert.ok(!(f.detail ?? '').includes(token));
  });

  it('base64url and hex encodings are decoded too', () => {
    const card = '4242 4242 4242 4242';
    const url = Buffer.from(`{"card":"${card}","name":"J Doe"}`).toString('base64url');
    assert.ok(scan(`payload=${url}`).some((x) => x.type === 'credit-card'));
    const key = 'AKIA' + 'QZ7XR2VN4LTK5PJW';
    const hex = Buffer.from(`aws_access_key_id=${key}`).toString('hex');
    const f = scan(`dump ${hex}`).find((x) => x.type === 'aws-access-key-id');
    assert.ok(f);
    assert.equal(`dump ${hex}`.slice(f.start, f.end), hex);
  });

  it('percent-encoding: a fully encoded query parameter is decoded', () => {
    const token = 'sk_live_' + alnum(r, 30);
    const enc = [...`key=${token}`].map((c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')).join('');
    const text = `GET /cb?state=${enc} 200`;
    const f = scan(text).find((x) => x.type === 'stripe-secret-key');
    assert.ok(f);
    assert.equal(text.slice(f.start, f.end), enc);
  });

  it('percent-encoding nested inside percent-encoding terminates (regression: shared regex reentry looped forever)', () => {
    const token = 'sk_live_' + alnum(r, 30);
    const once = encodeURIComponent(`next=https://x.example/cb?key=${token}&v=1-2`);
    const twice = encodeURIComponent(`https://app.example/login?state=${once}&a=%41%42%43`);
    const text = `[link](https://chat.example/join#/?v=1-2&data=${twice}) and more ${encodeURIComponent('%7B%22a%22%3A1%7D')}`;
    const f = scan(text).find((x) => x.type === 'stripe-secret-key');
    assert.ok(f, 'found through two layers of percent-encoding');
  });

  it('binary base64 (an image) and hashes are not decoded into findings', () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 37) % 256))]).toString('base64');
    assert.deepEqual(scan(png), []);
    assert.deepEqual(scan('a3f5c9e2b7d14f6a8e0c2b4d6f8a1c3e5b7d9f0a2c4e6b8d0f1a3c5e7b9d2f4a'), []);
  });

  it('decoding depth is bounded by config', () => {
    const token = githubToken(r);
    const twice = Buffer.from(Buffer.from(`t=${token}`).toString('base64')).toString('base64');
    assert.ok(scan(twice).some((x) => x.type === 'github-pat'), 'depth 2 finds a doubly encoded token');
    assert.ok(!scan(twice, '$', { decode: { maxDepth: 1 } }).some((x) => x.type === 'github-pat'), 'depth 1 does not');
    assert.ok(!scan(Buffer.from(`t=${token}`).toString('base64'), '$', { decode: { maxDepth: 0 } }).some((x) => x.type === 'github-pat'));
  });

  it('every string leaf is scanned and reports its own path', () => {
    const token = githubToken(r);
    const f = scanLeaves([
      { path: '$.result.content[0].text', text: 'nothing here' },
      { path: '$.result.structuredContent.repos[3].auth', text: `token ${token}` },
    ]);
    assert.equal(f.length, 1);
    assert.equal(f[0]!.path, '$.result.structuredContent.repos[3].auth');
  });
});

describe('registered secrets', () => {
  const value = 'vault-Only/Known+Value=42';
  const ctxWith = { surface: 'response' as const, server: 's', knownSecrets: [{ name: 'DB_MASTER', value }] };
  const forms: [string, string][] = [
    ['raw', value],
    ['base64', Buffer.from(value).toString('base64')],
    ['base64url', Buffer.from(value).toString('base64url')],
    ['hex', Buffer.from(value).toString('hex')],
    ['url-encoded', encodeURIComponent(value)],
  ];
  for (const [form, encoded] of forms) {
    it(`is found in its ${form} form with exact offsets`, () => {
      const text = `echo ${encoded} done`;
      const f = scanLeaves([{ path: '$.out', text }], {}, ctxWith).find((x) => x.type === 'registered-secret');
      assert.ok(f, form);
      assert.equal(text.slice(f.start, f.end), encoded);
      assert.equal(f.score, 1);
      assert.ok(f.detail?.includes('DB_MASTER'));
      assert.ok(!f.detail?.includes(value));
    });
  }
  it('is not reported when the context does not register it', () => {
    assert.ok(!scan(`echo ${value}`).some((x) => x.type === 'registered-secret'));
  });
  it('is found inside a base64 blob that encodes more than the value', () => {
    const blob = Buffer.from(`user=admin\npassword=${value}\n`).toString('base64');
    const f = scanLeaves([{ path: '$', text: blob }], {}, ctxWith).find((x) => x.type === 'registered-secret');
    assert.ok(f);
    assert.deepEqual([f.start, f.end], [0, blob.length]);
  });
});
