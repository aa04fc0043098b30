/**
 * A warm pool: keeps `size` booted sandboxes of one spec ready, so a new session takes one in
 * (tens of) microseconds instead of paying the runtime's cold start. "Booted" means the driver's
 * `start` resolved (for gVisor: runsc reports the container running). For MCP-level warmness the
 * owner passes `prepare`, e.g. to send `initialize` before the sandbox is handed out.
 *
 * Failure contract: a sandbox that dies while waiting in the pool is dropped and replaced; a start
 * failure is reported through `onError` and retried with backoff (1 s doubling to 30 s), never
 * swallowed. `acquire` falls back to a cold start when the pool is empty and rejects if that fails.
 */
import type { IsolationDriver, Sandbox, SandboxSpec } from './types.js';

export interface WarmPoolOptions {
  driver: IsolationDriver;
  spec: SandboxSpec;
  size: number;
  /** Runs on each fresh sandbox before it counts as ready (e.g. MCP initialize). */
  prepare?: (sandbox: Sandbox) => Promise<void>;
  onError?: (err: Error) => void;
  /**
   * Wait this long after a hand-out before booting the replacement (default 0). Booting a sandbox
   * takes both cores of a small machine for about a second; a short delay lets the session that just
   * took one finish its handshake first.
   */
  refillDelayMs?: number;
}

export class WarmPool {
  private readonly ready: Sandbox[] = [];
  private booting = 0;
  private closed = false;
  private backoffMs = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private readonly waiters: Array<() => void> = [];

  constructor(private readonly opts: WarmPoolOptions) {}

  /** Starts filling the pool. */
  start(): void {
    this.fill();
  }

  get readyCount(): number {
    return this.ready.length;
  }

  /** The sandboxes waiting in the pool (for status pages; do not kill or use them directly). */
  get readySandboxes(): readonly Sandbox[] {
    return [...this.ready];
  }

  /** Resolves once `n` sandboxes are ready (for benchmarks and eager start-up). */
  async waitReady(n = this.opts.size): Promise<void> {
    while (!this.closed && this.ready.length < n) await new Promise<void>((r) => this.waiters.push(r));
  }

  /** Hands out a ready sandbox (the caller owns it from now on) and refills in the background. */
  async acquire(): Promise<Sandbox> {
    if (this.closed) throw new Error('warm pool is closed');
    const sb = this.ready.shift();
    // Refill after the caller has its sandbox: starting one does synchronous work (cgroup, spawn).
    const delay = this.opts.refillDelayMs ?? 0;
    if (delay > 0) setTimeout(() => this.fill(), delay).unref();
    else setImmediate(() => this.fill());
    if (sb) return sb;
    return this.boot();
  }

  /** Kills every pooled sandbox; sandboxes already handed out are the caller's. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const all = this.ready.splice(0);
    await Promise.all(all.map((s) => s.kill()));
    for (const w of this.waiters.splice(0)) w();
  }

  private async boot(): Promise<Sandbox> {
    const sb = await this.opts.driver.start(this.opts.spec);
    try {
      if (this.opts.prepare) await this.opts.prepare(sb);
    } catch (err) {
      await sb.kill();
      throw err;
    }
    return sb;
  }

  private fill(): void {
    if (this.closed || this.retryTimer) return;
    while (this.ready.length + this.booting < this.opts.size) {
      this.booting++;
      this.boot().then(
        (sb) => {
          this.booting--;
          this.backoffMs = 0;
          if (this.closed) {
            void sb.kill();
            return;
          }
          this.ready.push(sb);
          void sb.exited.then(() => {
            const i = this.ready.indexOf(sb);
            if (i >= 0) {
              this.ready.splice(i, 1);
              this.fill();
            }
          });
          for (const w of this.waiters.splice(0)) w();
        },
        (err: Error) => {
          this.booting--;
          this.opts.onError?.(err);
          this.backoffMs = Math.min(30_000, this.backoffMs ? this.backoffMs * 2 : 1000);
          this.retryTimer = setTimeout(() => {
            this.retryTimer = null;
            this.fill();
          }, this.backoffMs);
          this.retryTimer.unref();
        },
      );
    }
  }
}
