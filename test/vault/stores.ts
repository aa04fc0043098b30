/**
 * Real stores for the vault tests, on top of the shared dialect helper (test/helpers/db.ts).
 */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Dialect, Store } from '../../src/store/index.js';
import { freshDb } from '../helpers/db.js';

export interface VaultTestStore {
  dialect: Dialect;
  store: Store;
  /** A private AIRLOCK_HOME (key files live here on both dialects). */
  home: string;
  close(): Promise<void>;
}

export async function tmpHome(prefix = 'airlock-vault-'): Promise<string> {
  const home = await fs.mkdtemp(path.join(tmpdir(), prefix));
  await fs.chmod(home, 0o700);
  return home;
}

export async function openTestStore(dialect: Dialect): Promise<VaultTestStore> {
  const db = await freshDb(dialect);
  const store = await db.open();
  return { dialect, store, home: db.home, close: () => db.cleanup() };
}

export const openSqliteStore = () => openTestStore('sqlite');
