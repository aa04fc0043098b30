/** PostgreSQL for team and hosted mode: a connection pool shared by the whole process. */
import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Database } from './schema.js';

const INT8_OID = 20;

/**
 * `bigint` columns (sequence numbers, versions) come back as JS numbers instead of strings. Exact up
 * to 2^53, far beyond any realistic audit sequence. Scoped to this pool, not set globally on `pg`.
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID && format !== 'binary') return (v: string) => Number(v);
    return (pg.types.getTypeParser as (oid: number, format?: string) => unknown)(oid, format);
  },
};

/** The URL with its password masked, safe for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable url)';
  }
}

export async function openPostgres(url: string): Promise<Kysely<Database>> {
  const pool = new pg.Pool({ connectionString: url, max: 10, types: types as pg.CustomTypesConfig });
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`SELECT 1`.execute(db);
  } catch (err) {
    await db.destroy().catch(() => undefined);
    throw new Error(
      `cannot connect to PostgreSQL at ${redactUrl(url)}: ${(err as Error).message}. ` +
        'Check AIRLOCK_DATABASE_URL and that the server is reachable.',
      { cause: err },
    );
  }
  return db;
}
