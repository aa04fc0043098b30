/**
 * The guard loop: inventory each server, evaluate it against the loaded advisories, record the
 * quarantine transition. `airlock up` runs it at start, after every feed update and after every
 * install or upgrade.
 *
 * Failure contract: a server whose inventory cannot be read is evaluated as `inventory-unreadable`
 * (quarantined), never skipped; an error recording one server's state is returned for that server
 * and does not stop the others.
 */
import type { AuditLog } from '../audit/types.js';
import type { Store } from '../store/types.js';
import { loadIndex } from './advisory-store.js';
import { readInventory, type CheckTarget } from './inventory.js';
import type { AdvisoryIndex } from './osv-match.js';
import { applyEvaluation, evaluate, type Evaluation, type InventoryOutcome, type QuarantineEvent, type QuarantinePolicy, type QuarantineState } from './quarantine.js';

export interface GuardedServer {
  name: string;
  /** Where its dependency tree is read from (an installed prefix is `{ npmDir }`). */
  source: CheckTarget;
}

export interface GuardResult {
  server: string;
  evaluation: Evaluation;
  state: QuarantineState | null;
  /** Set when the state could not be recorded (the quarantine may still have been stored). */
  error?: string;
}

export interface GuardOptions {
  audit: AuditLog;
  policy?: QuarantinePolicy;
  tenant?: string;
  notify?: (event: QuarantineEvent) => Promise<void>;
  /** Reuse an index already in memory; otherwise the store's advisories are loaded. */
  index?: AdvisoryIndex;
  now?: () => Date;
}

export async function guardServers(store: Store, servers: readonly GuardedServer[], opts: GuardOptions): Promise<GuardResult[]> {
  const index = opts.index ?? (await loadIndex(store));
  const results: GuardResult[] = [];
  for (const s of servers) {
    let outcome: InventoryOutcome;
    try {
      outcome = { ok: true, inventory: await readInventory(s.source) };
    } catch (err) {
      outcome = { ok: false, error: (err as Error).message };
    }
    const evaluation = evaluate(outcome, index, opts.policy, (opts.now ?? (() => new Date()))());
    try {
      const state = await applyEvaluation(store, s.name, evaluation, { audit: opts.audit, tenant: opts.tenant, notify: opts.notify, now: opts.now });
      results.push({ server: s.name, evaluation, state });
    } catch (err) {
      results.push({ server: s.name, evaluation, state: null, error: (err as Error).message });
    }
  }
  return results;
}
