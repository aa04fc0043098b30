/**
 * The advisory store: OSV records in the database, indexed by (ecosystem, normalised name), and the
 * in-memory {@link AdvisoryIndex} built from it for matching.
 *
 * Imports are incremental: a record whose `modified` timestamp is not newer than the stored copy is
 * left alone, so re-importing a daily all.zip only writes what changed. Withdrawn records are kept
 * (with their withdrawal time) so a later import cannot resurrect them by omission, and never match.
 *
 * Failure contract: a record that does not validate against the OSV schema is skipped, counted, and
 * recorded in the audit log (`vulns.feed.invalid-record`); when that audit append fails the import
 * stops with an error. A source that cannot be read rejects the import and leaves the store as it
 * was before the failing batch; the feed's age is only advanced by a completed import.
 */
import type { Kysely } from 'kysely';
import type { AuditLog } from '../audit/types.js';
import { sqliteHandle } from '../store/sqlite.js';
import type { Store } from '../store/types.js';
import { feedKind, readFeed, type FeedKind } from './feed.js';
import { AdvisoryIndex, advisoryMeta, normalizeEcosystem, normalizePackageName, type AdvisoryMeta } from './osv-match.js';
import type { SeverityOrUnknown } from './severity.js';
import { validateOsv, type OsvAffected, type OsvRecord } from './osv-schema.js';
import type { VulnTables } from './tables.js';

export interface ImportResult {
  source: string;
  kind: FeedKind;
  /** Valid records seen in the feed. */
  records: number;
  added: number;
  updated: number;
  unchanged: number;
  withdrawn: number;
  invalid: { entry: string; id: string | null; errors: string[] }[];
  newestModified: string | null;
}

export interface ImportOptions {
  audit?: AuditLog;
  actor?: string;
  now?: () => Date;
  /** Records per transaction. */
  batchSize?: number;
}

function vdb(store: Store): Kysely<VulnTables> {
  return store.db.withTables<VulnTables>() as unknown as Kysely<VulnTables>;
}

/** Affected ranges joined with their advisory, the shape matching reads (filters are added by the caller). */
function affectedRows(db: Kysely<VulnTables>) {
  return db
    .selectFrom('vuln_affected')
    .innerJoin('vuln_advisories', 'vuln_advisories.id', 'vuln_affected.advisory_id')
    .select([
      'vuln_affected.advisory_id as id',
      'vuln_affected.ecosystem as ecosystem',
      'vuln_affected.name as name',
      'vuln_affected.affected as affected',
      'vuln_advisories.modified as modified',
      'vuln_advisories.severity as severity',
      'vuln_advisories.malicious as malicious',
      'vuln_advisories.summary as summary',
      'vuln_advisories.aliases as aliases',
    ]);
}

