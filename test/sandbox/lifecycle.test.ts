/**
 * Sandbox lifecycle against the real runtimes: kill() leaves nothing, leftovers of a SIGKILLed
 * Airlock are cleaned on start, failed starts leave nothing, a network namespace can be handed in,
 * and a persistent workspace keeps its files and its size cap.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { cgroupScope, removeCgroupScope } from '../../src/sandbox/cgroup.js';
import { getDriver } from '../../src/sandbox/index.js';
import type { IsolationKind, SandboxSpec } from '../../src/sandbox/types.js';
import { connect, hostileSpec } from './helpers.js';

const tag = randomBytes(4).toString('hex');
const base = `/var/tmp/airlock-life-${tag}`;
const home = join(base, 'home');
const runtimeDir = join(base, 'run');
mkdirSync(home, { recursive: true });
after(() => {
  rmSync(base, { recursive: true, force: true });
  removeCgroupScope(cgroupScope(runtimeDir));
});

const runscIds = () =>
  existsSync(join(runtimeDir, 'runsc'))
    ? execFileSync('runsc', ['--root', join(runtimeDir, 'runsc'), 'list', '-quiet'], { encoding: 'utf8' }).split('\n').filter(Boolean)
    : [];
const scope = cgroupScope(runtimeDir);
const cgroupExists = (id: string) =>
  existsSync(`/sys/fs/cgroup/pids/airlock/${scope}/${id}`) || existsSync(`/sys/fs/cgroup/airlock/${scope}/${id}`);
const processesWith = (marker: string) =>
  readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
      } catch {
        return false;
      }
    });

const sleeper = (server: string, marker: string): SandboxSpec => ({
  ...hostileSpec({ workspace: join(home, 'workspaces', server), masked: [home] }),
  server,
  command: '/bin/sh',
  args: ['-c', 'sleep 600 & sleep 600 & wait', marker],
});

for (const kind of ['gvisor', 'bwrap'] as IsolationKind[]) {
  describe(`${kind} lifecycle`, () => {
    test('kill() ends every process of the sandbox and removes its state', async () => {
      const marker = `airlock-kill-${kind}-${tag}`;
      const driver = getDriver(kind, { runtimeDir, dataDir: home });
      const sb = await driver.start(sleeper(`kill-${kind}`, marker));
      await new Promise((r) => setTimeout(r, 300));
      assert.ok(cgroupExists(sb.id));
      await sb.kill();
      const exit = await sb.exited;
      assert.equal(exit.reason, 'killed');
      assert.deepEqual(processesWith(marker), []);
      assert.equal(cgroupExists(sb.id), false);
      assert.equal(existsSync(join(runtimeDir, 'bundles', sb.id)), false);
      assert.ok(!runscIds().includes(sb.id));
      assert.equal(existsSync(join(home, 'workspaces', `kill-${kind}`)), false, 'ephemeral workspace removed');
      await sb.kill(); // idempotent
    });

    test('output a server writes just before it exits reaches the reader, with its exit code', async () => {
      const driver = getDriver(kind, { runtimeDir, dataDir: home });
      const sb = await driver.start({ ...sleeper(`quick-${kind}`, 'x'), args: ['-c', `echo last-words-${tag}; exit 3`] });
      let out = '';
      sb.stdout.on('data', (d: Buffer) => (out += d.toString()));
      const exit = await sb.exited;
      assert.equal(exit.code, 3);
      assert.equal(out, `last-words-${tag}\n`);
    });

    test('a start that cannot be done as specified rejects and leaves nothing', async () => {
      const driver = getDriver(kind, { runtimeDir, dataDir: home });
      await assert.rejects(
        driver.start({ ...sleeper(`bad-${kind}`, 'x'), command: 'definitely-not-a-command' }),
        /not on the server's PATH/,
      );
      await assert.rejects(
        driver.start({ ...sleeper(`bad-${kind}`, 'x'), network: { mode: 'namespace', netnsPath: '/run/netns/airlock-missing' } }),
        /does not exist/,
      );
      await assert.rejects(driver.start({ ...sleeper(`bad-${kind}`, 'x'), network: { mode: 'host' } }), /refuses host networking/);
      assert.equal(existsSync(join(home, 'workspaces', `bad-${kind}`)), false);
    });

    test('a network namespace handed in is the only network the server has', async () => {
      const ns = `allf${tag}${kind[0]}`;
      const veth = `alf${tag}${kind[0]}`;
      const octet = 100 + (parseInt(tag.slice(2, 4), 16) % 100);
      const third = kind === 'gvisor' ? 1 : 2;
      const hostAddr = `10.242.${octet}.${third * 4 + 1}`;
      const nsAddr = `10.242.${octet}.${third * 4 + 2}`;
      const sh = (...a: string[]) => execFileSync('ip', a, { stdio: 'pipe' });
      const token = randomBytes(6).toString('hex');
      // Stands in for the egress proxy on the host end of the veth.
      const proxy = createServer((_q, s) => s.end(`proxy ${token}`));
      const loop = createServer((_q, s) => s.end(`loopback ${token}`));
      await new Promise<void>((r) => loop.listen(0, '127.0.0.1', r));
      sh('netns', 'add', ns);
      try {
        sh('link', 'add', veth, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', ns);
        sh('addr', 'add', `${hostAddr}/30`, 'dev', veth);
        sh('link', 'set', veth, 'up');
        sh('-n', ns, 'addr', 'add', `${nsAddr}/30`, 'dev', 'eth0');
        sh('-n', ns, 'link', 'set', 'eth0', 'up');
        sh('-n', ns, 'link', 'set', 'lo', 'up');
        await new Promise<void>((r) => proxy.listen(0, hostAddr, r));
        const s = await connect(
          getDriver(kind, { runtimeDir, dataDir: home }),
          hostileSpec({ workspace: join(home, 'workspaces', `net-${kind}`), masked: [home], network: { mode: 'namespace', netnsPath: `/run/netns/${ns}` } }),
        );
        try {
          const viaVeth = await s.call('tcp_connect', { host: hostAddr, port: (proxy.address() as { port: number }).port });
          assert.equal(viaVeth.ok, true, JSON.stringify(viaVeth));
          assert.ok(String(viaVeth.body).includes(token));
          const hostLoop = await s.call('tcp_connect', { host: '127.0.0.1', port: (loop.address() as { port: number }).port });
          assert.equal(hostLoop.ok === true && String(hostLoop.body).includes(token), false, JSON.stringify(hostLoop));
        } finally {
          await s.close();
        }
      } finally {
        proxy.close();
        loop.close();
        try {
          sh('link', 'del', veth);
        } catch {
          /* gone with the namespace */
        }
        sh('netns', 'del', ns);
      }
    });

    test('a persistent workspace keeps its files across restarts and holds its size cap', async () => {
      const driver = getDriver(kind, { runtimeDir, dataDir: home });
      const ws = join(home, 'workspaces', `persist-${kind}`);
      const spec = hostileSpec({ workspace: ws, masked: [home], ephemeralWorkspace: false });
      // Files from before the cap (e.g. written under the process driver) survive the switch.
      mkdirSync(ws, { recursive: true });
      writeFileSync(join(ws, 'before.txt'), `old-${tag}`);
      const first = await connect(driver, spec);
      try {
        assert.equal((await first.call('read_file', { path: join(ws, 'before.txt') })).text, `old-${tag}`);
        assert.equal((await first.call('write_file', { path: join(ws, 'kept.txt'), content: tag })).ok, true);
        const fill = await first.call('fill_disk', { dir: ws, mb: 48 });
        assert.equal(fill.ok, false, JSON.stringify(fill));
        assert.ok((fill.writtenMb as number) <= 16);
      } finally {
        await first.close();
      }
      const second = await connect(driver, spec);
      try {
        const r = await second.call('read_file', { path: join(ws, 'kept.txt') });
        assert.equal(r.text, tag);
      } finally {
        await second.close();
      }
      assert.equal(existsSync(`${ws}.img`), true);
      assert.equal(readFileSync('/proc/self/mountinfo', 'utf8').includes(` ${ws} `), false, 'unmounted after the last sandbox');
    });
  });
}

