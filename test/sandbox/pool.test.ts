import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { cgroupScope, removeCgroupScope } from '../../src/sandbox/cgroup.js';
import { getDriver } from '../../src/sandbox/index.js';
import { WarmPool } from '../../src/sandbox/pool.js';
import { SandboxStdioTransport } from '../../src/sandbox/stdio-transport.js';
import type { IsolationDriver, Sandbox } from '../../src/sandbox/types.js';
import { hostileSpec } from './helpers.js';

const base = `/var/tmp/airlock-pool-${randomBytes(4).toString('hex')}`;
// Traversable, as the parent of a data directory is in a normal layout (/var/lib, a home folder that
// is masked): the sandbox's uid 65534 walks through it to its workspace.
mkdirSync(base, { recursive: true, mode: 0o755 });
after(() => {
  rmSync(base, { recursive: true, force: true });
  removeCgroupScope(cgroupScope(join(base, 'run')));
});
const spec = hostileSpec({ workspace: join(base, 'home', 'workspaces', 'pooled'), masked: [join(base, 'home')] });

test('a warm gvisor pool hands out booted sandboxes that answer MCP at once, and refills', async () => {
  const driver = getDriver('gvisor', { runtimeDir: join(base, 'run'), dataDir: join(base, 'home') });
  const prepared: string[] = [];
  const pool = new WarmPool({ driver, spec, size: 2, prepare: async (sb) => void prepared.push(sb.id) });
  pool.start();
  await pool.waitReady(2);
  assert.equal(pool.readyCount, 2);
  // How fast this is, is measured by `npm run bench:sandbox`, not asserted here.
  const sb = await pool.acquire();
  assert.equal(pool.readyCount, 1, 'handed out one of the ready sandboxes');
  assert.ok(prepared.includes(sb.id), 'prepare ran before hand-out');
  const client = new Client({ name: 't', version: '1' });
  await client.connect(new SandboxStdioTransport(sb));
  const tools = await client.listTools();
  assert.ok(tools.tools.some((t) => t.name === 'whoami'));
  await client.close();
  await sb.kill();
  await pool.waitReady(2);
  assert.equal(pool.readyCount, 2, 'refilled');
  await pool.close();
  assert.equal(pool.readyCount, 0);
});

test('a pooled sandbox that dies is replaced; start failures are reported and retried', async () => {
  const driver = getDriver('bwrap', { runtimeDir: join(base, 'run'), dataDir: join(base, 'home') });
  const pool = new WarmPool({ driver, spec, size: 1 });
  pool.start();
  await pool.waitReady(1);
  const errors: Error[] = [];
  // The pooled sandbox dies while waiting (crash, OOM): the pool must notice and boot another.
  const victim = pool.readySandboxes[0]!;
  await victim.kill();
  await new Promise((r) => setTimeout(r, 50));
  await pool.waitReady(1);
  assert.notEqual(pool.readySandboxes[0]!.id, victim.id);
  await pool.close();

  let calls = 0;
  const failing: IsolationDriver = {
    kind: 'bwrap',
    async start(): Promise<Sandbox> {
      calls++;
      throw new Error('runtime missing');
    },
    async cleanupLeftovers() {},
  };
  const broken = new WarmPool({ driver: failing, spec, size: 1, onError: (e) => errors.push(e) });
  broken.start();
  await new Promise((r) => setTimeout(r, 1300));
  assert.ok(calls >= 2, `retried (${calls} starts)`);
  assert.match(errors[0]!.message, /runtime missing/);
  await assert.rejects(broken.acquire(), /runtime missing/);
  await broken.close();
});
