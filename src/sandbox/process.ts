/**
 * The `process` driver: the server runs as a plain child process of Airlock, with no isolation at
 * all. For development only; the gateway prints a warning on every start and audits it.
 *
 * Failure contract: `start` rejects when the command cannot be spawned (ENOENT, EACCES); the child is
 * killed with its whole process group on `kill()`.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { IsolationDriver, Sandbox, SandboxExit, SandboxSpec } from './types.js';

export function createProcessDriver(): IsolationDriver {
  return {
    kind: 'process',
    async start(spec: SandboxSpec): Promise<Sandbox> {
      mkdirSync(spec.workspace, { recursive: true });
      const child = spawn(spec.command, spec.args, {
        cwd: spec.cwd ?? spec.workspace,
        env: spec.env,
        stdio: ['pipe', 'pipe', 'pipe'],
        // Own process group, so kill() reaches grandchildren (npx → node server).
        detached: true,
      });
      await new Promise<void>((resolve, reject) => {
        child.once('spawn', resolve);
        child.once('error', (err) => reject(new Error(`cannot start ${spec.command}: ${err.message}`)));
      });
      const exited = new Promise<SandboxExit>((resolve) => {
        // The workspace is a plain shared folder here (no per-sandbox tmpfs as under gVisor or
        // bwrap), so it is never deleted: other sessions of the same server may be using it.
        child.once('exit', (code, signal) => resolve({ code, signal }));
      });
      let killed = false;
      return {
        id: `proc-${randomUUID()}`,
        driver: 'process',
        stdin: child.stdin!,
        stdout: child.stdout!,
        stderr: child.stderr!,
        exited,
        async kill() {
          if (!killed && child.exitCode === null && child.signalCode === null) {
            killed = true;
            try {
              process.kill(-child.pid!, 'SIGTERM');
            } catch {
              /* already gone */
            }
            const timer = setTimeout(() => {
              try {
                process.kill(-child.pid!, 'SIGKILL');
              } catch {
                /* already gone */
              }
            }, 2000);
            timer.unref();
          }
          await exited;
        },
      };
    },
    async cleanupLeftovers() {
      // Plain processes die with their process group; nothing persists on the host.
    },
  };
}
