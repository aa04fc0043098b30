/**
 * Quarantine: whether a server may run, from its inventory, the advisories and the policy.
 *
 * `evaluate` is pure. The state machine (`applyEvaluation`, `overrideQuarantine`, `admission`) keeps
 * the decision per (tenant, server) in the store, audits every transition and tells a notifier
 * (webhook) about it:
 *
 *   (none|released) ──reasons──▶ quarantined ──no reasons──▶ released
 *                                    │  ▲
 *             admin override (reason, expiry)   override expires
 *                                    ▼  │
 *                                 overridden ──no reasons──▶ released
 *
 * Failure contract: an inventory that could not be read quarantines (`inventory-unreadable`); an
 * uncertain match (a version that cannot be compared) counts as a match; an unknown severity counts
 * as `unknownSeverityAs` (default high). `admission` rejects when the store cannot be read, and
 * every transition is refused when its audit entry cannot be appended.
 */
import type { Kysely } from 'kysely';
import type { AuditLog } from '../audit/types.js';
import type { Store } from '../store/types.js';
import { distinctPackages, type Inventory } from './inventory.js';
import type { AdvisoryIndex, VulnMatch } from './osv-match.js';
import { SEVERITY_RANK, type Severity, type SeverityOrUnknown } from './severity.js';
import { supplyChainSignals, type SignalKind, type SupplyChainSignal } from './signals.js';
import type { VulnTables } from './tables.js';

export interface QuarantinePolicy {
  /** Vulnerabilities at or above this severity quarantine. Default `high`. */
  minSeverity?: Severity;
  /** How to rate an advisory without any severity data. Default `high` (fail closed). */
  unknownSeverityAs?: Severity;
  /** Quarantine when a version could not be compared with an advisory's ranges. Default true. */
  quarantineOnUncertain?: boolean;
  quarantineOnInstallScripts?: boolean;
  quarantineOnTyposquat?: boolean;
  /** Default true: npm only publishes these placeholders after removing a package. */
  quarantineOnSecurityPlaceholder?: boolean;
  quarantineOnNotFromRegistry?: boolean;
  /** Accepted risks: an advisory (optionally for one package) ignored until it expires. */
  ignore?: readonly { advisoryId: string; package?: string; reason: string; expires: string }[];
}

export type ReasonKind = 'vulnerability' | 'malicious' | 'inventory-unreadable' | SignalKind;

export interface QuarantineReason {
  kind: ReasonKind;
  advisoryId: string | null;
  aliases?: string[];
  package: string | null;
  version: string | null;
  fixed: string | null;
  severity: SeverityOrUnknown | null;
  malicious: boolean;
  detail: string;
}

export interface Evaluation {
  quarantined: boolean;
  reasons: QuarantineReason[];
  /** Everything that matched, including what is below the threshold or ignored. */
  matches: VulnMatch[];
  signals: SupplyChainSignal[];
}

/** What to evaluate: an inventory, or the error that prevented reading one. */
export type InventoryOutcome = { ok: true; inventory: Inventory } | { ok: false; error: string };

