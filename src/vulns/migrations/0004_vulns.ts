/**
 * Tables of the vulnerability guard (types in ../tables.ts). Portable DDL only, so it runs unchanged
 * on SQLite and PostgreSQL. Registered in src/store/migrations/index.ts.
 */
import type { Kysely } from 'kysely';
import type { StoreMigration } from '../../store/migrate.js';

export const vulnsTables: StoreMigration = {
  name: '0004_vulns',
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('vuln_advisories')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('modified', 'text', (c) => c.notNull())
      .addColumn('published', 'text')
      .addColumn('withdrawn', 'text')
      .addColumn('malicious', 'integer', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('aliases', 'text', (c) => c.notNull())
      .addColumn('record', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('vuln_affected')
      .addColumn('advisory_id', 'text', (c) => c.notNull())
      .addColumn('ecosystem', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('affected', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('vuln_affected_pk', ['advisory_id', 'ecosystem', 'name'])
      .execute();
    await db.schema.createIndex('vuln_affected_pkg_idx').on('vuln_affected').columns(['ecosystem', 'name']).execute();
    await db.schema
      .createTable('vuln_feeds')
      .addColumn('source', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .addColumn('newest_modified', 'text')
      .addColumn('records', 'integer', (c) => c.notNull())
      .addColumn('changed', 'integer', (c) => c.notNull())
      .addColumn('invalid', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('vuln_quarantine')
      .addColumn('tenant', 'text', (c) => c.notNull())
      .addColumn('server', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('reasons', 'text', (c) => c.notNull())
      .addColumn('since', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('override_reason', 'text')
      .addColumn('override_by', 'text')
      .addColumn('override_expires', 'text')
      .addPrimaryKeyConstraint('vuln_quarantine_pk', ['tenant', 'server'])
      .execute();
  },
};
