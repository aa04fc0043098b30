import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import {
  formatSecretList,
  initVaultKey,
  openVault,
  rotateKek,
  secretsList,
  secretsRm,
  secretsRotate,
  secretsSet,
} from '../../src/vault/cli.js';
import { VaultError } from '../../src/vault/errors.js';
import { loadKeyFile, keyFilePath, createKeyFile, NEXT_KEY_FILE_NAME } from '../../src/vault/keys/file.js';
import { KmsKeyProvider } from '../../src/vault/keys/kms.js';
import { keyringOf } from '../../src/vault/keys/types.js';
import { SecretVault } from '../../src/vault/vault.js';
import { InMemoryKms } from './fake-kms.js';
import { DIALECTS } from '../helpers/db.js';
import { openTestStore, type VaultTestStore } from './stores.js';

const piped = (text: string) => {
  const s = new PassThrough();
  s.end(text);
  return { stdin: s };
};

for (const dialect of DIALECTS) describe(`secrets commands, file key [${dialect}]`, () => {
  let t: VaultTestStore;
  const fileEnv = {} as NodeJS.ProcessEnv;
  before(async () => {
    t = await openTestStore(dialect);
  });
  after(() => t.close());

  test('init creates the key; set/list/rotate/rm work through the command functions', async () => {
    const init = await initVaultKey(t.home, fileEnv);
    assert.equal(init.created, true);
    assert.equal(init.source, 'file');
    const vault = await openVault({ home: t.home, db: t.store.db, env: fileEnv });
    const ctx = { vault, tenant: 'default', actor: 'cli:alice' };
    assert.deepEqual(await secretsSet(ctx, 'github-token', piped('ghp_cli_value_1\n')), { name: 'github-token', version: 1 });
    assert.deepEqual(await secretsRotate(ctx, 'github-token', piped('ghp_cli_value_2\n')), { name: 'github-token', version: 2 });
    await assert.rejects(secretsRotate(ctx, 'githb-token', piped('never read')), (e: VaultError) => e.code === 'secret-missing');
    const list = await secretsList(ctx);
    assert.equal(list.length, 1);
    const table = formatSecretList(list);
    assert.match(table, /^NAME\s+VERSION\s+VERSIONS/);
    assert.match(table, /github-token\s+2\s+2\s/);
    assert.ok(!table.includes('ghp_cli_value'));
    assert.equal((await vault.get('default', 'github-token')).value.toString(), 'ghp_cli_value_2');
    assert.deepEqual(await secretsRm(ctx, 'github-token'), { name: 'github-token', versions: 2 });
    assert.equal(formatSecretList(await secretsList(ctx)), 'no secrets\n');
  });

  test('rotate-kek replaces the key file, keeps values readable, and the old key no longer works', async () => {
    const vault = await openVault({ home: t.home, db: t.store.db, env: fileEnv });
    await vault.set('default', 'kept-1', Buffer.from('kept-value-1'), 'cli');
    await vault.set('other', 'kept-2', Buffer.from('kept-value-2'), 'cli');
    const oldKey = await loadKeyFile(keyFilePath(t.home));
    const report = await rotateKek({ home: t.home, db: t.store.db, env: fileEnv, actor: 'cli' });
    assert.equal(report.fromKekId, oldKey.id);
    assert.notEqual(report.toKekId, oldKey.id);
    assert.equal(report.rewrapped, 2);
    assert.ok(!existsSync(keyFilePath(t.home, NEXT_KEY_FILE_NAME)));
    assert.equal((await fs.stat(keyFilePath(t.home))).mode & 0o777, 0o600);
    const reopened = await openVault({ home: t.home, db: t.store.db, env: fileEnv });
    assert.equal(reopened.currentKekId, report.toKekId);
    assert.equal((await reopened.get('default', 'kept-1')).value.toString(), 'kept-value-1');
    assert.equal((await reopened.get('other', 'kept-2')).value.toString(), 'kept-value-2');
    const withOldKey = new SecretVault({ db: t.store.db, keyring: keyringOf(oldKey) });
    await assert.rejects(withOldKey.get('default', 'kept-1'), (e: VaultError) => e.code === 'wrong-key' && e.secret === 'kept-1');
  });

  test('an interrupted rotate-kek leaves every secret readable and finishes when run again', async () => {
    const vault = await openVault({ home: t.home, db: t.store.db, env: fileEnv });
    await vault.set('default', 'mid-rotation', Buffer.from('mid-value'), 'cli');
    // Simulate a crash after the new key was written and some rows were re-wrapped, before promotion.
    const next = await createKeyFile(keyFilePath(t.home, NEXT_KEY_FILE_NAME));
    const partial = new SecretVault({ db: t.store.db, keyring: keyringOf(await loadKeyFile(keyFilePath(t.home)), next) });
    const db = t.store.db.withTables<{ secrets: { name: string; deleted_at: string | null } }>();
    const live = await db.selectFrom('secrets').select('name').where('deleted_at', 'is', null).execute();
    assert.ok(live.length >= 3);
    await partial.rotateKek(next, 'cli');
    await vault.set('default', 'written-during', Buffer.from('during-value'), 'cli'); // still under the old key
    const midway = await openVault({ home: t.home, db: t.store.db, env: fileEnv });
    for (const [tenant, name, value] of [['default', 'mid-rotation', 'mid-value'], ['default', 'written-during', 'during-value'], ['default', 'kept-1', 'kept-value-1']]) {
      assert.equal((await midway.get(tenant!, name!)).value.toString(), value);
    }
    const report = await rotateKek({ home: t.home, db: t.store.db, env: fileEnv, actor: 'cli' });
    assert.equal(report.toKekId, next.id, 'the pending key is reused, not replaced');
    assert.equal(report.rewrapped, 1);
    assert.equal((await loadKeyFile(keyFilePath(t.home))).id, next.id);
    const done = await openVault({ home: t.home, db: t.store.db, env: fileEnv });
    assert.equal((await done.get('default', 'written-during')).value.toString(), 'during-value');
  });

  test('moving to an external KMS through rotate-kek', async () => {
    const kms = new KmsKeyProvider(new InMemoryKms('projects/p/keys/k'));
    const report = await rotateKek({ home: t.home, db: t.store.db, env: fileEnv, actor: 'cli', to: kms });
    assert.equal(report.toKekId, kms.id);
    assert.match(report.followUp ?? '', /configure Airlock/);
    const v = new SecretVault({ db: t.store.db, keyring: keyringOf(kms) });
    assert.equal((await v.get('default', 'kept-1')).value.toString(), 'kept-value-1');
  });
});