/** A URL without user:password, for display and as the feed's key. */
export function displaySource(source: string): string {
  if (!/^https?:\/\//i.test(source)) return source;
  try {
    const u = new URL(source);
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return source;
  }
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Imports an OSV feed (all.zip, directory, JSON file or URL) into the store. */
export async function importFeed(store: Store, source: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const db = vdb(store);
  const now = opts.now ?? (() => new Date());
  const shown = displaySource(source);
  const kind = feedKind(source);
  const batchSize = opts.batchSize ?? 1000;
  const existing = new Map<string, string>();
  for (const row of await db.selectFrom('vuln_advisories').select(['id', 'modified']).execute()) existing.set(row.id, row.modified);

  const result: ImportResult = {
    source: shown,
    kind,
    records: 0,
    added: 0,
    updated: 0,
    unchanged: 0,
    withdrawn: 0,
    invalid: [],
    newestModified: null,
  };
  let batch: OsvRecord[] = [];
  const batchPos = new Map<string, number>();
  const seenInFeed = new Map<string, string>();

  const flush = async () => {
    if (batch.length === 0) return;
    const importedAt = now().toISOString();
    const rows = batch;
    batch = [];
    batchPos.clear();
    await db.transaction().execute(async (trx) => {
      const ids = rows.map((r) => r.id);
      for (const part of chunk(ids, 500)) {
        await trx.deleteFrom('vuln_affected').where('advisory_id', 'in', part).execute();
        await trx.deleteFrom('vuln_advisories').where('id', 'in', part).execute();
      }
      const advRows = rows.map((r) => {
        const meta = advisoryMeta(r);
        return {
          id: r.id,
          modified: r.modified,
          published: r.published ?? null,
          withdrawn: r.withdrawn ?? null,
          malicious: meta.malicious ? 1 : 0,
          severity: meta.severity,
          summary: meta.summary,
          aliases: JSON.stringify(meta.aliases),
          record: JSON.stringify(r),
          source: shown,
          imported_at: importedAt,
        };
      });
      for (const part of chunk(advRows, 100)) await trx.insertInto('vuln_advisories').values(part).execute();
      const affRows = new Map<string, { advisory_id: string; ecosystem: string; name: string; entries: OsvAffected[] }>();
      for (const r of rows) {
        for (const a of r.affected ?? []) {
          if (!a.package) continue;
          const ecosystem = normalizeEcosystem(a.package.ecosystem);
          const name = normalizePackageName(ecosystem, a.package.name);
          const key = `${r.id}\u0000${ecosystem}\u0000${name}`;
          const row = affRows.get(key);
          if (row) row.entries.push(a);
          else affRows.set(key, { advisory_id: r.id, ecosystem, name, entries: [a] });
        }
      }
      const affValues = [...affRows.values()].map(({ entries, ...k }) => ({ ...k, affected: JSON.stringify(entries) }));
      for (const part of chunk(affValues, 200)) await trx.insertInto('vuln_affected').values(part).execute();
    });
  };

  for await (const item of readFeed(source)) {
    if ('error' in item) {
      await reportInvalid(result, opts, shown, item.entry, null, [item.error]);
      continue;
    }
    const v = validateOsv(item.value);
    if (!v.ok) {
      await reportInvalid(result, opts, shown, item.entry, v.id, v.errors);
      continue;
    }
    const rec = v.record;
    result.records++;
    if (!result.newestModified || rec.modified > result.newestModified) result.newestModified = rec.modified;
    // The same id twice in one feed: keep the newer.
    const prevInFeed = seenInFeed.get(rec.id);
    if (prevInFeed !== undefined && prevInFeed >= rec.modified) continue;
    seenInFeed.set(rec.id, rec.modified);
    const inBatch = batchPos.get(rec.id);
    if (inBatch !== undefined) {
      // A newer copy of a record already queued in this batch replaces it (one row per id).
      if (batch[inBatch].withdrawn) result.withdrawn--;
      if (rec.withdrawn) result.withdrawn++;
      batch[inBatch] = rec;
      continue;
    }
    const stored = existing.get(rec.id);
    if (stored !== undefined && Date.parse(stored) >= Date.parse(rec.modified)) {
      if (prevInFeed === undefined) result.unchanged++;
      continue;
    }
    if (prevInFeed === undefined) {
      if (stored === undefined) result.added++;
      else result.updated++;
    }
    if (rec.withdrawn) result.withdrawn++;
    existing.set(rec.id, rec.modified);
    batchPos.set(rec.id, batch.length);
    batch.push(rec);
    if (batch.length >= batchSize) await flush();
  }
  await flush();

  const importedAt = now().toISOString();
  const prev = await db.selectFrom('vuln_feeds').select('newest_modified').where('source', '=', shown).executeTakeFirst();
  const newest = [prev?.newest_modified ?? null, result.newestModified].filter((x): x is string => !!x).sort().pop() ?? null;
  const feedRow = {
    kind,
    imported_at: importedAt,
    newest_modified: newest,
    records: result.records,
    changed: result.added + result.updated,
    invalid: result.invalid.length,
  };
  await db
    .insertInto('vuln_feeds')
    .values({ source: shown, ...feedRow })
    .onConflict((oc) => oc.column('source').doUpdateSet(feedRow))
    .execute();
  await opts.audit?.append({
    type: 'vulns.feed.import',
    actor: opts.actor ?? 'system',
    data: {
      source: shown,
      kind,
      records: result.records,
      added: result.added,
      updated: result.updated,
      unchanged: result.unchanged,
      withdrawn: result.withdrawn,
      invalid: result.invalid.length,
      newestModified: newest,
    },
  });
  return result;
}

async function reportInvalid(
  result: ImportResult,
  opts: ImportOptions,
  source: string,
  entry: string,
  id: string | null,
  errors: string[],
): Promise<void> {
  result.invalid.push({ entry, id, errors });
  // An append failure propagates: an invalid record must never be skipped without a trace.
  await opts.audit?.append({
    type: 'vulns.feed.invalid-record',
    actor: opts.actor ?? 'system',
    data: { source, entry, id, errors },
  });
}

const LOAD_SQL =
  'SELECT a.advisory_id, a.ecosystem, a.name, a.affected, v.modified, v.severity, v.malicious, v.summary, v.aliases ' +
  'FROM vuln_affected a JOIN vuln_advisories v ON v.id = a.advisory_id WHERE v.withdrawn IS NULL';

/** Loads every live advisory into an in-memory index for matching; ranges are parsed on first use. */
export async function loadIndex(store: Store): Promise<AdvisoryIndex> {
  const raw = store.dialect === 'sqlite' ? sqliteHandle(store.db) : undefined;
  if (raw) {
    // Hot path for the embedded database: iterate rows as arrays without building row objects.
    // Synchronous, inside Kysely's connection lock, as sqliteHandle requires.
    return store.db.connection().execute(async () => {
      const index = new AdvisoryIndex();
      const metas = new Map<string, AdvisoryMeta>();
      const stmt = raw.prepare(LOAD_SQL).raw();
      for (const r of stmt.iterate() as Iterable<[string, string, string, string, string, string, number, string, string]>) {
        addRow(index, metas, { id: r[0], ecosystem: r[1], name: r[2], affected: r[3], modified: r[4], severity: r[5], malicious: r[6], summary: r[7], aliases: r[8] });
      }
      return index;
    });
  }
  const rows = await affectedRows(vdb(store))
    .where('vuln_advisories.withdrawn', 'is', null)
    .execute();
  return indexFromRows(rows);
}

interface StoredAffectedRow {
  id: string;
  ecosystem: string;
  name: string;
  affected: string;
  modified: string;
  severity: string;
  malicious: number;
  summary: string;
  aliases: string;
}

function addRow(index: AdvisoryIndex, metas: Map<string, AdvisoryMeta>, row: StoredAffectedRow): void {
  let meta = metas.get(row.id);
  if (!meta) {
    meta = {
      id: row.id,
      aliases: JSON.parse(row.aliases) as string[],
      summary: row.summary,
      modified: row.modified,
      severity: row.severity as SeverityOrUnknown,
      malicious: Number(row.malicious) === 1,
    };
    metas.set(row.id, meta);
  }
  index.addStored(meta, row.ecosystem, row.name, row.affected);
}

function indexFromRows(rows: StoredAffectedRow[]): AdvisoryIndex {
  const index = new AdvisoryIndex();
  const metas = new Map<string, AdvisoryMeta>();
  for (const row of rows) addRow(index, metas, row);
  return index;
}

/**
 * Loads only the advisories for the given packages (one indexed query per batch of names), for
 * one-off checks that should not pay for loading the whole feed.
 */
export async function loadIndexFor(store: Store, pkgs: readonly { ecosystem: string; name: string }[]): Promise<AdvisoryIndex> {
  const db = vdb(store);
  const byEco = new Map<string, Set<string>>();
  for (const p of pkgs) {
    const eco = normalizeEcosystem(p.ecosystem);
    let set = byEco.get(eco);
    if (!set) byEco.set(eco, (set = new Set()));
    set.add(normalizePackageName(eco, p.name));
  }
  const rows: StoredAffectedRow[] = [];
  for (const [eco, names] of byEco) {
    for (const part of chunk([...names], 500)) {
      rows.push(
        ...(await affectedRows(db)
          .where('vuln_affected.ecosystem', '=', eco)
          .where('vuln_affected.name', 'in', part)
          .where('vuln_advisories.withdrawn', 'is', null)
          .execute()),
      );
    }
  }
  return indexFromRows(rows);
}

export interface FeedStatus {
  /** No feed was ever imported. */
  missing: boolean;
  /** The newest import is older than maxAgeMs. */
  stale: boolean;
  /** Milliseconds since the newest completed import; null when missing. */
  ageMs: number | null;
  advisories: number;
  feeds: { source: string; kind: string; importedAt: string; newestModified: string | null; records: number; invalid: number }[];
  /** A human warning when missing or stale, for `airlock status` and the audit log. */
  warning: string | null;
}

export const DEFAULT_FEED_MAX_AGE_MS = 2 * 24 * 3600 * 1000;

/** How old the advisory data is. A missing or stale feed is a warning, never a silent pass. */
export async function feedStatus(store: Store, opts: { maxAgeMs?: number; now?: () => Date } = {}): Promise<FeedStatus> {
  const db = vdb(store);
  const now = (opts.now ?? (() => new Date()))().getTime();
  const maxAge = opts.maxAgeMs ?? DEFAULT_FEED_MAX_AGE_MS;
  const feeds = await db.selectFrom('vuln_feeds').selectAll().orderBy('imported_at', 'desc').execute();
  const count = await db.selectFrom('vuln_advisories').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const newest = feeds[0];
  const ageMs = newest ? now - Date.parse(newest.imported_at) : null;
  const missing = !newest;
  const stale = ageMs !== null && ageMs > maxAge;
  let warning: string | null = null;
  if (missing) warning = 'no advisory feed has been imported: vulnerability checks cannot find anything; run `airlock vulns update`';
  else if (stale)
    warning = `the advisory feed is ${Math.floor(ageMs! / 3600000)} h old (limit ${Math.floor(maxAge / 3600000)} h); run \`airlock vulns update\``;
  return {
    missing,
    stale,
    ageMs,
    advisories: Number(count.n),
    feeds: feeds.map((f) => ({
      source: f.source,
      kind: f.kind,
      importedAt: f.imported_at,
      newestModified: f.newest_modified,
      records: Number(f.records),
      invalid: Number(f.invalid),
    })),
    warning,
  };
}
