/**
 * The embedded SQLite database: one file in the data directory, shared safely by every Airlock
 * process on the machine (WAL lets readers and one writer proceed together; busy_timeout makes a
 * writer wait for another process's transaction instead of failing at once).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema.js';

export const SQLITE_FILE_NAME = 'airlock.db';
/** How long a writer waits for another process's write transaction before giving up. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

const handles = new WeakMap<object, BetterSqlite3.Database>();

/**
 * The better-sqlite3 handle behind a store's Kysely instance, for hot paths that need cached
 * prepared statements (the audit append). Use it only inside `db.connection().execute(...)`, which
 * holds Kysely's connection lock, and only synchronously, so no Kysely transaction can interleave.
 */
export function sqliteHandle(db: object): BetterSqlite3.Database | undefined {
  return handles.get(db);
}

export function openSqlite(home: string, sync: 'normal' | 'full'): { db: Kysely<Database>; file: string } {
  const file = join(home, SQLITE_FILE_NAME);
  let raw: BetterSqlite3.Database;
  try {
    mkdirSync(home, { recursive: true, mode: 0o700 });
    raw = new BetterSqlite3(file);
    raw.pragma('journal_mode = WAL');
    raw.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    raw.pragma(`synchronous = ${sync === 'full' ? 'FULL' : 'NORMAL'}`);
    raw.pragma('foreign_keys = ON');
  } catch (err) {
    throw new Error(
      `cannot open the Airlock database ${file}: ${(err as Error).message}. ` +
        'Check that AIRLOCK_HOME is writable by this user, or set AIRLOCK_DATABASE_URL to use PostgreSQL.',
      { cause: err },
    );
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  handles.set(db, raw);
  return { db, file };
}
