/**
 * Creates the `secrets` table (see ../tables.ts). Portable DDL only — text and integer columns — so it
 * runs unchanged on SQLite and PostgreSQL. Registered in src/store/migrations/index.ts.
 */
import type { Kysely } from 'kysely';
import type { StoreMigration } from '../../store/migrate.js';

export const vaultSecrets: StoreMigration = {
  name: '0003_vault_secrets',
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('secrets')
      .addColumn('tenant', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('ciphertext', 'text', (c) => c.notNull())
      .addColumn('nonce', 'text', (c) => c.notNull())
      .addColumn('wrapped_key', 'text', (c) => c.notNull())
      .addColumn('kek_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .addPrimaryKeyConstraint('secrets_pk', ['tenant', 'name', 'version'])
      .execute();
    await db.schema.createIndex('secrets_kek_idx').on('secrets').column('kek_id').execute();
  },
};
