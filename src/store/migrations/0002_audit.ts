import type { StoreMigration } from '../migrate.js';

/** The per-tenant audit hash chain, its heads and its signed checkpoints. */
export const auditChain: StoreMigration = {
  name: '0002_audit',
  async up(db) {
    await db.schema
      .createTable('audit_events')
      .addColumn('tenant', 'text', (c) => c.notNull())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('ts', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('server', 'text')
      .addColumn('session', 'text')
      .addColumn('actor', 'text')
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('audit_events_pk', ['tenant', 'seq'])
      .execute();

    await db.schema
      .createTable('audit_heads')
      .addColumn('tenant', 'text', (c) => c.primaryKey())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('audit_checkpoints')
      .addColumn('tenant', 'text', (c) => c.notNull())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('signature', 'text', (c) => c.notNull())
      .addColumn('key_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('audit_checkpoints_pk', ['tenant', 'seq', 'key_id'])
      .execute();
  },
};
