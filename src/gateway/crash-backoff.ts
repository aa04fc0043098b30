/**
 * Restart with backoff: a server that keeps crashing soon after it starts is not restarted for
 * every new session at full speed. After each early crash the next start must wait longer
 * (0.5 s doubling to 30 s); a run that lasted long enough resets the count.
 */
const EARLY_MS = 30_000;
const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;

export class CrashBackoff {
  private readonly state = new Map<string, { crashes: number; notBefore: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds until `server` may start again (0: now). */
  wait(server: string): number {
    const s = this.state.get(server);
    return s ? Math.max(0, s.notBefore - this.now()) : 0;
  }

  /** Records how a run ended: `crashed` is an exit Airlock did not ask for. */
  ended(server: string, startedAt: number, crashed: boolean): void {
    if (!crashed || this.now() - startedAt > EARLY_MS) {
      this.state.delete(server);
      return;
    }
    const crashes = (this.state.get(server)?.crashes ?? 0) + 1;
    this.state.set(server, { crashes, notBefore: this.now() + Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (crashes - 1)) });
  }

  crashes(server: string): number {
    return this.state.get(server)?.crashes ?? 0;
  }
}
