/**
 * The runtime directory's private tmpfs (mounted where the runtime base is on a disk, as /run is on
 * these machines): held while any Airlock of the data directory runs, unmounted by the last one to
 * exit when nothing is left in it, kept when a killed Airlock left something behind for the next
 * start to clean up. Real mounts, real processes.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '../..');
const LEFTOVERS = join(REPO, 'src/gateway/leftovers.ts');

const fsType = (dir: string) => execFileSync('findmnt', ['-n', '-o', 'FSTYPE', '--target', dir], { encoding: 'utf8' }).trim();
const mountedAt = (dir: string): boolean => {
  try {
    return execFileSync('findmnt', ['-n', '-o', 'SOURCE', '--mountpoint', dir], { encoding: 'utf8' }).trim() === 'airlock-runtime';
  } catch {
    return false; // findmnt exits non-zero when nothing is mounted there
  }
};
// A base on a disk, so that a tmpfs has to be mounted (the case where one could be left behind).
const base = [tmpdir(), '/var/tmp', REPO].find((d) => fsType(d) !== 'tmpfs')!;
const root = mkdtempSync(join(base, 'airlock-rt-test-'));
const children: ChildProcess[] = [];

after(() => {
  for (const c of children) c.kill('SIGKILL');
  try {
    execFileSync('umount', ['-l', join(root, 'rt')], { stdio: 'ignore' });
  } catch {
    /* not mounted */
  }
  rmSync(root, { recursive: true, force: true });
});

/** An Airlock-like process that takes the runtime directory and holds it until told to exit. */
async function holder(dir: string): Promise<{ exit(): Promise<void> }> {
  const code = `import('${LEFTOVERS}').then((m) => { m.ensureMemoryBacked(${JSON.stringify(dir)}); console.log('held'); process.stdin.once('data', () => process.exit(0)); })`;
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', code], { cwd: REPO, stdio: ['pipe', 'pipe', 'inherit'] });
  children.push(child);
  await new Promise<void>((ok, fail) => {
    child.stdout!.on('data', (d) => String(d).includes('held') && ok());
    child.once('exit', (c) => fail(new Error(`holder exited with ${c}`)));
  });
  return {
    exit: () =>
      new Promise<void>((ok) => {
        child.once('exit', () => ok());
        child.stdin!.write('x');
      }),
  };
}

test('the last Airlock to exit unmounts an empty runtime tmpfs; an earlier one leaves it to the others', async () => {
  assert.notEqual(fsType(base), 'tmpfs');
  const dir = join(root, 'rt');
  const a = await holder(dir);
  assert.ok(mountedAt(dir), 'the runtime directory got its own tmpfs');
  const b = await holder(dir);
  await a.exit();
  assert.ok(mountedAt(dir), 'the first to exit unmounted a tmpfs another Airlock still uses');
  await b.exit();
  assert.equal(mountedAt(dir), false, 'the last Airlock left its empty runtime tmpfs mounted');
});

test('a runtime tmpfs with something left in it (e.g. a killed sandbox\'s bundle) stays for the next start to clean', async () => {
  const dir = join(root, 'rt');
  const a = await holder(dir);
  writeFileSync(join(dir, 'leftover-bundle'), 'x');
  await a.exit();
  assert.ok(mountedAt(dir), 'a tmpfs holding leftovers was unmounted (they would be lost to cleanup)');
  rmSync(join(dir, 'leftover-bundle'));
  const next = await holder(dir);
  await next.exit();
  assert.equal(mountedAt(dir), false);
});
