import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { sql } from 'kysely';
import { describeEachDialect } from '../helpers/db.js';
import { migrations } from '../../src/store/migrations/index.js';
import { runMigrations } from '../../src/store/migrate.js';
import { openStore } from '../../src/store/index.js';
import { cachedTokenVerifier, createToken, hashToken, listTokens, revokeToken, verifyToken } from '../../src/store/tokens.js';
import { getConfigVersion, latestConfigVersion, listConfigVersions, saveConfigVersion } from '../../src/store/configVersions.js';
import { listTenants } from '../../src/store/tenants.js';
import { sqliteHandle } from '../../src/store/sqlite.js';

describeEachDialect('store', ({ dialect, fresh }) => {
  it('applies every registered migration once and is idempotent on reopen', async () => {
    const db = await fresh();
    try {
      const a = await db.open();
      const applied = await a.db.selectFrom('airlock_migrations').select('name').orderBy('name').execute();
      assert.deepEqual(applied.map((r) => r.name), migrations.map((m) => m.name).sort());
      await a.close();
      const b = await db.open();
      const again = await b.db.selectFrom('airlock_migrations').select('name').execute();
      assert.equal(again.length, migrations.length);
      assert.equal(b.dialect, dialect);
      const tenants = await listTenants(b);
      assert.deepEqual(tenants.map((t) => t.id), ['default']);
    } finally {
      await db.cleanup();
    }
  });

  it('refuses a database migrated by a newer build', async () => {
    const db = await fresh();
    try {
      const store = await db.open();
      await store.db.insertInto('airlock_migrations').values({ name: '9999_from_the_future', applied_at: 'x' }).execute();
      await store.close();
      await assert.rejects(openStore(db.options), /newer version/);
    } finally {
      await db.cleanup();
    }
  });

  it('rolls back a failing migration entirely', async () => {
    const db = await fresh();
    try {
      const store = await db.open();
      const broken = {
        name: '0100_broken',
        async up(k: typeof store.db) {
          await k.schema.createTable('half_done').addColumn('id', 'text').execute();
          throw new Error('boom');
        },
      };
      await assert.rejects(runMigrations(store.db, dialect, [...migrations, broken]), /0100_broken failed: boom/);
      const names = (await store.db.selectFrom('airlock_migrations').select('name').execute()).map((r) => r.name);
      assert.ok(!names.includes('0100_broken'));
      const probe = dialect === 'sqlite'
        ? sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'`
        : sql<{ n: number }>`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'half_done'`;
      assert.equal(Number((await probe.execute(store.db)).rows[0].n), 0);
    } finally {
      await db.cleanup();
    }
  });

  it('tokens: plaintext returned once, only the hash stored, verify and revoke', async () => {
    const db = await fresh();
    try {
      const store = await db.open();
      // The tenant row is created on demand (api_tokens.tenant references tenants.id).
      const created = await createToken(store, { tenant: 'acme', name: 'ci', role: 'operator' });
      assert.match(created.token, /^alk_[A-Za-z0-9_-]{43}$/);
      assert.equal(Buffer.from(created.token.slice(4), 'base64url').length, 32);

      const rows = await store.db.selectFrom('api_tokens').selectAll().execute();
      assert.equal(rows.length, 1);
      assert.equal(rows[0].token_hash, hashToken(created.token));
      assert.ok(!JSON.stringify(rows).includes(created.token.slice(4)), 'plaintext token must not be stored');

      const who = await verifyToken(store, created.token);
      assert.equal(who?.id, created.id);
      assert.equal(who?.tenant, 'acme');
      assert.equal(who?.role, 'operator');
      assert.ok(who?.lastUsedAt, 'last_used_at recorded');

      // A token with one character changed, a wrong prefix and garbage are all rejected.
      const last = created.token.at(-1) === 'A' ? 'B' : 'A';
      assert.equal(await verifyToken(store, created.token.slice(0, -1) + last), null);
      assert.equal(await verifyToken(store, 'xyz_' + created.token.slice(4)), null);
      assert.equal(await verifyToken(store, ''), null);

      assert.equal(await revokeToken(store, created.id), true);
      assert.equal(await revokeToken(store, created.id), false);
      assert.equal(await verifyToken(store, created.token), null);
      assert.deepEqual((await listTenants(store)).map((t) => t.id), ['acme', 'default']);
      const listed = await listTokens(store, 'acme');
      assert.equal(listed.length, 1);
      assert.ok(listed[0].revokedAt);
    } finally {
      await db.cleanup();
    }
  });

  it('the gateway\'s token check: revocation is immediate on SQLite, within the memory window on PostgreSQL; refusals are never remembered', async () => {
    const db = await fresh();
    try {
      const store = await db.open();
      const ttlMs = 300;
      const check = cachedTokenVerifier(store, ttlMs);
      const t = await createToken(store, { name: 'gw', role: 'operator' });
      assert.equal((await check(t.token))?.id, t.id);
      assert.equal(await check('alk_' + 'A'.repeat(43)), null);
      await revokeToken(store, t.id);
      const revokedAt = Date.now();
      const right = await check(t.token);
      if (dialect === 'sqlite') {
        assert.equal(right, null, 'a revoked token was accepted on SQLite');
      } else {
        // Remembered at most ttlMs: accepted now only because it was accepted a moment ago.
        if (right !== null) assert.ok(Date.now() - revokedAt < ttlMs);
        await new Promise((r) => setTimeout(r, ttlMs + 50));
        assert.equal(await check(t.token), null, 'a revoked token was still accepted after the memory window');
      }
      // A refusal is not remembered: a token refused once works as soon as it exists.
      const chosen = 'alk_' + 'b'.repeat(43);
      assert.equal(await check(chosen), null);
      await store.db
        .insertInto('api_tokens')
        .values({ id: 'tok_chosen', tenant: 'default', name: 'late', role: 'operator', token_hash: hashToken(chosen), created_at: new Date().toISOString(), last_used_at: null, revoked_at: null })
        .execute();
      assert.equal((await check(chosen))?.id, 'tok_chosen');
    } finally {
      await db.cleanup();
    }
  });

  it('config versions are immutable, numbered per tenant, and deduplicated', async () => {
    const db = await fresh();
    try {
      const store = await db.open();
      const v1 = await saveConfigVersion(store, { yaml: 'servers: {}\n', actor: 'cli' });
      assert.equal(v1.created, true);
      assert.equal(v1.version.version, 1);
      const same = await saveConfigVersion(store, { yaml: 'servers: {}\n', actor: 'cli' });
      assert.equal(same.created, false);
      assert.equal(same.version.version, 1);
      const v2 = await saveConfigVersion(store, { yaml: 'servers: {a: {}}\n', actor: 'tok_1' });
      assert.equal(v2.version.version, 2);
      const other = await saveConfigVersion(store, { tenant: 'acme', yaml: 'x: 1\n' });
      assert.equal(other.version.version, 1);

      assert.equal((await latestConfigVersion(store))?.version, 2);
      const got = await getConfigVersion(store, 'default', 1);
      assert.equal(got?.yaml, 'servers: {}\n');
      assert.equal(got?.sha256.length, 64);
      assert.deepEqual((await listConfigVersions(store)).map((v) => v.version), [2, 1]);

      // Concurrent saves of different texts from two connections all land, on distinct versions.
      const store2 = await db.open();
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) => saveConfigVersion(i % 2 ? store : store2, { yaml: `n: ${i}\n` })),
      );
      const versions = results.map((r) => r.version.version).sort((a, b) => a - b);
      assert.deepEqual(versions, [3, 4, 5, 6, 7, 8]);
    } finally {
      await db.cleanup();
    }
  });

  if (dialect === 'sqlite') {
    it('sqlite: one file in AIRLOCK_HOME, WAL, busy timeout for several processes', async () => {
      const db = await fresh();
      try {
        const store = await db.open();
        assert.equal(store.location, join(db.home, 'airlock.db'));
        assert.ok(readdirSync(db.home).includes('airlock.db'));
        const raw = sqliteHandle(store.db)!;
        assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
        assert.ok(Number(raw.pragma('busy_timeout', { simple: true })) >= 5000);
        assert.equal(readFileSync(join(db.home, 'airlock.db')).subarray(0, 15).toString(), 'SQLite format 3');
      } finally {
        await db.cleanup();
      }
    });
  } else {
    it('postgres: an unreachable URL fails with a message that names it without the password', async () => {
      await assert.rejects(
        openStore({ home: '/nonexistent', databaseUrl: 'postgres://u:s3cretpw@127.0.0.1:1/x' }),
        (err: Error) => err.message.includes('127.0.0.1:1') && !err.message.includes('s3cretpw'),
      );
    });
  }
});
