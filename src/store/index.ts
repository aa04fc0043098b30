/**
 * The storage layer: one Kysely handle over either the embedded SQLite file or PostgreSQL, with
 * every registered migration applied before it is handed out.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { runMigrations } from './migrate.js';
import { migrations } from './migrations/index.js';
import { openPostgres, redactUrl } from './postgres.js';
import { openSqlite } from './sqlite.js';
import type { OpenStoreOptions, Store } from './types.js';

export type { Dialect, OpenStoreOptions, Store } from './types.js';
export type { Database } from './schema.js';
export type { StoreMigration } from './migrate.js';

/** $AIRLOCK_HOME, or ~/.airlock. */
export function resolveHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.AIRLOCK_HOME && env.AIRLOCK_HOME.length > 0 ? env.AIRLOCK_HOME : join(homedir(), '.airlock');
}

/** Store options from the environment: AIRLOCK_HOME and AIRLOCK_DATABASE_URL. */
export function storeOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): OpenStoreOptions {
  const url = env.AIRLOCK_DATABASE_URL;
  return { home: resolveHome(env), ...(url ? { databaseUrl: url } : {}) };
}

/**
 * Opens the database and brings its schema up to date.
 *
 * Failure contract: rejects with a message naming the database and what to check when it cannot be
 * opened, reached or migrated; never returns a half-migrated store.
 */
export async function openStore(opts: OpenStoreOptions): Promise<Store> {
  if (opts.databaseUrl) {
    const db = await openPostgres(opts.databaseUrl);
    const location = redactUrl(opts.databaseUrl);
    try {
      await runMigrations(db, 'postgres', migrations);
    } catch (err) {
      await db.destroy().catch(() => undefined);
      throw new Error(`cannot migrate ${location}: ${(err as Error).message}`, { cause: err });
    }
    return { db, dialect: 'postgres', location, close: () => db.destroy() };
  }
  const { db, file } = openSqlite(opts.home, opts.sqliteSync ?? 'normal');
  try {
    await runMigrations(db, 'sqlite', migrations);
  } catch (err) {
    await db.destroy().catch(() => undefined);
    throw new Error(`cannot migrate ${file}: ${(err as Error).message}`, { cause: err });
  }
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() };
}
