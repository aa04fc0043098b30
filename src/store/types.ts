import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Where the data lives, for messages: a file path or a PostgreSQL URL without its password. */
  location: string;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** The data directory ($AIRLOCK_HOME). The SQLite file lives here. */
  home: string;
  /** A PostgreSQL URL. When set, PostgreSQL is used instead of the embedded SQLite file. */
  databaseUrl?: string;
  /**
   * SQLite only. `normal` (default) survives a crash of any Airlock process; `full` also survives
   * power loss, at the cost of one fsync per commit (group commit amortises it across appends).
   */
  sqliteSync?: 'normal' | 'full';
}