export function evaluate(outcome: InventoryOutcome, index: AdvisoryIndex, policy: QuarantinePolicy = {}, now: Date = new Date()): Evaluation {
  if (!outcome.ok) {
    return {
      quarantined: true,
      reasons: [
        {
          kind: 'inventory-unreadable',
          advisoryId: null,
          package: null,
          version: null,
          fixed: null,
          severity: null,
          malicious: false,
          detail: `the dependency inventory could not be read (${outcome.error}); the server stays quarantined until it can be`,
        },
      ],
      matches: [],
      signals: [],
    };
  }
  const minRank = SEVERITY_RANK[policy.minSeverity ?? 'high'];
  const unknownAs = policy.unknownSeverityAs ?? 'high';
  const ignored = (m: VulnMatch) =>
    (policy.ignore ?? []).some(
      (i) =>
        (i.advisoryId === m.advisoryId || m.aliases.includes(i.advisoryId)) &&
        (!i.package || i.package === m.package) &&
        Date.parse(i.expires) > now.getTime(),
    );
  const matches = index.matchAll(distinctPackages(outcome.inventory));
  const reasons: QuarantineReason[] = [];
  for (const m of matches) {
    if (!m.malicious && ignored(m)) continue;
    const effective = m.severity === 'unknown' ? unknownAs : m.severity;
    const counts = m.malicious || SEVERITY_RANK[effective] >= minRank || (m.uncertain !== undefined && (policy.quarantineOnUncertain ?? true));
    if (!counts) continue;
    reasons.push({
      kind: m.malicious ? 'malicious' : 'vulnerability',
      advisoryId: m.advisoryId,
      aliases: m.aliases,
      package: m.package,
      version: m.version,
      fixed: m.fixed,
      severity: m.severity,
      malicious: m.malicious,
      detail: m.uncertain ? `${m.summary} (assumed affected: ${m.uncertain})` : m.summary,
    });
  }
  const signals = supplyChainSignals(outcome.inventory.packages);
  const signalQuarantines: Record<SignalKind, boolean> = {
    'install-script': policy.quarantineOnInstallScripts ?? false,
    typosquat: policy.quarantineOnTyposquat ?? false,
    'security-placeholder': policy.quarantineOnSecurityPlaceholder ?? true,
    'not-from-registry': policy.quarantineOnNotFromRegistry ?? false,
  };
  const seenSignal = new Set<string>();
  for (const s of signals) {
    const key = `${s.kind}\u0000${s.package}\u0000${s.version}`;
    if (!signalQuarantines[s.kind] || seenSignal.has(key)) continue;
    seenSignal.add(key);
    reasons.push({ kind: s.kind, advisoryId: null, package: s.package, version: s.version, fixed: null, severity: null, malicious: false, detail: s.detail });
  }
  reasons.sort((a, b) => Number(b.malicious) - Number(a.malicious) || SEVERITY_RANK[b.severity ?? 'unknown'] - SEVERITY_RANK[a.severity ?? 'unknown']);
  return { quarantined: reasons.length > 0, reasons, matches, signals };
}

/** One line per reason, naming the advisory, package@version and the fixed version. */
export function describeReason(r: QuarantineReason): string {
  const pkg = r.package ? `${r.package}@${r.version}` : null;
  switch (r.kind) {
    case 'malicious':
      return `${r.advisoryId}: ${pkg} is a known malicious package version${r.fixed ? `; fixed in ${r.fixed}` : '; remove it'}`;
    case 'vulnerability': {
      const alias = r.aliases && r.aliases.length ? ` (${r.aliases.join(', ')})` : '';
      return `${r.advisoryId}${alias}, ${r.severity}: ${pkg}; ${r.fixed ? `fixed in ${r.fixed}` : 'no fixed version published'}`;
    }
    case 'inventory-unreadable':
      return r.detail;
    default:
      return `${r.kind}: ${pkg}: ${r.detail}`;
  }
}

export type QuarantineStateName = 'quarantined' | 'overridden' | 'released';

export interface QuarantineState {
  tenant: string;
  server: string;
  /** The effective state: an expired override reads as `quarantined`. */
  state: QuarantineStateName;
  reasons: QuarantineReason[];
  since: string;
  override: { reason: string; by: string; expires: string } | null;
}

/** The event a notifier (webhook) receives on every transition. */
export interface QuarantineEvent {
  type: 'vulns.quarantine' | 'vulns.release' | 'vulns.quarantine.update' | 'vulns.quarantine.override';
  tenant: string;
  server: string;
  reasons: QuarantineReason[];
  at: string;
}

export interface StateOptions {
  tenant?: string;
  audit: AuditLog;
  actor?: string;
  /** Called after the transition is stored and audited; a failure is audited, not retried. */
  notify?: (event: QuarantineEvent) => Promise<void>;
  now?: () => Date;
}

function vdb(store: Store): Kysely<VulnTables> {
  return store.db.withTables<VulnTables>() as unknown as Kysely<VulnTables>;
}

function effectiveState(row: VulnTables['vuln_quarantine'], now: Date): QuarantineState {
  let state = row.state as QuarantineStateName;
  if (state === 'overridden' && (!row.override_expires || Date.parse(row.override_expires) <= now.getTime())) state = 'quarantined';
  return {
    tenant: row.tenant,
    server: row.server,
    state,
    reasons: JSON.parse(row.reasons) as QuarantineReason[],
    since: row.since,
    override:
      row.state === 'overridden' && row.override_reason
        ? { reason: row.override_reason, by: row.override_by ?? '', expires: row.override_expires ?? '' }
        : null,
  };
}