for (const dialect of DIALECTS) describe(`secrets commands, environment key [${dialect}]`, () => {
  let t: VaultTestStore;
  before(async () => {
    t = await openTestStore(dialect);
  });
  after(() => t.close());

  test('AIRLOCK_VAULT_KEY is used instead of a key file; rotation goes to AIRLOCK_VAULT_KEY_NEXT', async () => {
    const k1 = randomBytes(32).toString('base64');
    const k2 = randomBytes(32).toString('base64');
    const init = await initVaultKey(t.home, { AIRLOCK_VAULT_KEY: k1 });
    assert.equal(init.source, 'env');
    assert.ok(!existsSync(path.join(t.home, 'vault.key')), 'no key file is written in env mode');
    const vault = await openVault({ home: t.home, db: t.store.db, env: { AIRLOCK_VAULT_KEY: k1 } });
    await secretsSet({ vault, tenant: 'default', actor: 'ci' }, 'deploy-key', piped('deploy-key-value'));
    await assert.rejects(rotateKek({ home: t.home, db: t.store.db, env: { AIRLOCK_VAULT_KEY: k1 }, actor: 'ci' }), (e: VaultError) => /AIRLOCK_VAULT_KEY_NEXT/.test(e.message));
    const report = await rotateKek({ home: t.home, db: t.store.db, env: { AIRLOCK_VAULT_KEY: k1, AIRLOCK_VAULT_KEY_NEXT: k2 }, actor: 'ci' });
    assert.equal(report.rewrapped, 1);
    assert.match(report.followUp ?? '', /set AIRLOCK_VAULT_KEY to the value of AIRLOCK_VAULT_KEY_NEXT/);
    const gatewayEnv: NodeJS.ProcessEnv = { AIRLOCK_VAULT_KEY: k2, PATH: '/usr/bin' };
    const swapped = await openVault({ home: t.home, db: t.store.db, env: gatewayEnv, forgetEnvKey: true });
    assert.deepEqual(gatewayEnv, { PATH: '/usr/bin' }, 'the KEK is no longer in the environment children inherit');
    assert.equal((await swapped.get('default', 'deploy-key')).value.toString(), 'deploy-key-value');
    const stale = await openVault({ home: t.home, db: t.store.db, env: { AIRLOCK_VAULT_KEY: k1 } });
    await assert.rejects(stale.get('default', 'deploy-key'), (e: VaultError) => e.code === 'wrong-key' && e.secret === 'deploy-key');
  });

  test('without any key, opening the vault fails and says how to fix it', async () => {
    const home = path.join(t.home, 'nokey');
    await assert.rejects(openVault({ home, db: t.store.db, env: {} }), (e: VaultError) => e.code === 'key-unusable' && /airlock init/.test(e.message));
  });
});
