import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { encodeAad, openSecret, rewrapDataKey, sealSecret, type SealedSecret } from '../../src/vault/envelope.js';
import { VaultError } from '../../src/vault/errors.js';
import { LocalKeyProvider } from '../../src/vault/keys/local.js';
import { keyringOf } from '../../src/vault/keys/types.js';

const coords = { tenant: 'acme', name: 'github-token', version: 3 };
const VALUE = 'ghp_R3alLookingTok3nValue0123456789abcd';

function flip(buf: Buffer, index: number): Buffer {
  const copy = Buffer.from(buf);
  copy[index] = copy[index]! ^ 0x01;
  return copy;
}

async function sealed(): Promise<{ kek: LocalKeyProvider; s: SealedSecret }> {
  const kek = new LocalKeyProvider('file', randomBytes(32));
  return { kek, s: await sealSecret(Buffer.from(VALUE), coords, kek) };
}

/** Asserts a refusal that names the secret and never contains the value. */
async function assertRefused(p: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(p, (err: unknown) => {
    assert.ok(err instanceof VaultError, `expected VaultError, got ${String(err)}`);
    assert.equal(err.code, code);
    assert.equal(err.secret, 'github-token');
    assert.match(err.message, /'github-token'/);
    assert.ok(!err.message.includes(VALUE));
    return true;
  });
}

test('round trip returns exactly the sealed value', async () => {
  const { kek, s } = await sealed();
  const out = await openSecret(s, coords, keyringOf(kek));
  assert.equal(out.toString('utf8'), VALUE);
  assert.equal(s.nonce.length, 12);
  assert.equal(s.ciphertext.length, Buffer.byteLength(VALUE) + 16);
  assert.ok(!s.ciphertext.includes(Buffer.from(VALUE)));
});

test('every seal uses a fresh data key and nonce', async () => {
  const kek = new LocalKeyProvider('file', randomBytes(32));
  const a = await sealSecret(Buffer.from(VALUE), coords, kek);
  const b = await sealSecret(Buffer.from(VALUE), coords, kek);
  assert.notDeepEqual(a.nonce, b.nonce);
  assert.notDeepEqual(a.ciphertext, b.ciphertext);
  assert.notDeepEqual(a.wrappedKey.data, b.wrappedKey.data);
});

test('a flipped byte anywhere in the ciphertext or tag is refused', async () => {
  const { kek, s } = await sealed();
  for (const i of [0, 5, s.ciphertext.length - 17, s.ciphertext.length - 1]) {
    await assertRefused(openSecret({ ...s, ciphertext: flip(s.ciphertext, i) }, coords, keyringOf(kek)), 'tampered');
  }
});

test('a flipped nonce byte is refused', async () => {
  const { kek, s } = await sealed();
  await assertRefused(openSecret({ ...s, nonce: flip(s.nonce, 7) }, coords, keyringOf(kek)), 'tampered');
});

test('a flipped byte in the wrapped data key is refused', async () => {
  const { kek, s } = await sealed();
  for (const i of [0, 3, 20, s.wrappedKey.data.length - 1]) {
    const wrappedKey = { ...s.wrappedKey, data: flip(s.wrappedKey.data, i) };
    await assertRefused(openSecret({ ...s, wrappedKey }, coords, keyringOf(kek)), 'tampered');
  }
});

test('associated data binds tenant, name and version: a moved row is refused', async () => {
  const { kek, s } = await sealed();
  // Control: at its own coordinates the row decrypts.
  assert.equal((await openSecret(s, coords, keyringOf(kek))).toString(), VALUE);
  for (const moved of [
    { ...coords, tenant: 'other' },
    { ...coords, version: 2 },
    { ...coords, version: 4 },
  ]) {
    await assertRefused(openSecret(s, moved, keyringOf(kek)), 'tampered');
  }
  await assert.rejects(openSecret(s, { ...coords, name: 'github-tokem' }, keyringOf(kek)), (err: VaultError) => {
    assert.equal(err.code, 'tampered');
    assert.equal(err.secret, 'github-tokem');
    return true;
  });
});

test('canonical associated data is injective across field boundaries', () => {
  const a = encodeAad('data', { tenant: 'ab', name: 'c', version: 1 });
  const b = encodeAad('data', { tenant: 'a', name: 'bc', version: 1 });
  assert.notDeepEqual(a, b);
  assert.notDeepEqual(encodeAad('data', coords), encodeAad('key', coords));
});

test('a different KEK is reported as the wrong key, naming both key ids', async () => {
  const { s } = await sealed();
  const other = new LocalKeyProvider('file', randomBytes(32));
  await assert.rejects(openSecret(s, coords, keyringOf(other)), (err: VaultError) => {
    assert.equal(err.code, 'wrong-key');
    assert.equal(err.secret, 'github-token');
    assert.ok(err.message.includes(s.wrappedKey.kekId));
    assert.ok(err.message.includes(other.id));
    return true;
  });
  // Even when the kek id is forged to match, the other key cannot unwrap.
  const forged = { ...s, wrappedKey: { kekId: other.id, data: s.wrappedKey.data } };
  await assertRefused(openSecret(forged, coords, keyringOf(other)), 'tampered');
});

test('re-wrapping under a new KEK keeps ciphertext and nonce and decrypts with the new key only', async () => {
  const { kek, s } = await sealed();
  const next = new LocalKeyProvider('file', randomBytes(32));
  const wrappedKey = await rewrapDataKey(s.wrappedKey, coords, keyringOf(kek), next);
  assert.equal(wrappedKey.kekId, next.id);
  const rewrapped = { ...s, wrappedKey };
  assert.equal((await openSecret(rewrapped, coords, keyringOf(next))).toString(), VALUE);
  await assertRefused(openSecret(rewrapped, coords, keyringOf(kek)), 'wrong-key');
});

test('invalid names are rejected before anything is sealed', async () => {
  const kek = new LocalKeyProvider('file', randomBytes(32));
  for (const name of ['', '../x', 'a b', '-x', 'x'.repeat(129), 'tok\n']) {
    await assert.rejects(sealSecret(Buffer.from('v'), { ...coords, name }, kek), (err: VaultError) => err.code === 'invalid-input');
  }
});
