/**
 * Webhook notifier for quarantine transitions: POSTs the event as JSON. Reasons carry advisory ids,
 * package names and versions only. A non-2xx answer or a timeout rejects; `applyEvaluation` audits
 * the failure (`vulns.notify.failed`) and keeps the transition.
 */
import type { QuarantineEvent } from './quarantine.js';

export function webhookNotifier(url: string, opts: { timeoutMs?: number; headers?: Record<string, string> } = {}): (event: QuarantineEvent) => Promise<void> {
  return async (event) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...opts.headers },
      body: JSON.stringify(event),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
    if (!res.ok) throw new Error(`webhook answered HTTP ${res.status}`);
  };
}
