import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sandboxConfigSchema, toSandboxSpec } from '../../src/sandbox/config.js';
import { DEFAULT_LIMITS } from '../../src/sandbox/limits.js';
import { buildOciConfig } from '../../src/sandbox/oci.js';

const env = { AIRLOCK_HOME: '/var/lib/airlock-test-home' };

test('defaults: auto isolation, sane limits, ephemeral workspace, no warm sandboxes', () => {
  const c = sandboxConfigSchema.parse({});
  assert.equal(c.isolation, 'auto');
  assert.deepEqual(c.limits, { ...DEFAULT_LIMITS });
  assert.equal(c.workspace, 'ephemeral');
  assert.equal(c.warm, 0);
  assert.equal(c.idleTimeoutSeconds, 600);
});

test('rejects relative mount paths, unknown keys and absurd limits', () => {
  assert.equal(sandboxConfigSchema.safeParse({ mounts: [{ source: 'data' }] }).success, false);
  assert.equal(sandboxConfigSchema.safeParse({ masked: ['relative'] }).success, false);
  assert.equal(sandboxConfigSchema.safeParse({ limits: { memoryMb: 1 } }).success, false);
  assert.equal(sandboxConfigSchema.safeParse({ isolation: 'docker' }).success, false);
  assert.equal(sandboxConfigSchema.safeParse({ nope: 1 }).success, false);
});

test('the spec masks the data directory and takes the environment only from config', () => {
  const c = sandboxConfigSchema.parse({ mounts: [{ source: '/srv/docs' }], masked: ['/opt/secrets'], workspace: 'persist' });
  const spec = toSandboxSpec({ server: 'files', command: 'node', args: ['s.js'], env: { A: '1' } }, c, env);
  assert.deepEqual(spec.masked, ['/var/lib/airlock-test-home', '/opt/secrets']);
  assert.equal(spec.workspace, '/var/lib/airlock-test-home/workspaces/files');
  assert.equal(spec.ephemeralWorkspace, false);
  assert.deepEqual(spec.mounts, [{ source: '/srv/docs', target: '/srv/docs', readOnly: true }]);
  assert.deepEqual(spec.env, { A: '1' });
  assert.deepEqual(spec.network, { mode: 'none' });
});

test('OCI config: read-only root, uid 65534, no capabilities, no new privileges, limits, hostname, env', () => {
  const c = sandboxConfigSchema.parse({ limits: { memoryMb: 300, pids: 50, diskMb: 20 } });
  const spec = toSandboxSpec({ server: 'my_srv', command: '/usr/bin/node', env: { ONLY: 'this' } }, c, env);
  const oci = buildOciConfig(spec, {
    command: '/usr/bin/node', cgroupsPath: '/airlock/x', limits: { ...DEFAULT_LIMITS, ...c.limits }, workspaceTmpfsMb: 20, hostPids: 1024,
  }) as any;
  assert.deepEqual(oci.root, { path: '/', readonly: true });
  assert.deepEqual([oci.process.user.uid, oci.process.user.gid], [65534, 65534]);
  for (const set of Object.values(oci.process.capabilities)) assert.deepEqual(set, []);
  assert.equal(oci.process.noNewPrivileges, true);
  assert.equal(oci.process.terminal, false);
  assert.deepEqual(oci.process.env, ['ONLY=this']);
  assert.equal(oci.hostname, 'my-srv');
  assert.equal(oci.linux.resources.memory.limit, 300 * 1024 * 1024);
  assert.deepEqual(oci.process.rlimits.find((r: any) => r.type === 'RLIMIT_NPROC'), { type: 'RLIMIT_NPROC', hard: 50, soft: 50 });
  const dests = oci.mounts.map((m: any) => `${m.type}:${m.destination}`);
  for (const p of ['/tmp', '/root', '/run']) assert.ok(dests.includes(`tmpfs:${p}`), p);
  const ws = oci.mounts.find((m: any) => m.destination === spec.workspace);
  assert.equal(ws.type, 'tmpfs');
  assert.ok(ws.options.includes('size=20m'));
  // The workspace comes after the data-dir mask, or the mask would hide it.
  const order = oci.mounts.map((m: any) => m.destination);
  if (order.includes('/var/lib/airlock-test-home')) assert.ok(order.indexOf('/var/lib/airlock-test-home') < order.indexOf(spec.workspace));
});
