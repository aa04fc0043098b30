import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { SecretResolutionError } from '../../src/vault/errors.js';
import { LocalKeyProvider } from '../../src/vault/keys/local.js';
import { keyringOf } from '../../src/vault/keys/types.js';
import { resolveSecretRefs, secretRefsIn } from '../../src/vault/resolve.js';
import { SecretVault } from '../../src/vault/vault.js';
import { openSqliteStore, type VaultTestStore } from './stores.js';

const GH = 'ghp_ResolveTestToken000000000000000001';
const DB = 'p@ss w0rd/with+symbols=';

describe('resolveSecretRefs', () => {
  let t: VaultTestStore;
  let vault: SecretVault;
  before(async () => {
    t = await openSqliteStore();
    vault = new SecretVault({ db: t.store.db, keyring: keyringOf(new LocalKeyProvider('file', randomBytes(32))) });
    await vault.set('default', 'github-token', Buffer.from(GH), 'cli');
    await vault.set('default', 'db-password', Buffer.from(DB), 'cli');
  });
  after(() => t.close());

  test('replaces references, keeps other variables, reports each value once for DLP', async () => {
    const env = { GITHUB_TOKEN: 'secret:github-token', GH_ALIAS: 'secret:github-token', PGPASSWORD: 'secret:db-password', LOG_LEVEL: 'debug', NOTE: 'secretary' };
    const r = await resolveSecretRefs(env, vault, 'default');
    assert.deepEqual(r.env, { GITHUB_TOKEN: GH, GH_ALIAS: GH, PGPASSWORD: DB, LOG_LEVEL: 'debug', NOTE: 'secretary' });
    assert.deepEqual(r.knownSecrets.sort((a, b) => a.name.localeCompare(b.name)), [
      { name: 'db-password', value: DB },
      { name: 'github-token', value: GH },
    ]);
    assert.deepEqual(r.injected.map((i) => `${i.variable}=${i.secret}@${i.version}`).sort(), ['GH_ALIAS=github-token@1', 'GITHUB_TOKEN=github-token@1', 'PGPASSWORD=db-password@1']);
    assert.equal(env.GITHUB_TOKEN, 'secret:github-token', 'the input environment is not modified');
    assert.deepEqual(secretRefsIn(env).sort(), ['db-password', 'github-token']);
  });

  test('the latest version is injected after a rotation', async () => {
    await vault.set('default', 'rotating', Buffer.from('first'), 'cli');
    await vault.rotate('default', 'rotating', Buffer.from('second'), 'cli');
    assert.equal((await resolveSecretRefs({ X: 'secret:rotating' }, vault, 'default')).env.X, 'second');
  });

  test('missing, malformed and undecryptable references all fail together, named, without values', async () => {
    const wrongKeyVault = new SecretVault({ db: t.store.db, keyring: keyringOf(new LocalKeyProvider('file', randomBytes(32))) });
    await assert.rejects(
      resolveSecretRefs({ A: 'secret:github-token', B: 'secret:no-such-secret', C: 'secret:../etc/passwd', D: 'plain' }, wrongKeyVault, 'default'),
      (err: unknown) => {
        assert.ok(err instanceof SecretResolutionError);
        assert.deepEqual(err.failures.map((f) => `${f.variable}:${f.secret}:${f.code}`), ['A:github-token:wrong-key', 'B:no-such-secret:secret-missing', 'C:../etc/passwd:invalid-input']);
        assert.match(err.message, /refusing to start/);
        assert.match(err.message, /A=secret:github-token/);
        assert.ok(!err.message.includes(GH));
        return true;
      },
    );
  });

  test('a secret of another tenant is not resolved', async () => {
    await assert.rejects(resolveSecretRefs({ T: 'secret:github-token' }, vault, 'other-tenant'), (err: SecretResolutionError) => err.failures[0]?.code === 'secret-missing');
  });
});
