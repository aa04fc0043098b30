import { getDriver } from './src/sandbox/index.js';
const d = getDriver(process.argv[2] as 'gvisor', { runtimeDir: '/var/tmp/al-smoke-rt', dataDir: '/var/tmp/al-smoke-home' });
const base = { env: { PATH: '/usr/bin:/bin' }, workspace: '/var/tmp/al-smoke-home/workspaces/q', ephemeralWorkspace: true, mounts: [], masked: ['/var/tmp/al-smoke-home'], limits: { memoryMb: 128, cpus: 1, pids: 32, openFiles: 64, fileSizeMb: 8 }, network: { mode: 'none' as const } };
for (const script of ['echo hi', 'echo hi; sleep 1']) {
  const t0 = Date.now();
  const sb = await d.start({ ...base, server: 'quick', command: '/bin/sh', args: ['-c', script] });
  let out = ''; sb.stdout.on('data', (x) => (out += x));
  console.log(script, await sb.exited, JSON.stringify(out), Date.now() - t0, 'ms');
}
