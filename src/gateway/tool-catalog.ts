/**
 * Which tools each server exposes, as far as this gateway knows: what the inspection engines need to
 * tell a tool name of this session's own server from one that belongs to another (shadowing).
 * Updated whenever a session's tool listing is reviewed; preloaded from the last stored listings.
 */
import type { ToolRef } from '../inspect/types.js';

export class ToolCatalog {
  private readonly byServer = new Map<string, readonly string[]>();
  private flat: ToolRef[] | null = null;

  set(server: string, names: readonly string[]): void {
    const prev = this.byServer.get(server);
    if (prev && prev.length === names.length && prev.every((n, i) => n === names[i])) return;
    this.byServer.set(server, [...names]);
    this.flat = null;
  }

  /** Every known tool of every server; the same array until something changes. */
  all(): readonly ToolRef[] {
    if (this.flat === null) {
      this.flat = [];
      for (const [server, names] of this.byServer) for (const name of names) this.flat.push({ server, name });
    }
    return this.flat;
  }
}
