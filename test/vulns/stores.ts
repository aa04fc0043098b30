/**
 * Both storage backends for the vulnerability guard's tests, on top of the shared test helper: every
 * `open()` is a fresh database (a temp SQLite home, or a new PostgreSQL database on
 * AIRLOCK_TEST_PG_URL or the embedded server the helper starts).
 */
import type { Dialect, Store } from '../../src/store/index.js';
import { freshDb, type TestDb } from '../helpers/db.js';

export interface StoreFactory {
  dialect: Dialect;
  open(): Promise<Store>;
  shutdown(): Promise<void>;
}

function factory(dialect: Dialect): StoreFactory {
  const dbs: TestDb[] = [];
  return {
    dialect,
    async open() {
      const db = await freshDb(dialect);
      dbs.push(db);
      return db.open();
    },
    async shutdown() {
      for (const db of dbs.splice(0)) await db.cleanup();
    },
  };
}

export async function sqliteFactory(): Promise<StoreFactory> {
  return factory('sqlite');
}

export async function postgresFactory(): Promise<StoreFactory> {
  return factory('postgres');
}
