/**
 * Keeps every server's quarantine state in memory, re-read from the store every couple of seconds,
 * so the relay can refuse calls to a quarantined server without a database read per request, and a
 * quarantine set by any replica reaches open sessions within one interval.
 *
 * Failure contract: when the state cannot be read, the server counts as quarantined (refusal says
 * why); a server whose state was never read yet is checked against the store before its first call.
 *
 * A server that turns quarantined in the store, whoever set it (this process, `airlock vulns update`
 * or `airlock servers upgrade` run from another process, another replica), is reported to the
 * `onQuarantined` listeners, so the gateway stops its sandboxes instead of only refusing its calls.
 * A state that cannot be read refuses calls but is not reported: a database hiccup does not end sessions.
 */
import type { Store } from '../store/index.js';
import { quarantineAdmitHook } from '../vulns/index.js';
import { ErrorCode } from './jsonrpc.js';
import type { Refusal } from './relay.js';

export class QuarantineWatch {
  private readonly known = new Map<string, Refusal | null>();
  /** Servers last read as quarantined in the store (not merely unreadable). */
  private readonly quarantined = new Set<string>();
  private readonly listeners: ((server: string, refusal: Refusal) => void)[] = [];
  private readonly hooks = new Map<string, () => Promise<Refusal | null>>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly store: Store, private readonly tenant: string) {}

  /** The refusal for `server` now, or a promise of it when its state was never read. */
  check(server: string): Refusal | null | Promise<Refusal | null> {
    if (this.known.has(server)) return this.known.get(server)!;
    return this.read(server);
  }

  async refresh(servers: readonly string[]): Promise<void> {
    await Promise.all(servers.map((s) => this.read(s)));
  }

  start(servers: readonly string[], everyMs = 2000): void {
    this.timer = setInterval(() => void this.refresh(servers), everyMs);
    this.timer.unref();
  }

  /** Calls `listener` each time a server goes from not quarantined (or never read) to quarantined. */
  onQuarantined(listener: (server: string, refusal: Refusal) => void): void {
    this.listeners.push(listener);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async read(server: string): Promise<Refusal | null> {
    let hook = this.hooks.get(server);
    if (!hook) {
      hook = quarantineAdmitHook(this.store, server, { tenant: this.tenant, cacheMs: 0 });
      this.hooks.set(server, hook);
    }
    let refusal: Refusal | null;
    let readable = true;
    try {
      refusal = await hook();
    } catch (err) {
      readable = false;
      refusal = {
        code: ErrorCode.Quarantined,
        message: `the quarantine state of ${server} cannot be read (${(err as Error).message}); calls are refused until it can (fail closed)`,
      };
    }
    this.known.set(server, refusal);
    if (readable) {
      const was = this.quarantined.has(server);
      if (refusal) this.quarantined.add(server);
      else this.quarantined.delete(server);
      if (refusal && !was) for (const l of this.listeners) l(server, refusal);
    }
    return refusal;
  }
}