export async function getQuarantineState(store: Store, server: string, opts: { tenant?: string; now?: () => Date } = {}): Promise<QuarantineState | null> {
  const row = await vdb(store)
    .selectFrom('vuln_quarantine')
    .selectAll()
    .where('tenant', '=', opts.tenant ?? 'default')
    .where('server', '=', server)
    .executeTakeFirst();
  return row ? effectiveState(row, (opts.now ?? (() => new Date()))()) : null;
}

function reasonSummary(reasons: QuarantineReason[]): Record<string, unknown>[] {
  return reasons.map((r) => ({
    kind: r.kind,
    advisoryId: r.advisoryId,
    package: r.package,
    version: r.version,
    fixed: r.fixed,
    severity: r.severity,
    malicious: r.malicious,
  }));
}

async function auditTransition(opts: StateOptions, event: QuarantineEvent): Promise<void> {
  await opts.audit.append({
    type: event.type,
    tenant: event.tenant,
    server: event.server,
    actor: opts.actor ?? 'system',
    data: { reasons: reasonSummary(event.reasons) },
  });
}

/**
 * Records the outcome of an evaluation and performs the transition it implies. An active override
 * survives re-evaluations that still find reasons; any evaluation without reasons releases.
 */
export async function applyEvaluation(store: Store, server: string, ev: Evaluation, opts: StateOptions): Promise<QuarantineState> {
  const tenant = opts.tenant ?? 'default';
  const now = (opts.now ?? (() => new Date()))();
  const at = now.toISOString();
  const db = vdb(store);
  const prevRow = await db.selectFrom('vuln_quarantine').selectAll().where('tenant', '=', tenant).where('server', '=', server).executeTakeFirst();
  const prev = prevRow ? effectiveState(prevRow, now) : null;
  const reasonsJson = JSON.stringify(ev.reasons);
  let next: VulnTables['vuln_quarantine'];
  let event: QuarantineEvent['type'] | null = null;
  if (!ev.quarantined) {
    next = { tenant, server, state: 'released', reasons: '[]', since: prev?.state === 'released' ? prev.since : at, updated_at: at, override_reason: null, override_by: null, override_expires: null };
    if (prev && prev.state !== 'released') event = 'vulns.release';
  } else if (prev?.state === 'overridden') {
    next = { ...prevRow!, reasons: reasonsJson, updated_at: at };
    if (prevRow!.reasons !== reasonsJson) event = 'vulns.quarantine.update';
  } else {
    const wasQuarantined = prev?.state === 'quarantined';
    next = {
      tenant,
      server,
      state: 'quarantined',
      reasons: reasonsJson,
      since: wasQuarantined ? prev!.since : at,
      updated_at: at,
      override_reason: null,
      override_by: null,
      override_expires: null,
    };
    if (!wasQuarantined) event = 'vulns.quarantine';
    else if (prevRow!.reasons !== reasonsJson || prevRow!.state !== 'quarantined') event = 'vulns.quarantine.update';
  }
  const { tenant: _t, server: _s, ...update } = next;
  const store_ = () =>
    db
      .insertInto('vuln_quarantine')
      .values(next)
      .onConflict((oc) => oc.columns(['tenant', 'server']).doUpdateSet(update))
      .execute();
  const audit_ = async () => {
    if (!event) return;
    await auditTransition(opts, { type: event, tenant, server, reasons: ev.reasons, at }).catch((err) => {
      throw new Error(`quarantine transition ${event} of ${server}: the audit log refused the entry (${(err as Error).message})`, { cause: err });
    });
  };
  if (next.state === 'released') {
    // Loosening: nothing is released without an audit entry.
    await audit_();
    await store_();
  } else {
    // Tightening: quarantine takes effect even when the audit log is down; the caller still gets the error.
    await store_();
    await audit_();
  }
  if (event && opts.notify) {
    try {
      await opts.notify({ type: event, tenant, server, reasons: ev.reasons, at });
    } catch (err) {
      await opts.audit.append({ type: 'vulns.notify.failed', tenant, server, actor: 'system', data: { event, error: (err as Error).message.slice(0, 200) } });
    }
  }
  return effectiveState(next, now);
}

/** Longest override an admin may grant; a longer-lived exception belongs in policy `ignore`. */
export const MAX_OVERRIDE_MS = 90 * 24 * 3600 * 1000;