test('leftovers of a SIGKILLed Airlock are removed on start', async () => {
  const marker = `airlock-leftover-${tag}`;
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./leftover-child.ts', import.meta.url).pathname, runtimeDir, home, marker], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ids = await new Promise<{ gvisor: string; bwrap: string }>((resolve, reject) => {
    child.stdout!.once('data', (d: Buffer) => resolve(JSON.parse(d.toString())));
    child.once('exit', (c) => reject(new Error(`helper exited ${c}`)));
  });
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  await new Promise((r) => setTimeout(r, 300));
  // What a kill -9 leaves: the gVisor sandbox keeps running, both cgroups and the bundle stay.
  assert.ok(runscIds().includes(ids.gvisor));
  assert.ok(existsSync(join(runtimeDir, 'bundles', ids.gvisor)));
  assert.ok(cgroupExists(ids.gvisor) && cgroupExists(ids.bwrap));

  for (const kind of ['gvisor', 'bwrap'] as const) await getDriver(kind, { runtimeDir, dataDir: home }).cleanupLeftovers();

  assert.ok(!runscIds().includes(ids.gvisor));
  assert.equal(existsSync(join(runtimeDir, 'bundles', ids.gvisor)), false);
  assert.equal(cgroupExists(ids.gvisor), false);
  assert.equal(cgroupExists(ids.bwrap), false);
  assert.deepEqual(processesWith(marker), []);
});
