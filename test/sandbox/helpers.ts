/** Shared set-up for the sandbox tests: the hostile server, an SDK client over a sandbox's stdio. */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { fileURLToPath } from 'node:url';
import { SandboxStdioTransport } from '../../src/sandbox/stdio-transport.js';
import type { IsolationDriver, Sandbox, SandboxSpec } from '../../src/sandbox/types.js';

export const HOSTILE_SERVER = fileURLToPath(new URL('../fixtures/hostile-server/server.mjs', import.meta.url));

/**
 * The checkout, read-only: the hostile server and its dependencies live in it, and a checkout under
 * a path the sandbox hides (/tmp, /root, /home) would otherwise be invisible inside.
 */
export const REPO = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
export const REPO_MOUNT = { source: REPO, target: REPO, readOnly: true };

export interface Connected {
  sandbox: Sandbox;
  client: Client;
  /** Calls a tool and returns the JSON the hostile server reports. */
  call(name: string, args?: Record<string, unknown>, timeoutMs?: number): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export function hostileSpec(over: Partial<SandboxSpec> & Pick<SandboxSpec, 'workspace'>): SandboxSpec {
  return {
    server: 'hostile',
    command: process.execPath,
    args: [HOSTILE_SERVER],
    env: { PATH: '/usr/local/bin:/usr/bin:/bin', NODE_ENV: 'production' },
    ephemeralWorkspace: true,
    mounts: [REPO_MOUNT],
    masked: [],
    limits: { memoryMb: 384, cpus: 1, pids: 64, openFiles: 256, fileSizeMb: 64, diskMb: 16 },
    network: { mode: 'none' },
    ...over,
  };
}

export async function connect(driver: IsolationDriver, spec: SandboxSpec): Promise<Connected> {
  const sandbox = await driver.start(spec);
  let stderr = '';
  sandbox.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  const client = new Client({ name: 'escape-suite', version: '1.0.0' });
  try {
    await client.connect(new SandboxStdioTransport(sandbox), { timeout: 30_000 });
  } catch (err) {
    await sandbox.kill();
    throw new Error(`hostile server did not initialize under ${driver.kind}: ${(err as Error).message}; stderr: ${stderr}`);
  }
  return {
    sandbox,
    client,
    async call(name, args = {}, timeoutMs = 30_000) {
      let res;
      try {
        res = await client.callTool({ name, arguments: args }, undefined, { timeout: timeoutMs });
      } catch (err) {
        // Say how the sandbox ended, so a failure here is diagnosable from the test output.
        const exit = await Promise.race([sandbox.exited, new Promise((r) => setTimeout(() => r('still running'), 1000))]);
        throw new Error(`${name} failed: ${(err as Error).message}; sandbox: ${JSON.stringify(exit)}; stderr: ${stderr.slice(-800)}`);
      }
      const content = res.content as Array<{ type: string; text: string }>;
      return JSON.parse(content[0]!.text) as Record<string, unknown>;
    },
    async close() {
      await client.close().catch(() => undefined);
      await sandbox.kill();
    },
  };
}