/** Lets a quarantined server run until `expires`, for a stated reason. Audited. */
export async function overrideQuarantine(
  store: Store,
  server: string,
  o: { reason: string; expires: string; by: string },
  opts: StateOptions,
): Promise<QuarantineState> {
  const tenant = opts.tenant ?? 'default';
  const now = (opts.now ?? (() => new Date()))();
  const expires = Date.parse(o.expires);
  if (!o.reason.trim()) throw new Error('an override needs a reason');
  if (!Number.isFinite(expires) || expires <= now.getTime()) throw new Error(`override expiry ${JSON.stringify(o.expires)} must be a future ISO-8601 time`);
  if (expires - now.getTime() > MAX_OVERRIDE_MS) throw new Error('an override may last at most 90 days; use a policy ignore entry for longer');
  const db = vdb(store);
  const row = await db.selectFrom('vuln_quarantine').selectAll().where('tenant', '=', tenant).where('server', '=', server).executeTakeFirst();
  if (!row || effectiveState(row, now).state === 'released') throw new Error(`server ${server} is not quarantined`);
  const at = now.toISOString();
  const expiresIso = new Date(expires).toISOString();
  await opts.audit.append({
    type: 'vulns.quarantine.override',
    tenant,
    server,
    actor: o.by,
    data: { reason: o.reason, expires: expiresIso, reasons: reasonSummary(JSON.parse(row.reasons)) },
  });
  await db
    .updateTable('vuln_quarantine')
    .set({ state: 'overridden', override_reason: o.reason, override_by: o.by, override_expires: expiresIso, updated_at: at })
    .where('tenant', '=', tenant)
    .where('server', '=', server)
    .execute();
  return effectiveState({ ...row, state: 'overridden', override_reason: o.reason, override_by: o.by, override_expires: expiresIso, updated_at: at }, now);
}

/** JSON-RPC error code for calls to a quarantined server (the gateway's `Quarantined`, src/gateway/jsonrpc.ts). */
export const QUARANTINE_ERROR_CODE = -32002;

export class QuarantinedError extends Error {
  readonly code = QUARANTINE_ERROR_CODE;
  constructor(
    readonly server: string,
    readonly reasons: QuarantineReason[],
  ) {
    const lines = reasons.slice(0, 5).map(describeReason);
    const more = reasons.length > 5 ? `; and ${reasons.length - 5} more` : '';
    super(`server ${server} is quarantined: ${lines.join('; ')}${more}. Upgrade it with \`airlock servers upgrade ${server}\`, or an admin can override with a reason and an expiry.`);
    this.name = 'QuarantinedError';
  }
}

/**
 * The gateway's check before starting a sandbox, opening a session or relaying a call. Resolves when
 * the server may run; rejects with {@link QuarantinedError} (its message is the JSON-RPC error text)
 * when it is quarantined, and with the store's error when the state cannot be read (fail closed).
 */
export async function admission(store: Store, server: string, opts: { tenant?: string; now?: () => Date } = {}): Promise<void> {
  const state = await getQuarantineState(store, server, opts);
  if (state && state.state === 'quarantined') throw new QuarantinedError(server, state.reasons);
}

/**
 * The relay's `admitRequest` hook for one server (structurally the gateway's RelayHooks): null admits,
 * a refusal carries the JSON-RPC error; a store failure rejects, which the relay treats as a refusal.
 * The state is re-read at most every `cacheMs` (default 2 s) so a quarantine reaches open sessions fast.
 */
export function quarantineAdmitHook(
  store: Store,
  server: string,
  opts: { tenant?: string; cacheMs?: number; now?: () => Date } = {},
): () => Promise<{ code: number; message: string; data: unknown } | null> {
  let cached: { at: number; refusal: { code: number; message: string; data: unknown } | null } | null = null;
  const cacheMs = opts.cacheMs ?? 2000;
  return async () => {
    const t = Date.now();
    if (cached && t - cached.at < cacheMs) return cached.refusal;
    let refusal: { code: number; message: string; data: unknown } | null = null;
    try {
      await admission(store, server, opts);
    } catch (err) {
      if (!(err instanceof QuarantinedError)) throw err;
      refusal = {
        code: err.code,
        message: err.message,
        data: { server, reasons: reasonSummary(err.reasons) },
      };
    }
    cached = { at: t, refusal };
    return refusal;
  };
}
