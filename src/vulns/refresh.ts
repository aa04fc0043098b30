/**
 * Scheduled feed refresh (default daily). Each run imports the configured source, then reports the
 * feed's age; after a successful import `onUpdated` runs (the caller re-evaluates every server's
 * quarantine there).
 *
 * Failure contract: a failed import never stops the gateway or clears the store (matching keeps
 * working on the previous data); it is recorded as `vulns.feed.error`, and once the data is older
 * than `maxAgeMs` every run records `vulns.feed.stale`, so the gap is visible, never silent.
 */
import type { AuditLog } from '../audit/types.js';
import type { Store } from '../store/types.js';
import { DEFAULT_FEED_MAX_AGE_MS, displaySource, feedStatus, importFeed, type ImportResult } from './advisory-store.js';

export interface FeedRefreshOptions {
  store: Store;
  source: string;
  audit: AuditLog;
  intervalMs?: number;
  maxAgeMs?: number;
  onUpdated?: (result: ImportResult) => Promise<void>;
}

export const DEFAULT_REFRESH_INTERVAL_MS = 24 * 3600 * 1000;

/** One refresh run; resolves with the import result, or null when the import failed (and was audited). */
export async function refreshFeedOnce(opts: FeedRefreshOptions): Promise<ImportResult | null> {
  let result: ImportResult | null = null;
  try {
    result = await importFeed(opts.store, opts.source, { audit: opts.audit, actor: 'system' });
  } catch (err) {
    await opts.audit.append({
      type: 'vulns.feed.error',
      actor: 'system',
      data: { source: displaySource(opts.source), error: (err as Error).message.slice(0, 300) },
    });
  }
  const status = await feedStatus(opts.store, { maxAgeMs: opts.maxAgeMs ?? DEFAULT_FEED_MAX_AGE_MS });
  if (status.missing || status.stale) {
    await opts.audit.append({ type: 'vulns.feed.stale', actor: 'system', data: { ageMs: status.ageMs, warning: status.warning } });
  }
  if (result && opts.onUpdated && result.added + result.updated > 0) await opts.onUpdated(result);
  return result;
}

/** Runs {@link refreshFeedOnce} every `intervalMs` (not overlapping). Returns a function that stops it. */
export function scheduleFeedRefresh(opts: FeedRefreshOptions): () => void {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const tick = async () => {
    try {
      await refreshFeedOnce(opts);
    } catch {
      // The audit append itself failed; the next run tries again and the status check stays visible.
    }
    if (!stopped) {
      timer = setTimeout(tick, opts.intervalMs ?? DEFAULT_REFRESH_INTERVAL_MS);
      timer.unref();
    }
  };
  timer = setTimeout(tick, opts.intervalMs ?? DEFAULT_REFRESH_INTERVAL_MS);
  timer.unref();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
