/**
 * The escape suite: a hostile MCP server (test/fixtures/hostile-server) tries one escape per tool,
 * under every driver. Each attempt must fail under gvisor and bwrap and must work under process —
 * the last half proves every attempt is real and that this suite can fail.
 *
 * Network: only 127.0.0.1 and a test host inside a network namespace this file creates.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { release } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { cgroupScope, removeCgroupScope } from '../../src/sandbox/cgroup.js';
import { getDriver } from '../../src/sandbox/index.js';
import { runscInfo } from '../../src/sandbox/runsc.js';
import type { IsolationKind } from '../../src/sandbox/types.js';
import { connect, hostileSpec, type Connected } from './helpers.js';

assert.equal(process.getuid?.(), 0, 'the escape suite runs as root (gvisor and bwrap drivers need it)');
assert.ok(runscInfo(), 'runsc is required: apt-get install -y runsc');
assert.ok(existsSync('/usr/bin/bwrap'), 'bubblewrap is required: apt-get install -y bubblewrap');
assert.ok(existsSync('/usr/bin/python3'), 'the hostile server makes raw syscalls through /usr/bin/python3');

const tag = randomBytes(4).toString('hex');
const base = `/var/tmp/airlock-esc-${tag}`;
const home = join(base, 'home'); // Airlock's data directory for this run
const outside = join(base, 'outside'); // a host folder outside any workspace
const runtimeDir = join(base, 'run');
const canary = `canary-${randomBytes(8).toString('hex')}`;
const sshDir = '/root/.ssh';
const sshCanary = join(sshDir, `airlock-escape-${tag}`);
let createdSshDir = false;

let marker: ChildProcess;
const markerName = `airlock-escape-marker-${tag}`;
let loopback: Server;
let loopbackPort = 0;
const netns = `alesc${tag}`;
const vethHost = `alx${tag}`;
const octet = 100 + (parseInt(tag.slice(0, 2), 16) % 100);
const nsHostAddr = `10.241.${octet}.1`;
const nsPeerAddr = `10.241.${octet}.2`;
let nsServer: ChildProcess | null = null;

const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();

before(async () => {
  mkdirSync(join(home, 'workspaces', 'other'), { recursive: true });
  writeFileSync(join(home, 'airlock.db'), `SQLite format 3\0 ${canary}`);
  writeFileSync(join(home, 'workspaces', 'other', 'secret.txt'), canary);
  mkdirSync(outside, { recursive: true });
  if (!existsSync(sshDir)) {
    mkdirSync(sshDir, { mode: 0o700 });
    createdSshDir = true;
  }
  writeFileSync(sshCanary, canary, { mode: 0o600 });
  // A host process with a secret in its environment: the ptrace and /proc targets.
  marker = spawn('/bin/sh', ['-c', 'sleep 600', markerName], { env: { AIRLOCK_TEST_SECRET: canary }, stdio: 'ignore' });
  loopback = createServer((_req, res) => res.end(`airlock-own-port ${canary}`));
  await new Promise<void>((r) => loopback.listen(0, '127.0.0.1', r));
  loopbackPort = (loopback.address() as { port: number }).port;
  // The test host: a namespace joined by a veth pair, serving HTTP on its own address.
  sh('ip', ['netns', 'add', netns]);
  sh('ip', ['link', 'add', vethHost, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', netns]);
  sh('ip', ['addr', 'add', `${nsHostAddr}/30`, 'dev', vethHost]);
  sh('ip', ['link', 'set', vethHost, 'up']);
  sh('ip', ['-n', netns, 'addr', 'add', `${nsPeerAddr}/30`, 'dev', 'eth0']);
  sh('ip', ['-n', netns, 'link', 'set', 'eth0', 'up']);
  sh('ip', ['-n', netns, 'link', 'set', 'lo', 'up']);
  nsServer = spawn('ip', ['netns', 'exec', netns, process.execPath, '-e',
    `require('http').createServer((q,s)=>s.end('test-host ${canary}')).listen(8080,'${nsPeerAddr}',()=>console.log('up'))`], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    nsServer!.stdout!.once('data', () => resolve());
    nsServer!.once('exit', (c) => reject(new Error(`test host exited ${c}`)));
  });
});

after(async () => {
  marker?.kill('SIGKILL');
  nsServer?.kill('SIGKILL');
  await new Promise<void>((r) => (loopback ? loopback.close(() => r()) : r()));
  try {
    sh('ip', ['link', 'del', vethHost]);
  } catch {
    /* gone with the namespace */
  }
  try {
    sh('ip', ['netns', 'del', netns]);
  } catch {
    /* not created */
  }
  rmSync(sshCanary, { force: true });
  if (createdSshDir) rmSync(sshDir, { recursive: true, force: true });
  rmSync(base, { recursive: true, force: true });
  removeCgroupScope(cgroupScope(runtimeDir));
});

