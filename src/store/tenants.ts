import type { Store } from './types.js';

export interface Tenant {
  id: string;
  name: string;
  createdAt: string;
}

/** Creates the tenant if it does not exist; returns it either way. */
export async function ensureTenant(store: Store, id: string, name = id): Promise<Tenant> {
  await store.db
    .insertInto('tenants')
    .values({ id, name, created_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const row = await store.db.selectFrom('tenants').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return { id: row.id, name: row.name, createdAt: row.created_at };
}

export async function listTenants(store: Store): Promise<Tenant[]> {
  const rows = await store.db.selectFrom('tenants').selectAll().orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at }));
}
