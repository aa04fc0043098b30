import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSecret, sealSecret } from '../../src/vault/envelope.js';
import { VaultError } from '../../src/vault/errors.js';
import { envKeyProvider } from '../../src/vault/keys/env.js';
import { createKeyFile, initKeyFile, keyFilePath, loadKeyFile } from '../../src/vault/keys/file.js';
import { KmsKeyProvider } from '../../src/vault/keys/kms.js';
import { keyringOf } from '../../src/vault/keys/types.js';
import { InMemoryKms } from './fake-kms.js';

const coords = { tenant: 'default', name: 'db-password', version: 1 };

const homes: string[] = [];
async function tmpHome(): Promise<string> {
  const home = await fs.mkdtemp(path.join(tmpdir(), 'airlock-vault-keys-'));
  homes.push(home);
  return home;
}
after(async () => {
  for (const h of homes) await fs.rm(h, { recursive: true, force: true });
});

function isKeyUnusable(pattern: RegExp) {
  return (err: unknown) => err instanceof VaultError && err.code === 'key-unusable' && pattern.test(err.message);
}

test('init creates a 0600 key file that round-trips, and a second init reuses it', async () => {
  const home = await tmpHome();
  const first = await initKeyFile(home);
  assert.equal(first.created, true);
  const st = await fs.stat(keyFilePath(home));
  assert.equal(st.mode & 0o777, 0o600);
  const again = await initKeyFile(home);
  assert.equal(again.created, false);
  assert.equal(again.provider.id, first.provider.id);
  const s = await sealSecret(Buffer.from('hunter2'), coords, first.provider);
  assert.equal((await openSecret(s, coords, keyringOf(again.provider))).toString(), 'hunter2');
});

test('the key file is created 0600 even under a permissive umask', async () => {
  const home = await tmpHome();
  const old = process.umask(0o000);
  try {
    await createKeyFile(path.join(home, 'k'));
  } finally {
    process.umask(old);
  }
  assert.equal((await fs.stat(path.join(home, 'k'))).mode & 0o777, 0o600);
});

test('a key file readable by group or others is refused (0644, 0640, 0604)', async () => {
  const home = await tmpHome();
  const { file } = await initKeyFile(home);
  // Control: usable at 0600.
  await loadKeyFile(file);
  for (const mode of [0o644, 0o640, 0o604, 0o620]) {
    await fs.chmod(file, mode);
    await assert.rejects(loadKeyFile(file), isKeyUnusable(new RegExp(`mode 0${mode.toString(8)}`)));
  }
});

test('a key file owned by another user is refused', async (t) => {
  if (process.getuid?.() !== 0) return t.skip('needs root to chown');
  const home = await tmpHome();
  const { file } = await initKeyFile(home);
  await fs.chown(file, 65534, 65534);
  await assert.rejects(loadKeyFile(file), isKeyUnusable(/owned by uid 65534/));
});

test('a symlinked, missing or malformed key file is refused', async () => {
  const home = await tmpHome();
  const { file } = await initKeyFile(home);
  const link = path.join(home, 'link.key');
  await fs.symlink(file, link);
  await assert.rejects(loadKeyFile(link), isKeyUnusable(/symbolic link/));
  await assert.rejects(loadKeyFile(path.join(home, 'absent.key')), isKeyUnusable(/does not exist/));
  const bad = path.join(home, 'bad.key');
  await fs.writeFile(bad, 'not-a-key\n', { mode: 0o600 });
  await assert.rejects(loadKeyFile(bad), isKeyUnusable(/malformed/));
  const short = path.join(home, 'short.key');
  await fs.writeFile(short, `${randomBytes(16).toString('base64')}\n`, { mode: 0o600 });
  await assert.rejects(loadKeyFile(short), isKeyUnusable(/malformed/));
});

test('creating a key file never overwrites an existing one', async () => {
  const home = await tmpHome();
  const { file, provider } = await initKeyFile(home);
  const before = await fs.readFile(file);
  await assert.rejects(createKeyFile(file), isKeyUnusable(/already exists/));
  assert.deepEqual(await fs.readFile(file), before);
  assert.equal((await loadKeyFile(file)).id, provider.id);
});

test('env provider: base64 32 bytes works; missing or malformed refused without echoing the value', async () => {
  const key = randomBytes(32).toString('base64');
  const p = envKeyProvider({ AIRLOCK_VAULT_KEY: key });
  const s = await sealSecret(Buffer.from('v'), coords, p);
  assert.equal((await openSecret(s, coords, keyringOf(envKeyProvider({ AIRLOCK_VAULT_KEY: key })))).toString(), 'v');
  assert.ok(!p.id.includes(key) && !p.id.includes(Buffer.from(key, 'base64').toString('hex')));
  assert.throws(() => envKeyProvider({}), isKeyUnusable(/AIRLOCK_VAULT_KEY is not set/));
  const malformed = 'c2VjcmV0LWJ1dC1zaG9ydA==';
  assert.throws(
    () => envKeyProvider({ AIRLOCK_VAULT_KEY: malformed }),
    (err: VaultError) => err.code === 'key-unusable' && !err.message.includes(malformed),
  );
});

test('external KMS adapter: round trip, associated data enforced by the service, outage refused', async () => {
  const kms = new InMemoryKms('arn:test:key/1');
  const p = new KmsKeyProvider(kms);
  assert.equal(p.id, 'kms:test-kms:arn:test:key/1');
  const s = await sealSecret(Buffer.from('kms-protected'), coords, p);
  assert.equal((await openSecret(s, coords, keyringOf(p))).toString(), 'kms-protected');
  assert.equal(kms.calls.encrypt, 1);
  assert.equal(kms.calls.decrypt, 1);
  // The wrapped key moved to another secret: the service refuses to decrypt it.
  await assert.rejects(openSecret(s, { ...coords, name: 'other' }, keyringOf(p)), (err: VaultError) => err.code === 'kms-failure' && err.secret === 'other');
  kms.down = true;
  await assert.rejects(openSecret(s, coords, keyringOf(p)), (err: VaultError) => err.code === 'kms-failure' && /db-password/.test(err.message));
});
