/**
 * What one Airlock (one data directory) leaves on the host, so that starting it again after a crash
 * or `kill -9` cleans up exactly its own leftovers and never another instance's: sandboxes live under
 * a runtime directory of their own per data directory, and network namespaces are listed in a ledger.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cleanupEgressLeftovers } from '../egress/index.js';
import { cleanupAllLeftovers } from '../sandbox/index.js';
import { runtimeDir } from '../sandbox/paths.js';

/** The sandbox runtime directory of the Airlock whose data directory is `home`. */
export function runtimeDirFor(home: string): string {
  return join(runtimeDir(), createHash('sha256').update(home).digest('hex').slice(0, 12));
}

/**
 * Makes sure the runtime directory is memory-backed: OCI bundles and runsc's state hold each
 * server's environment, injected secrets included, and must never reach a disk. Where /run is not a
 * tmpfs (some containers and VMs), a private tmpfs is mounted over the directory.
 *
 * While this process runs it keeps a marker file open inside, so no other Airlock of the same data
 * directory can unmount the tmpfs from under it (umount is refused while a file in it is open); the
 * last one to leave unmounts it when nothing but empty directories is left (see releaseAtExit).
 *
 * Failure contract: throws when the directory is on a disk and no tmpfs can be mounted; the caller
 * must then not start a sandbox with secrets in it.
 */
export function ensureMemoryBacked(dir: string): void {
  if (held.has(dir)) return;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (let attempt = 0; attempt < 3; attempt++) {
    if (filesystemOf(dir) !== 'tmpfs') {
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'mode=0700,size=256m', RUNTIME_TMPFS, dir], { stdio: 'pipe' });
      } catch (err) {
        throw new Error(`the sandbox runtime directory ${dir} is on a disk and a tmpfs cannot be mounted over it (${(err as { stderr?: Buffer }).stderr?.toString().trim() || (err as Error).message}); set AIRLOCK_RUNTIME_DIR to a tmpfs directory`);
      }
    }
    const marker = join(dir, `${MARKER_PREFIX}${process.pid}`);
    const fd = openSync(marker, 'w', 0o600);
    // Another Airlock may have unmounted the tmpfs between the check and the open: then the marker
    // sits on the disk below it; take it back and mount again.
    if (filesystemOf(dir) === 'tmpfs') {
      held.set(dir, fd);
      if (held.size === 1) process.once('exit', releaseAtExit);
      return;
    }
    closeSync(fd);
    rmSync(marker, { force: true });
  }
  throw new Error(`the sandbox runtime directory ${dir} keeps losing its tmpfs; set AIRLOCK_RUNTIME_DIR to a tmpfs directory`);
}

const RUNTIME_TMPFS = 'airlock-runtime';
const MARKER_PREFIX = '.in-use-';
/** Runtime directories this process holds, with the descriptor of its open marker in each. */
const held = new Map<string, number>();

/**
 * At exit, lets go of every runtime directory this process held. A tmpfs Airlock mounted is unmounted
 * when nothing is left in it but empty directories and markers of processes that are gone: no other
 * Airlock uses it (their open markers would make umount fail) and no killed one left sandboxes behind
 * (their files stay for the next start's cleanup). Best effort: a busy or non-empty tmpfs stays.
 */
function releaseAtExit(): void {
  for (const [dir, fd] of held) {
    try {
      closeSync(fd);
      rmSync(join(dir, `${MARKER_PREFIX}${process.pid}`), { force: true });
      if (!holdsOnlyEmptyDirs(dir)) continue;
      if (execFileSync('findmnt', ['-n', '-o', 'SOURCE', '--mountpoint', dir], { encoding: 'utf8' }).trim() !== RUNTIME_TMPFS) continue;
      execFileSync('umount', [dir], { stdio: 'ignore' });
    } catch {
      /* busy, or not ours to unmount: it stays */
    }
  }
  held.clear();
}

function holdsOnlyEmptyDirs(dir: string): boolean {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (!holdsOnlyEmptyDirs(path)) return false;
      continue;
    }
    const marker = e.name.startsWith(MARKER_PREFIX) ? Number(e.name.slice(MARKER_PREFIX.length)) : NaN;
    if (Number.isInteger(marker) && !processAlive(marker)) {
      rmSync(path, { force: true });
      continue;
    }
    return false;
  }
  return true;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function filesystemOf(dir: string): string {
  try {
    return execFileSync('findmnt', ['-n', '-o', 'FSTYPE', '--target', dir], { encoding: 'utf8' }).trim().split('\n')[0] ?? '';
  } catch {
    return '';
  }
}

const NETNS_PREFIX = 'alk-s-';

export class EgressLedger {
  private readonly ids = new Set<string>();
  private constructor(private readonly file: string) {}

  private static readonly open = new Map<string, EgressLedger>();

  /** The one ledger of a data directory in this process (every session adds to the same file). */
  static of(home: string): EgressLedger {
    const file = join(runtimeDirFor(home), 'egress-networks');
    let ledger = EgressLedger.open.get(file);
    if (!ledger) EgressLedger.open.set(file, (ledger = new EgressLedger(file)));
    return ledger;
  }

  add(netnsName: string): void {
    this.ids.add(netnsName.slice(NETNS_PREFIX.length));
    this.save();
  }

  remove(netnsName: string): void {
    this.ids.delete(netnsName.slice(NETNS_PREFIX.length));
    this.save();
  }

  /** Ids a previous run recorded and never removed. */
  recorded(): string[] {
    try {
      return readFileSync(this.file, 'utf8').split('\n').filter((l) => /^[0-9a-f]+$/.test(l));
    } catch {
      return [];
    }
  }

  private save(): void {
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    writeFileSync(this.file, [...this.ids].join('\n') + '\n', { mode: 0o600 });
  }
}

/** Removes this data directory's leftover sandboxes, mounts, namespaces and rules. */
export async function cleanupOwnLeftovers(home: string): Promise<{ networks: string[] }> {
  await cleanupAllLeftovers({ dataDir: home, runtimeDir: runtimeDirFor(home) });
  const ledger = EgressLedger.of(home);
  const previous = new Set(ledger.recorded());
  const networks = previous.size > 0 ? await cleanupEgressLeftovers((id) => previous.has(id)) : [];
  return { networks };
}
