/**
 * What one Airlock (one data directory) leaves on the host, so that starting it again after a crash
 * or `kill -9` cleans up exactly its own leftovers and never another instance's: sandboxes live under
 * a runtime directory of their own per data directory, and network namespaces are listed in a ledger.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
 * Failure contract: throws when the directory is on a disk and no tmpfs can be mounted; the caller
 * must then not start a sandbox with secrets in it.
 */
export function ensureMemoryBacked(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (filesystemOf(dir) === 'tmpfs') return;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'mode=0700,size=256m', 'airlock-runtime', dir], { stdio: 'pipe' });
  } catch (err) {
    throw new Error(`the sandbox runtime directory ${dir} is on a disk and a tmpfs cannot be mounted over it (${(err as { stderr?: Buffer }).stderr?.toString().trim() || (err as Error).message}); set AIRLOCK_RUNTIME_DIR to a tmpfs directory`);
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
