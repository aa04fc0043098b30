/**
 * Egress audit events. Every attempt — DNS or TCP, allowed or denied — becomes one EgressEvent that
 * is handed to the caller's `onEvent` (the gateway appends it to the audit log). Denials are also
 * counted per server so the dashboard and `airlock status` can show who is knocking.
 */
import { isAddressLiteral } from './address.js';
import { normalizeName } from './config.js';
import { LOGGABLE_SUSPECT, loggableName, looksLikeTunnel } from './tunnel.js';

export type EgressEventKind =
  /** A DNS query to Airlock's resolver. */
  | 'dns'
  /** An explicit-proxy CONNECT. */
  | 'connect'
  /** An explicit-proxy absolute-URI request or a transparently intercepted plain HTTP connection. */
  | 'http'
  /** A transparently intercepted TLS connection (name from SNI). */
  | 'tls'
  /** A non-HTTP port opened by the allowlist (relayed per resolved IP). */
  | 'tcp';

export type EgressDecision = 'allow' | 'deny';

export interface EgressEvent {
  server: string;
  session: string;
  kind: EgressEventKind;
  /** The name asked for (DNS question, CONNECT target, SNI, Host) or the address literal when no name was given. */
  name: string;
  port: number | null;
  /** The address dialled or answered; null when the decision was taken before resolution. */
  ip: string | null;
  decision: EgressDecision;
  /** Short machine-readable reason (`allowlisted`, `not-allowlisted`, `private-address`, `tunnel-suspect`, …). */
  reason: string;
  /** DNS query type when kind is `dns`. */
  qtype?: string;
  at: string;
}

/**
 * Receives every event. It may return the promise of the event's record (an audit append): the proxy
 * then relays no byte of an allowed connection until the record is written, and closes it if the
 * record fails.
 */
export type EgressEventSink = (event: EgressEvent) => unknown;

const denials = new Map<string, number>();

/** Denied attempts counted per server since this process started. */
export function egressDenialCount(server: string): number {
  return denials.get(server) ?? 0;
}

/** All per-server denial counts (a copy). */
export function egressDenialCounts(): Record<string, number> {
  return Object.fromEntries(denials);
}

/**
 * The name as the audit log may hold it. Allowed names are allowlisted and shown as they are; a denied
 * name that is not a valid DNS name or looks like encoded data is reduced to zone, length and hash, so
 * a denied exfiltration attempt does not deliver its payload into the log.
 */
export function auditName(name: string, decision: EgressDecision): string {
  if (decision === 'allow' || name === '' || LOGGABLE_SUSPECT.test(name) || isAddressLiteral(name)) return name;
  const n = normalizeName(name);
  if (!n || looksLikeTunnel(n)) return loggableName(name, true);
  return n;
}

/**
 * Wraps the caller's sink: stamps the time, reduces data-carrying names, counts denials, and reports a
 * failing sink on `onSinkError` (the gateway treats it as an audit failure).
 *
 * Returns undefined when the sink recorded the event synchronously, else a promise that settles with
 * the record: it rejects when the sink threw or its promise rejected. The promise is already marked
 * handled, so callers that only need the decision logged (DNS answers) may ignore it; the proxy awaits
 * it before relaying and closes the connection on rejection (fail closed).
 */
export function createEventEmitter(
  base: { server: string; session: string },
  onEvent: EgressEventSink,
  onSinkError: (err: unknown) => void = () => {},
): (e: Omit<EgressEvent, 'server' | 'session' | 'at'>) => Promise<void> | undefined {
  return (e) => {
    const event: EgressEvent = {
      ...e,
      name: auditName(e.name, e.decision),
      server: base.server,
      session: base.session,
      at: new Date().toISOString(),
    };
    if (event.decision === 'deny') denials.set(base.server, (denials.get(base.server) ?? 0) + 1);
    let recorded: Promise<void>;
    try {
      const r = onEvent(event);
      if (!r || typeof (r as PromiseLike<unknown>).then !== 'function') return undefined;
      recorded = Promise.resolve(r).then(
        () => undefined,
        (err: unknown) => {
          onSinkError(err);
          throw err;
        },
      );
    } catch (err) {
      onSinkError(err);
      recorded = Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
    recorded.catch(() => {});
    return recorded;
  };
}
