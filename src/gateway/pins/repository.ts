/**
 * Reading and writing tool pins and the latest observed tool listing of each server.
 */
import type { Kysely } from 'kysely';
import type { Store } from '../../store/index.js';
import { pinTools, type ToolContract, type ToolDefinition, type ToolPin } from '../../inspect/pinning/index.js';
import type { PinTables } from './tables.js';

export interface Observation {
  setHash: string;
  tools: ToolContract[];
  seenAt: string;
}

export class PinRepository {
  private readonly db: Kysely<PinTables>;
  constructor(store: Store) {
    this.db = store.db.withTables<PinTables>() as unknown as Kysely<PinTables>;
  }

  async pins(tenant: string, server: string): Promise<Map<string, ToolPin>> {
    const rows = await this.db.selectFrom('tool_pins').selectAll().where('tenant', '=', tenant).where('server', '=', server).execute();
    return new Map(rows.map((r) => [r.name, { name: r.name, hash: r.hash, contract: JSON.parse(r.contract) as ToolContract }]));
  }

  /** Approves these tools as they are now (replacing any earlier pin of the same name). */
  async approve(tenant: string, server: string, tools: readonly ToolDefinition[], actor: string): Promise<ToolPin[]> {
    const { pins } = pinTools(tools);
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      for (const p of pins) {
        await trx.deleteFrom('tool_pins').where('tenant', '=', tenant).where('server', '=', server).where('name', '=', p.name).execute();
        await trx
          .insertInto('tool_pins')
          .values({ tenant, server, name: p.name, hash: p.hash, contract: JSON.stringify(p.contract), approved_at: now, approved_by: actor })
          .execute();
      }
    });
    return pins;
  }

  /** Removes pins of tools the server no longer lists (an operator's decision, via approve --prune). */
  async forget(tenant: string, server: string, names: readonly string[]): Promise<void> {
    if (names.length === 0) return;
    await this.db.deleteFrom('tool_pins').where('tenant', '=', tenant).where('server', '=', server).where('name', 'in', [...names]).execute();
  }

  async observe(tenant: string, server: string, setHash: string, tools: readonly ToolContract[]): Promise<boolean> {
    const previous = await this.db.selectFrom('tool_observations').select('set_hash').where('tenant', '=', tenant).where('server', '=', server).executeTakeFirst();
    if (previous?.set_hash === setHash) return false;
    const row = { tenant, server, set_hash: setHash, tools: JSON.stringify(tools), seen_at: new Date().toISOString() };
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('tool_observations').where('tenant', '=', tenant).where('server', '=', server).execute();
      await trx.insertInto('tool_observations').values(row).execute();
    });
    return true;
  }

  async observation(tenant: string, server: string): Promise<Observation | null> {
    const r = await this.db.selectFrom('tool_observations').selectAll().where('tenant', '=', tenant).where('server', '=', server).executeTakeFirst();
    return r ? { setHash: r.set_hash, tools: JSON.parse(r.tools) as ToolContract[], seenAt: r.seen_at } : null;
  }
}
