import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { after, test } from 'node:test';
import { doctorExitCode, formatDoctor, runDoctor } from '../../src/sandbox/doctor.js';
import { resolveIsolation } from '../../src/sandbox/index.js';

const runtimeDir = `/var/tmp/airlock-doctor-${process.pid}`;
after(() => rmSync(runtimeDir, { recursive: true, force: true }));

test('doctor reports the gvisor tier on a machine with runsc, root and cgroups, with a real boot', async () => {
  const r = await runDoctor({ runtimeDir });
  const byId = Object.fromEntries(r.checks.map((c) => [c.id, c]));
  for (const id of ['runsc', 'root', 'cgroups', 'kvm', 'userns', 'nftables', 'bwrap', 'runsc-boot']) assert.ok(byId[id], id);
  assert.equal(byId.runsc!.ok, true);
  const version = execFileSync('runsc', ['--version'], { encoding: 'utf8' });
  assert.ok(version.includes(byId.runsc!.detail.split('version ')[1]!.split(';')[0]!), byId.runsc!.detail);
  assert.equal(byId.kvm!.ok, existsSync('/dev/kvm'));
  assert.equal(byId['runsc-boot']!.ok, true, byId['runsc-boot']!.detail);
  // The platform the driver uses is named with its reason, and it is the one the test boot used.
  const platform = /^gVisor platform: (ptrace|systrap|kvm) \((.+)\)$/.exec(byId.platform?.detail ?? '');
  assert.ok(platform, byId.platform?.detail);
  assert.ok(byId['runsc-boot']!.detail.includes(`platform ${platform[1]}`), byId['runsc-boot']!.detail);
  if (platform[1] === 'ptrace' && existsSync('/dev/kvm')) assert.match(platform[2]!, /KVM platform did not complete/);
  assert.equal(r.tier, 'gvisor');
  assert.equal(doctorExitCode(r), 0);
  assert.match(formatDoctor(r), /isolation tier: gvisor/);
  assert.equal(await resolveIsolation('auto'), 'gvisor');
  assert.equal(await resolveIsolation('bwrap'), 'bwrap');
});

test('every failed check carries the command that fixes it', async () => {
  // Run the doctor as an unprivileged user: root, cgroups (and so both tiers) fail, each with a fix.
  const out = execFileSync(
    'setpriv',
    ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '--import', 'tsx', '-e',
      `import('${new URL('../../src/sandbox/doctor.ts', import.meta.url).pathname}').then(async (m) => { const r = await m.runDoctor({ runtimeDir: '/tmp/airlock-doctor-nobody-${process.pid}', bootProbe: false }); console.log(JSON.stringify(r)); })`],
    { encoding: 'utf8', cwd: new URL('../..', import.meta.url).pathname, env: { PATH: process.env.PATH, HOME: '/tmp' } },
  );
  const r = JSON.parse(out.trim().split('\n').pop()!);
  const root = r.checks.find((c: { id: string }) => c.id === 'root');
  assert.equal(root.ok, false);
  assert.match(root.fix, /root/);
  for (const c of r.checks) if (!c.ok && c.requiredFor.length) assert.ok(c.fix, `${c.id} has a fix`);
  assert.equal(r.tier, null);
  assert.equal(r.gvisorUsable, false);
  assert.match(r.reason, /only isolation: process/);
  // bwrap and user namespaces are there, so the rootless opt-in is offered, with what it gives up.
  assert.equal(r.rootlessBwrap, true);
  assert.match(r.reason, /sandbox\.rootless: rlimits-only.*no CPU cap/);
});
