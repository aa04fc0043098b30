import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { VaultError } from '../../src/vault/errors.js';
import { LocalKeyProvider } from '../../src/vault/keys/local.js';
import { keyringOf } from '../../src/vault/keys/types.js';
import { SecretVault } from '../../src/vault/vault.js';
import { DIALECTS } from '../helpers/db.js';
import { openTestStore, type VaultTestStore } from './stores.js';

const TENANT = 'acme';

function secretErr(code: string, name: string) {
  return (err: unknown) => {
    assert.ok(err instanceof VaultError, String(err));
    assert.equal(err.code, code);
    assert.equal(err.secret, name);
    assert.match(err.message, new RegExp(`'${name}'`));
    return true;
  };
}

function repositorySuite(dialect: string, open: () => Promise<VaultTestStore>): void {
  describe(`secret repository (${dialect})`, () => {
    let t: VaultTestStore;
    let kek: LocalKeyProvider;
    let vault: SecretVault;
    before(async () => {
      t = await open();
      kek = new LocalKeyProvider('file', randomBytes(32));
      vault = new SecretVault({ db: t.store.db, keyring: keyringOf(kek) });
    });
    after(async () => {
      await t?.close();
    });

    test('set then get returns the value; versions increase; list shows metadata only', async () => {
      assert.equal(await vault.set(TENANT, 'github-token', Buffer.from('ghp_first_value_0001'), 'cli:alice'), 1);
      assert.equal(await vault.set(TENANT, 'github-token', Buffer.from('ghp_second_value_0002'), 'cli:bob'), 2);
      const got = await vault.get(TENANT, 'github-token');
      assert.equal(got.version, 2);
      assert.equal(got.value.toString(), 'ghp_second_value_0002');
      const list = await vault.list(TENANT);
      const row = list.find((r) => r.name === 'github-token');
      assert.ok(row);
      assert.equal(row.version, 2);
      assert.equal(row.versions, 2);
      assert.equal(row.createdBy, 'cli:alice');
      assert.equal(row.updatedBy, 'cli:bob');
      assert.equal(row.kekId, kek.id);
      assert.ok(!JSON.stringify(list).includes('value_000'));
    });

    test('tenants are isolated', async () => {
      await vault.set('tenant-a', 'shared-name', Buffer.from('value-for-a'), 'cli');
      await vault.set('tenant-b', 'shared-name', Buffer.from('value-for-b'), 'cli');
      assert.equal((await vault.get('tenant-a', 'shared-name')).value.toString(), 'value-for-a');
      assert.equal((await vault.get('tenant-b', 'shared-name')).value.toString(), 'value-for-b');
      await assert.rejects(vault.get('tenant-c', 'shared-name'), secretErr('secret-missing', 'shared-name'));
    });

    test('rotate makes a new version and refuses an unknown name', async () => {
      await vault.set(TENANT, 'api-key', Buffer.from('old-api-key'), 'cli');
      assert.equal(await vault.rotate(TENANT, 'api-key', Buffer.from('new-api-key'), 'cli'), 2);
      assert.equal((await vault.get(TENANT, 'api-key')).value.toString(), 'new-api-key');
      await assert.rejects(vault.rotate(TENANT, 'api-kee', Buffer.from('x'), 'cli'), secretErr('secret-missing', 'api-kee'));
    });

    test('rm destroys every version; a later set never reuses a version number', async () => {
      await vault.set(TENANT, 'to-delete', Buffer.from('doomed-1'), 'cli');
      await vault.set(TENANT, 'to-delete', Buffer.from('doomed-2'), 'cli');
      assert.equal(await vault.rm(TENANT, 'to-delete', 'cli'), 2);
      await assert.rejects(vault.get(TENANT, 'to-delete'), secretErr('secret-missing', 'to-delete'));
      assert.ok(!(await vault.list(TENANT)).some((r) => r.name === 'to-delete'));
      const rows = await t.store.db.withTables<{ secrets: { name: string; wrapped_key: string; ciphertext: string; deleted_at: string | null } }>()
        .selectFrom('secrets').selectAll().where('name', '=', 'to-delete').execute();
      assert.equal(rows.length, 2);
      for (const r of rows) {
        assert.equal(r.wrapped_key, '');
        assert.equal(r.ciphertext, '');
        assert.ok(r.deleted_at);
      }
      await assert.rejects(vault.rm(TENANT, 'to-delete', 'cli'), secretErr('secret-missing', 'to-delete'));
      assert.equal(await vault.set(TENANT, 'to-delete', Buffer.from('reborn'), 'cli'), 3);
      assert.equal((await vault.get(TENANT, 'to-delete')).value.toString(), 'reborn');
    });

    test('concurrent sets of one name get distinct, consecutive versions', async () => {
      const versions = await Promise.all([1, 2, 3, 4, 5].map((i) => vault.set(TENANT, 'racy', Buffer.from(`racy-value-${i}`), 'cli')));
      assert.deepEqual([...versions].sort(), [1, 2, 3, 4, 5]);
      const latest = await vault.get(TENANT, 'racy');
      assert.equal(latest.version, 5);
      assert.equal(latest.value.toString(), `racy-value-${versions.indexOf(5) + 1}`);
    });

    test('missing secret names itself', async () => {
      await assert.rejects(vault.get(TENANT, 'never-set'), secretErr('secret-missing', 'never-set'));
    });

    test('values that cannot be injected are refused', async () => {
      for (const v of [Buffer.alloc(0), Buffer.from('a\0b'), Buffer.from([0xff, 0xfe])]) {
        await assert.rejects(vault.set(TENANT, 'bad-value', v, 'cli'), secretErr('invalid-input', 'bad-value'));
      }
    });

    describe('tampering with stored rows is refused, naming the secret', () => {
      const db = () => t.store.db.withTables<{ secrets: Record<string, string | number | null> }>();
      async function tamper(name: string, column: 'ciphertext' | 'nonce' | 'wrapped_key'): Promise<void> {
        const row = await db().selectFrom('secrets').select([column]).where('tenant', '=', TENANT).where('name', '=', name).executeTakeFirstOrThrow();
        const bytes = Buffer.from(String(row[column]), 'base64');
        bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
        await db().updateTable('secrets').set({ [column]: bytes.toString('base64') }).where('tenant', '=', TENANT).where('name', '=', name).execute();
      }
      for (const column of ['ciphertext', 'nonce', 'wrapped_key'] as const) {
        test(`flipped byte in ${column}`, async () => {
          const name = `tamper-${column.replace('_', '-')}`;
          await vault.set(TENANT, name, Buffer.from('tamper-target-value'), 'cli');
          assert.equal((await vault.get(TENANT, name)).value.toString(), 'tamper-target-value');
          await tamper(name, column);
          await assert.rejects(vault.get(TENANT, name), secretErr('tampered', name));
        });
      }

      test('a row renamed to another secret is refused', async () => {
        await vault.set(TENANT, 'prod-db-password', Buffer.from('prod-password-value'), 'cli');
        await vault.set(TENANT, 'dev-db-password', Buffer.from('dev-password-value'), 'cli');
        // The attacker with write access to the database swaps the prod row into the dev name.
        await db().deleteFrom('secrets').where('tenant', '=', TENANT).where('name', '=', 'dev-db-password').execute();
        await db().updateTable('secrets').set({ name: 'dev-db-password' }).where('tenant', '=', TENANT).where('name', '=', 'prod-db-password').execute();
        await assert.rejects(vault.get(TENANT, 'dev-db-password'), secretErr('tampered', 'dev-db-password'));
      });

      test('a row moved to another tenant or version is refused', async () => {
        await vault.set(TENANT, 'moved-secret', Buffer.from('moved-value'), 'cli');
        await db().updateTable('secrets').set({ tenant: 'victim' }).where('tenant', '=', TENANT).where('name', '=', 'moved-secret').execute();
        await assert.rejects(vault.get('victim', 'moved-secret'), secretErr('tampered', 'moved-secret'));
        await vault.set(TENANT, 'rolled-back', Buffer.from('v1-value'), 'cli');
        await vault.set(TENANT, 'rolled-back', Buffer.from('v2-value'), 'cli');
        // Rolling back to v1 by relabelling it as v3 does not work.
        await db().updateTable('secrets').set({ version: 3 }).where('tenant', '=', TENANT).where('name', '=', 'rolled-back').where('version', '=', 1).execute();
        await assert.rejects(vault.get(TENANT, 'rolled-back'), secretErr('tampered', 'rolled-back'));
      });
    });

    test('a different KEK (wrong key file) is refused as wrong-key, naming the secret', async () => {
      await vault.set(TENANT, 'wrong-key-secret', Buffer.from('wk-value'), 'cli');
      const stranger = new SecretVault({ db: t.store.db, keyring: keyringOf(new LocalKeyProvider('file', randomBytes(32))) });
      await assert.rejects(stranger.get(TENANT, 'wrong-key-secret'), secretErr('wrong-key', 'wrong-key-secret'));
    });

    test('KEK rotation re-wraps every live version without touching ciphertexts; the old key then fails', async () => {
      const db = t.store.db.withTables<{ secrets: { tenant: string; name: string; version: number; ciphertext: string; nonce: string; kek_id: string; deleted_at: string | null } }>();
      await vault.set(TENANT, 'rotate-me', Buffer.from('rotate-me-value'), 'cli');
      const before = await db.selectFrom('secrets').select(['tenant', 'name', 'version', 'ciphertext', 'nonce']).where('deleted_at', 'is', null).orderBy('tenant').orderBy('name').orderBy('version').execute();
      const next = new LocalKeyProvider('file', randomBytes(32));
      const rotating = new SecretVault({ db: t.store.db, keyring: keyringOf(kek, next) });
      // Rows other tests deliberately corrupted cannot be re-wrapped: rotation reports them and does not pretend.
      await assert.rejects(rotating.rotateKek(next, 'cli'), (err: VaultError) => err.code === 'rotation-incomplete' && err.secret === 'dev-db-password' && /acme\/tamper-wrapped-key@1/.test(err.message) && /keep the old key/.test(err.message));
      await db.deleteFrom('secrets').where('name', 'in', ['tamper-wrapped-key', 'tamper-ciphertext', 'tamper-nonce', 'dev-db-password', 'rolled-back', 'wrong-key-secret']).execute();
      await db.deleteFrom('secrets').where('tenant', '=', 'victim').execute();
      const res = await rotating.rotateKek(next, 'cli');
      assert.ok(res.alreadyCurrent > 0, 'the first, partial run re-wrapped the healthy rows already');
      const after = await db.selectFrom('secrets').select(['tenant', 'name', 'version', 'ciphertext', 'nonce', 'kek_id']).where('deleted_at', 'is', null).orderBy('tenant').orderBy('name').orderBy('version').execute();
      for (const row of after) {
        assert.equal(row.kek_id, next.id);
        const old = before.find((b) => b.tenant === row.tenant && b.name === row.name && Number(b.version) === Number(row.version));
        assert.ok(old, `${row.name}@${row.version} existed before`);
        assert.equal(row.ciphertext, old.ciphertext);
        assert.equal(row.nonce, old.nonce);
      }
      const rotated = new SecretVault({ db: t.store.db, keyring: keyringOf(next) });
      assert.equal((await rotated.get(TENANT, 'rotate-me')).value.toString(), 'rotate-me-value');
      assert.equal((await rotated.get(TENANT, 'github-token')).value.toString(), 'ghp_second_value_0002');
      await assert.rejects(vault.get(TENANT, 'rotate-me'), secretErr('wrong-key', 'rotate-me'));
      // Running it again is a no-op.
      assert.deepEqual(await rotating.rotateKek(next, 'cli'), { rewrapped: 0, alreadyCurrent: after.length });
    });
  });
}

for (const dialect of DIALECTS) repositorySuite(dialect, () => openTestStore(dialect));
