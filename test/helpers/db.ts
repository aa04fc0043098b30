/**
 * Runs storage tests against both dialects.
 *
 *   describeEachDialect('audit chain', ({ fresh }) => {
 *     it('…', async () => { const db = await fresh(); const store = await db.open(); … await db.cleanup(); });
 *   });
 *
 * SQLite: a new temp AIRLOCK_HOME per `fresh()`. PostgreSQL: a new database (CREATE DATABASE) per
 * `fresh()` on the server at AIRLOCK_TEST_PG_URL, or — when that is unset — on one embedded server
 * started lazily for this test process and stopped when the process exits.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'node:test';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../scripts/pg-test-server.js';
import { openStore, type Dialect, type OpenStoreOptions, type Store } from '../../src/store/index.js';

export const DIALECTS: readonly Dialect[] = ['sqlite', 'postgres'];

export interface TestDb {
  dialect: Dialect;
  /** A private temp AIRLOCK_HOME (also used on PostgreSQL, for key files). */
  home: string;
  databaseUrl?: string;
  /** Options for openStore (also usable by child processes). */
  options: OpenStoreOptions;
  /** Opens a store; every store opened here is closed by cleanup(). */
  open(): Promise<Store>;
  cleanup(): Promise<void>;
}

let embedded: Promise<EmbeddedPostgres> | null = null;

/** The admin URL of the test PostgreSQL server, starting an embedded one on first use. */
export async function testPgServerUrl(): Promise<string> {
  const fromEnv = process.env.AIRLOCK_TEST_PG_URL;
  if (fromEnv) return fromEnv;
  embedded ??= startEmbeddedPostgres({ fast: true });
  return (await embedded).url;
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function freshDb(dialect: Dialect): Promise<TestDb> {
  const home = mkdtempSync(join(tmpdir(), 'airlock-test-'));
  const stores: Store[] = [];
  let databaseUrl: string | undefined;
  let dropDb: (() => Promise<void>) | undefined;
  if (dialect === 'postgres') {
    const serverUrl = await testPgServerUrl();
    const name = `airlock_t_${randomBytes(8).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
    dropDb = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  const options: OpenStoreOptions = { home, ...(databaseUrl ? { databaseUrl } : {}) };
  return {
    dialect,
    home,
    databaseUrl,
    options,
    async open() {
      const store = await openStore(options);
      stores.push(store);
      return store;
    },
    async cleanup() {
      for (const s of stores.splice(0)) await s.close().catch(() => undefined);
      if (dropDb) await dropDb();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** One `describe` per dialect, named `<title> [sqlite]` and `<title> [postgres]`. */
export function describeEachDialect(
  title: string,
  body: (ctx: { dialect: Dialect; fresh: () => Promise<TestDb> }) => void,
): void {
  for (const dialect of DIALECTS) {
    describe(`${title} [${dialect}]`, () => body({ dialect, fresh: () => freshDb(dialect) }));
  }
}
