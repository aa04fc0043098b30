/**
 * Immutable policy snapshots. Each save appends version N+1 for the tenant; nothing is edited in
 * place. Saving the same YAML as the latest version is a no-op that returns the latest version.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { Store } from './types.js';

export interface ConfigVersion {
  tenant: string;
  version: number;
  sha256: string;
  yaml: string;
  createdAt: string;
  actor: string | null;
}

const MAX_ATTEMPTS = 10;

export async function saveConfigVersion(
  store: Store,
  opts: { tenant?: string; yaml: string; actor?: string },
): Promise<{ version: ConfigVersion; created: boolean }> {
  const tenant = opts.tenant ?? 'default';
  const sha256 = createHash('sha256').update(opts.yaml, 'utf8').digest('hex');
  // Writers are serialised per tenant (PostgreSQL: advisory lock; SQLite: the connection's write
  // transaction). A conflict from another SQLite process surfaces as a busy/unique error and retries.
  for (let attempt = 1; ; attempt++) {
    try {
      return await store.db.transaction().execute(async (trx) => {
        if (store.dialect === 'postgres') {
          await sql`SELECT pg_advisory_xact_lock(hashtext(${`airlock.config_versions.${tenant}`}))`.execute(trx);
        }
        const latest = await latestIn(trx, tenant);
        if (latest && latest.sha256 === sha256) return { version: latest, created: false };
        const row = {
          tenant,
          version: (latest?.version ?? 0) + 1,
          sha256,
          yaml: opts.yaml,
          created_at: new Date().toISOString(),
          actor: opts.actor ?? null,
        };
        await trx.insertInto('config_versions').values(row).execute();
        return { version: toVersion(row), created: true };
      });
    } catch (err) {
      if (attempt >= MAX_ATTEMPTS) {
        throw new Error(`could not save config version for tenant ${tenant}: ${(err as Error).message}`, {
          cause: err,
        });
      }
    }
  }
}

async function latestIn(db: Kysely<Database>, tenant: string): Promise<ConfigVersion | null> {
  const row = await db
    .selectFrom('config_versions')
    .selectAll()
    .where('tenant', '=', tenant)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toVersion(row) : null;
}

export async function latestConfigVersion(store: Store, tenant = 'default'): Promise<ConfigVersion | null> {
  return latestIn(store.db, tenant);
}

export async function getConfigVersion(store: Store, tenant: string, version: number): Promise<ConfigVersion | null> {
  const row = await store.db
    .selectFrom('config_versions')
    .selectAll()
    .where('tenant', '=', tenant)
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? toVersion(row) : null;
}

/** Versions newest first, without their YAML text. */
export async function listConfigVersions(
  store: Store,
  tenant = 'default',
  limit = 100,
): Promise<Omit<ConfigVersion, 'yaml'>[]> {
  const rows = await store.db
    .selectFrom('config_versions')
    .select(['tenant', 'version', 'sha256', 'created_at', 'actor'])
    .where('tenant', '=', tenant)
    .orderBy('version', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ tenant: r.tenant, version: Number(r.version), sha256: r.sha256, createdAt: r.created_at, actor: r.actor }));
}

function toVersion(r: { tenant: string; version: number; sha256: string; yaml: string; created_at: string; actor: string | null }): ConfigVersion {
  return { tenant: r.tenant, version: Number(r.version), sha256: r.sha256, yaml: r.yaml, createdAt: r.created_at, actor: r.actor };
}
