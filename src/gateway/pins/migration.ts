/**
 * Creates the tool pinning tables (see tables.ts). Portable DDL; registered in
 * src/store/migrations/index.ts.
 */
import type { Kysely } from 'kysely';
import type { StoreMigration } from '../../store/migrate.js';

export const toolPinsTables: StoreMigration = {
  name: '0005_tool_pins',
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('tool_pins')
      .addColumn('tenant', 'text', (c) => c.notNull())
      .addColumn('server', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('contract', 'text', (c) => c.notNull())
      .addColumn('approved_at', 'text', (c) => c.notNull())
      .addColumn('approved_by', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('tool_pins_pk', ['tenant', 'server', 'name'])
      .execute();
    await db.schema
      .createTable('tool_observations')
      .addColumn('tenant', 'text', (c) => c.notNull())
      .addColumn('server', 'text', (c) => c.notNull())
      .addColumn('set_hash', 'text', (c) => c.notNull())
      .addColumn('tools', 'text', (c) => c.notNull())
      .addColumn('seen_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('tool_observations_pk', ['tenant', 'server'])
      .execute();
  },
};
