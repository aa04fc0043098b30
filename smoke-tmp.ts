import { getDriver } from './src/sandbox/index.js';
import { connect, hostileSpec } from './test/sandbox/helpers.js';
const s = await connect(getDriver('gvisor', { runtimeDir: '/tmp/al-rt' }), hostileSpec({ workspace: '/tmp/al-data/workspaces/h', masked: ['/tmp/al-data'] }));
const id = s.sandbox.id;
const { writeFileSync, readFileSync } = await import('node:fs');
writeFileSync(`/sys/fs/cgroup/pids/airlock/${id}/pids.max`, '100000');
console.log(await s.call('fork_bomb', { count: 200 }, 120000).catch(e => e.message.slice(0, 300)));
console.log('peak host pids', readFileSync(`/sys/fs/cgroup/pids/airlock/${id}/pids.peak`, 'utf8'));
await s.close();
