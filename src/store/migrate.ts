/**
 * A small migrator that is safe when several processes open the same database at once.
 *
 * Kysely's own Migrator takes no lock on SQLite, and two `airlock run` processes starting together
 * would race. Here every run happens inside one write transaction that first takes the database's
 * write lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: a transaction-scoped advisory lock), then reads
 * what is applied, then applies the rest in registry order. The loser of the race waits and finds
 * nothing left to do.
 *
 * Failure contract: any error rolls the whole run back and rejects; a database that holds
 * migrations this build does not know (written by a newer Airlock) is refused rather than used.
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from './types.js';

export interface StoreMigration {
  /** Unique, stable name, e.g. `0003_vault_secrets`. Never rename or remove an applied one. */
  readonly name: string;
  /** Runs inside the migration transaction. Use the schema builder or dialect-specific `sql`. */
  up(db: Kysely<any>, dialect: Dialect): Promise<void>;
}

/** Arbitrary constant key for pg_advisory_xact_lock ("airlock" in ASCII, truncated). */
const PG_MIGRATION_LOCK = 0x6169726c6f63;

export async function runMigrations(
  db: Kysely<any>,
  dialect: Dialect,
  migrations: readonly StoreMigration[],
): Promise<string[]> {
  const names = new Set<string>();
  for (const m of migrations) {
    if (names.has(m.name)) throw new Error(`duplicate migration name in the registry: ${m.name}`);
    names.add(m.name);
  }
  return db.connection().execute(async (conn) => {
    await sql.raw(dialect === 'sqlite' ? 'BEGIN IMMEDIATE' : 'BEGIN').execute(conn);
    try {
      if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(${PG_MIGRATION_LOCK})`.execute(conn);
      await conn.schema
        .createTable('airlock_migrations')
        .ifNotExists()
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('applied_at', 'text', (c) => c.notNull())
        .execute();
      const rows = await conn.selectFrom('airlock_migrations').select('name').execute();
      const applied = new Set(rows.map((r: { name: string }) => r.name));
      const unknown = [...applied].filter((n) => !names.has(n));
      if (unknown.length > 0) {
        throw new Error(
          `the database has migrations this Airlock build does not know (${unknown.join(', ')}); ` +
            'it was written by a newer version — upgrade Airlock or point it at another database',
        );
      }
      const ran: string[] = [];
      for (const m of migrations) {
        if (applied.has(m.name)) continue;
        try {
          await m.up(conn, dialect);
        } catch (err) {
          throw new Error(`migration ${m.name} failed: ${(err as Error).message}`, { cause: err });
        }
        await conn
          .insertInto('airlock_migrations')
          .values({ name: m.name, applied_at: new Date().toISOString() })
          .execute();
        ran.push(m.name);
      }
      await sql.raw('COMMIT').execute(conn);
      return ran;
    } catch (err) {
      await sql.raw('ROLLBACK').execute(conn).catch(() => undefined);
      throw err;
    }
  });
}
