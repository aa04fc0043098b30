/**
 * Helper process for lifecycle.test.ts: starts one gvisor and one bwrap sandbox, prints their ids
 * and waits to be SIGKILLed — what happens to Airlock under `kill -9`.
 */
import { getDriver } from '../../src/sandbox/index.js';
import type { SandboxSpec } from '../../src/sandbox/types.js';

const [runtimeDir, home, marker] = process.argv.slice(2) as [string, string, string];
const spec = (server: string): SandboxSpec => ({
  server,
  command: '/bin/sh',
  args: ['-c', 'exec sleep 600', marker],
  env: { PATH: '/usr/bin:/bin' },
  workspace: `${home}/workspaces/${server}`,
  ephemeralWorkspace: true,
  mounts: [],
  masked: [home],
  limits: { memoryMb: 128, cpus: 0.5, pids: 32, openFiles: 64, fileSizeMb: 8 },
  network: { mode: 'none' },
});
const g = await getDriver('gvisor', { runtimeDir, dataDir: home }).start(spec('left-g'));
const b = await getDriver('bwrap', { runtimeDir, dataDir: home }).start(spec('left-b'));
process.stdout.write(`${JSON.stringify({ gvisor: g.id, bwrap: b.id })}\n`);
setInterval(() => {}, 1000);
