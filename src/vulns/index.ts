/**
 * The vulnerability guard's public surface: what the CLI, the control API and the gateway call.
 * See README.md for the flow.
 */
import path from 'node:path';
import type { AuditLog } from '../audit/types.js';
import type { Store } from '../store/types.js';
import { feedStatus, importFeed, loadIndexFor, type FeedStatus, type ImportResult } from './advisory-store.js';
import { toCycloneDx } from './cyclonedx.js';
import { distinctPackages, inventoryNpmDir, readInventory, type CheckTarget, type Inventory } from './inventory.js';
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
export * from './notify.js';
export { parsePurl, toPurl } from './purl.js';
export * from './refresh.js';
export * from './config.js';
export * from './guard.js';
export { vulnsTables } from './migrations/0004_vulns.js';
export type { VulnTables } from './tables.js';

/** `airlock vulns update [--source PATH|URL]`. The default source is configuration's business. */
export async function vulnsUpdate(store: Store, opts: { source: string; audit?: AuditLog; actor?: string }): Promise<ImportResult> {
  return importFeed(store, opts.source, { audit: opts.audit, actor: opts.actor });
}

export interface CheckResult {
  inventory: Inventory;
  matches: VulnMatch[];
  signals: SupplyChainSignal[];
  feed: FeedStatus;
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

/** Human-readable report of a check, for `airlock vulns check` without --json. */
export function formatCheckReport(r: CheckResult): string {
  const lines: string[] = [];
  if (r.feed.warning) lines.push(`warning: ${r.feed.warning}`);
  const src = r.inventory.source;
  lines.push(`${r.inventory.packages.length} packages from ${src.kind} ${src.path}`);
  if (r.inventory.unidentified.length) lines.push(`${r.inventory.unidentified.length} components could not be identified and were not checked`);
  if (r.matches.length === 0) lines.push('no known vulnerabilities or malicious packages');
  for (const m of [...r.matches].sort((a, b) => Number(b.malicious) - Number(a.malicious) || a.package.localeCompare(b.package))) {
    const alias = m.aliases.length ? ` (${m.aliases.join(', ')})` : '';
    const kind = m.malicious ? 'MALICIOUS' : m.severity;
    const fix = m.fixed ? `fixed in ${m.fixed}` : 'no fix published';
    lines.push(`${kind}  ${m.package}@${m.version}  ${m.advisoryId}${alias}  ${fix}${m.uncertain ? `  [assumed: ${m.uncertain}]` : ''}${m.summary ? `  ${m.summary}` : ''}`);
  }
  for (const s of r.signals) lines.push(`signal ${s.kind}  ${s.package}@${s.version}  ${s.detail}`);
  return lines.join('\n');
}
