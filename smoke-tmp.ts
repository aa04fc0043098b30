import { getDriver } from './src/sandbox/index.js';
import { connect, hostileSpec } from './test/sandbox/helpers.js';
const kind = process.argv[2] as 'gvisor';
const s = await connect(getDriver(kind, { runtimeDir: '/tmp/al-rt' }), hostileSpec({ workspace: '/tmp/al-data/workspaces/h', masked: ['/tmp/al-data'] }));
let err = ''; s.sandbox.stderr.on('data', (d) => (err += d));
for (const [n, a] of [['raw_socket', { family: 'packet' }], ['raw_socket', { family: 'inet' }]] as const) {
  try { console.log(n, await s.call(n, a)); } catch (e) { console.log(n, 'FAILED', (e as Error).message); console.log(await s.sandbox.exited, err); break; }
}
await s.close();
