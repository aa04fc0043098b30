import type { StoreMigration } from '../migrate.js';

/** Tenants, API tokens and policy snapshots. */
export const storeCore: StoreMigration = {
  name: '0001_store_core',
  async up(db) {
    await db.schema
      .createTable('tenants')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db
      .insertInto('tenants')
      .values({ id: 'default', name: 'default', created_at: new Date().toISOString() })
      .execute();

    await db.schema
      .createTable('api_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema.createIndex('api_tokens_tenant').on('api_tokens').column('tenant').execute();

    await db.schema
      .createTable('config_versions')
      .addColumn('tenant', 'text', (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('yaml', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text')
      .addPrimaryKeyConstraint('config_versions_pk', ['tenant', 'version'])
      .execute();
  },
};
