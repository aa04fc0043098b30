/**
 * The vulnerability guard's public surface: what the CLI, the control API and the gateway call.
 * See README.md for the flow.
 */
import path from 'node:path';
import type { AuditLog } from '../audit/types.js';
import type { Store } from '../store/types.js';
import { feedStatus, importFeed, loadIndexFor, type FeedStatus, type ImportResult } from './advisory-store.js';
import { toCycloneDx } from './cyclonedx.js';
import {
  distinctPackages,
  inventoryCycloneDx,
  inventoryNpmDir,
  inventoryNpmLockfile,
  inventoryPythonSite,
  type Inventory,
} from './inventory.js';
import type { VulnMatch } from './osv-match.js';
import { supplyChainSignals, type SupplyChainSignal } from './signals.js';

export * from './advisory-store.js';
export * from './cyclonedx.js';
export * from './install.js';
export * from './inventory.js';
export * from './osv-match.js';
export * from './osv-schema.js';
export * from './quarantine.js';
export * from './severity.js';
export * from './signals.js';
export { vulnsTables } from './migrations/0004_vulns.js';
export type { VulnTables } from './tables.js';

/** `airlock vulns update [--source PATH|URL]`. The default source is configuration's business. */
export async function vulnsUpdate(store: Store, opts: { source: string; audit?: AuditLog; actor?: string }): Promise<ImportResult> {
  return importFeed(store, opts.source, { audit: opts.audit, actor: opts.actor });
}

export type CheckTarget = { lockfile: string } | { sbom: string } | { pythonSite: string } | { npmDir: string };

export interface CheckResult {
  inventory: Inventory;
  matches: VulnMatch[];
  signals: SupplyChainSignal[];
  feed: FeedStatus;
}

/** Reads an inventory from whichever source the target names. Throws InventoryError when it cannot. */
export async function readInventory(target: CheckTarget): Promise<Inventory> {
  if ('lockfile' in target) return inventoryNpmLockfile(target.lockfile);
  if ('sbom' in target) return inventoryCycloneDx(target.sbom);
  if ('pythonSite' in target) return inventoryPythonSite(target.pythonSite);
  return inventoryNpmDir(target.npmDir);
}

/**
 * `airlock vulns check --lockfile PATH | --sbom FILE | --python-site DIR`. The CLI exits non-zero
 * when `matches` is not empty, and prints `feed.warning` when the feed is missing or stale (a check
 * against no data is not a pass).
 */
export async function vulnsCheck(store: Store, target: CheckTarget): Promise<CheckResult> {
  const inventory = await readInventory(target);
  const pkgs = distinctPackages(inventory);
  const index = await loadIndexFor(store, pkgs);
  return { inventory, matches: index.matchAll(pkgs), signals: supplyChainSignals(inventory.packages), feed: await feedStatus(store) };
}

/** `airlock servers inventory NAME`: the installed tree of a server installed under `prefix`. */
export async function serversInventory(prefix: string): Promise<Inventory> {
  return inventoryNpmDir(path.resolve(prefix));
}

/** `airlock servers inventory NAME --sbom`: CycloneDX 1.6 JSON. */
export async function exportSbom(prefix: string, serverName: string): Promise<Record<string, unknown>> {
  return toCycloneDx(await serversInventory(prefix), { serverName });
}
export * from './notify.js';
export { parsePurl, toPurl } from './purl.js';
export * from './refresh.js';
export * from './config.js';