// ESCAPE_DRIVERS=gvisor,bwrap narrows a local run; CI runs all three.
const drivers = (process.env.ESCAPE_DRIVERS ?? 'gvisor,bwrap,process').split(',') as IsolationKind[];

for (const kind of drivers) {
  const contained = kind !== 'process';
  const expectEscape = !contained;

  describe(`escape attempts under ${kind}`, () => {
    let s: Connected;
    const workspace = () => join(home, 'workspaces', 'hostile');
    before(async () => {
      s = await connect(getDriver(kind, { runtimeDir, dataDir: home }), hostileSpec({ workspace: workspace(), masked: [home] }));
    });
    after(async () => s?.close());

    test('positive control: the server can write inside its own workspace', async () => {
      const r = await s.call('write_file', { path: join(workspace(), 'ok.txt'), content: 'fine' });
      assert.equal(r.ok, true, JSON.stringify(r));
    });

    test('read /etc/shadow', async () => {
      const r = await s.call('read_file', { path: '/etc/shadow' });
      assert.equal(r.ok, expectEscape, JSON.stringify(r));
    });

    test("read Airlock's database in the data directory", async () => {
      const r = await s.call('read_file', { path: join(home, 'airlock.db') });
      assert.equal(r.ok === true && String(r.text).includes(canary), expectEscape, JSON.stringify(r));
    });

    test("read another server's workspace", async () => {
      const r = await s.call('read_file', { path: join(home, 'workspaces', 'other', 'secret.txt') });
      assert.equal(r.ok === true && r.text === canary, expectEscape, JSON.stringify(r));
    });

    test('read SSH keys under /root', async () => {
      const r = await s.call('read_file', { path: sshCanary });
      assert.equal(r.ok === true && r.text === canary, expectEscape, JSON.stringify(r));
    });

    test("read the host's /proc/1/environ", async () => {
      // Where even root cannot read it (pid 1 in another user namespace), nothing can.
      let hostInit = '';
      try {
        hostInit = readFileSync('/proc/1/environ', 'utf8');
      } catch {
        /* unreadable on this host */
      }
      const r = await s.call('read_file', { path: '/proc/1/environ' });
      const gotHost = r.ok === true && hostInit.length > 0 && r.text === hostInit.slice(0, 4096);
      assert.equal(gotHost, expectEscape && hostInit.length > 0, JSON.stringify(r).slice(0, 200));
    });

    test("read the host's environment (a host process's secret)", async () => {
      const r = await s.call('read_file', { path: `/proc/${marker.pid}/environ` });
      assert.equal(r.ok === true && String(r.text).includes(canary), expectEscape, JSON.stringify(r).slice(0, 200));
      // Nothing of the gateway's own environment is handed to the server, under any driver.
      const who = await s.call('whoami');
      const leaked = (who.env as string[]).filter((k) => !['PATH', 'NODE_ENV', 'HOME', 'PWD', 'SHLVL', '_'].includes(k));
      assert.deepEqual(leaked, []);
    });

    test("read the host's /proc/kcore", async () => {
      const r = await s.call('read_bytes', { path: '/proc/kcore', length: 64 });
      // Kernels built without /proc/kcore have nothing to read even without isolation.
      assert.equal(r.ok, expectEscape && existsSync('/proc/kcore'), JSON.stringify(r));
    });

    test('write outside the workspace', async () => {
      const target = join(outside, `pwned-${kind}`);
      const r = await s.call('write_file', { path: target, content: 'pwned' });
      assert.equal(r.ok, expectEscape, JSON.stringify(r));
      assert.equal(existsSync(target), expectEscape);
      const etc = await s.call('write_file', { path: `/etc/airlock-escape-${tag}`, content: 'x' });
      assert.equal(etc.ok, expectEscape, JSON.stringify(etc));
      rmSync(`/etc/airlock-escape-${tag}`, { force: true });
    });

    test('ptrace another process', async () => {
      const r = await s.call('ptrace_attach', { pid: marker.pid! });
      assert.equal(r.ok, expectEscape, JSON.stringify(r));
    });

    test('mount a filesystem', async () => {
      const r = await s.call('mount_tmpfs', { target: join(workspace(), 'mnt') });
      assert.equal(r.ok, expectEscape, JSON.stringify(r));
    });

    test('load a kernel module', async () => {
      const r = await s.call('load_module');
      // A kernel built without module support (no /proc/modules) answers ENOSYS to everyone.
      assert.equal(r.ok, expectEscape && existsSync('/proc/modules'), JSON.stringify(r));
    });

    test('open raw sockets (AF_INET SOCK_RAW, AF_PACKET)', async () => {
      for (const family of ['inet', 'packet'] as const) {
        const r = await s.call('raw_socket', { family });
        assert.equal(r.ok, expectEscape, `${family}: ${JSON.stringify(r)}`);
      }
    });

    test("connect to a service on the host's loopback", async () => {
      const r = await s.call('tcp_connect', { host: '127.0.0.1', port: loopbackPort });
      assert.equal(r.ok === true && String(r.body).includes(canary), expectEscape, JSON.stringify(r));
    });

    test('connect to a test host in a network namespace', async () => {
      const r = await s.call('tcp_connect', { host: nsPeerAddr, port: 8080 });
      assert.equal(r.ok === true && String(r.body).includes(canary), expectEscape, JSON.stringify(r));
    });

    test('see host processes', async () => {
      const r = await s.call('find_process', { marker: markerName });
      assert.equal(r.ok, expectEscape, JSON.stringify(r));
    });

    test('fill the disk past the workspace quota (16 MiB)', async () => {
      const r = await s.call('fill_disk', { dir: workspace(), mb: 48 });
      assert.equal(r.ok, expectEscape, JSON.stringify(r));
      if (contained) assert.ok((r.writtenMb as number) <= 16, JSON.stringify(r));
    });

    test('kernel seen from inside', async () => {
      const r = await s.call('whoami');
      if (kind === 'gvisor') assert.equal(r.release, '4.4.0', "gVisor's own kernel version, not the host's");
      else assert.equal(r.release, release());
      if (contained) {
        assert.equal(r.hostname, 'hostile');
        assert.equal(r.uid, 65534);
      }
    });

    if (kind === 'bwrap') {
      test('AF_NETLINK sockets are refused by the seccomp filter', async () => {
        const r = await s.call('raw_socket', { family: 'netlink' });
        assert.deepEqual([r.ok, r.code], [false, 'EPERM'], JSON.stringify(r));
      });
    }
  });

  describe(`resource exhaustion under ${kind}`, () => {
    test('fork bomb: the pids limit holds and the gateway stays responsive', async () => {
      const driver = getDriver(kind, { runtimeDir, dataDir: home });
      const bomber = await connect(driver, hostileSpec({ workspace: join(home, 'workspaces', `bomb-${kind}`), masked: [home] }));
      const bystander = await connect(driver, hostileSpec({ server: 'bystander', workspace: join(home, 'workspaces', `by-${kind}`), masked: [home] }));
      try {
        let worstLagMs = 0;
        let last = Date.now();
        const tick = setInterval(() => {
          const now = Date.now();
          worstLagMs = Math.max(worstLagMs, now - last - 20);
          last = now;
        }, 20);
        const r = await bomber.call('fork_bomb', { count: 200 }, 120_000).catch((err: Error) => ({ ok: false, died: err.message }));
        clearInterval(tick);
        assert.equal(r.ok, expectEscape, JSON.stringify(r));
        if (contained && 'started' in r) assert.ok((r.started as number) < 64, JSON.stringify(r));
        assert.ok(worstLagMs < 1000, `event loop stalled ${worstLagMs} ms`);
        const who = await bystander.call('whoami');
        assert.equal(who.ok, true);
      } finally {
        await bomber.close();
        await bystander.close();
      }
    });

    test('memory: past the limit the sandbox dies, the exit says oom, others are unaffected', async () => {
      const driver = getDriver(kind, { runtimeDir, dataDir: home });
      const hog = await connect(driver, hostileSpec({ workspace: join(home, 'workspaces', `hog-${kind}`), masked: [home] }));
      const bystander = await connect(driver, hostileSpec({ server: 'bystander', workspace: join(home, 'workspaces', `by2-${kind}`), masked: [home] }));
      try {
        const r = await hog.call('alloc_memory', { mb: 768 }, 60_000).catch((err: Error) => ({ ok: false, died: err.message }));
        assert.equal(r.ok, expectEscape, JSON.stringify(r));
        if (contained) {
          const exit = await hog.sandbox.exited;
          assert.equal(exit.reason, 'oom', JSON.stringify(exit));
        }
        const who = await bystander.call('whoami');
        assert.equal(who.ok, true);
      } finally {
        await hog.close();
        await bystander.close();
      }
    });
  });
}
