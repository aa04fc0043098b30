/**
 * The writable workspace of a sandbox and its size cap.
 *
 * - ephemeral: a size-limited tmpfs made by the driver inside the sandbox (gVisor's tmpfs or
 *   bwrap's `--size --tmpfs`); nothing is written on the host, the folder below is only a mount point.
 * - persist: a host folder. With a size cap it is an ext4 image (`<workspace>.img`) loop-mounted on
 *   the folder while at least one sandbox of the server runs, so the cap survives restarts and holds
 *   across every sandbox sharing it.
 *
 * Failure contract: `acquireWorkspace` throws when a cap is configured but cannot be applied
 * (no loop device, mkfs or mount fails); a sandbox must then not start.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const SANDBOX_UID = 65534;
export const SANDBOX_GID = 65534;

export interface WorkspaceLease {
  hostPath: string;
  /** The driver mounts a tmpfs of this many MiB over the workspace inside the sandbox (0 = no cap). */
  inSandboxTmpfsMb: number | null;
  release(): Promise<void>;
}

const mounted = new Map<string, number>();

function isMountPoint(path: string): boolean {
  try {
    return readFileSync('/proc/self/mountinfo', 'utf8')
      .split('\n')
      .some((l) => l.split(' ')[4] === path);
  } catch {
    return false;
  }
}

function run(cmd: string, args: string[]): void {
  try {
    execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (err) {
    const stderr = (err as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`${cmd} ${args.join(' ')} failed: ${stderr || (err as Error).message}`);
  }
}

/**
 * A workspace that already has files (used before without a cap, e.g. under the process driver)
 * keeps them: they are moved into the new image, so mounting it does not hide them.
 */
function moveIntoImage(path: string, image: string): void {
  if (readdirSync(path).length === 0) return;
  const staging = mkdtempSync(join(dirname(image), '.ws-init-'));
  try {
    run('mount', ['-o', 'loop,nodev,nosuid', image, staging]);
    try {
      run('cp', ['-a', `${path}/.`, `${staging}/`]);
    } finally {
      run('umount', [staging]);
    }
  } catch (err) {
    rmSync(image, { force: true });
    throw new Error(`cannot move the existing workspace ${path} into its size-capped image: ${(err as Error).message}`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  for (const entry of readdirSync(path)) rmSync(join(path, entry), { recursive: true, force: true });
}

export interface AcquireOptions {
  path: string;
  ephemeral: boolean;
  diskMb: number;
  /** Owner of the folder on the host (the uid the sandboxed process has towards host files). */
  owner: { uid: number; gid: number };
}

export function acquireWorkspace(opts: AcquireOptions): WorkspaceLease {
  const { path, ephemeral, diskMb, owner } = opts;
  const preexisting = existsSync(path);
  mkdirSync(path, { recursive: true, mode: 0o700 });
  if (ephemeral) {
    return {
      hostPath: path,
      inSandboxTmpfsMb: diskMb,
      async release() {
        // Only the empty mount point is on the host; never delete a folder someone else made.
        if (!preexisting) rmSync(path, { recursive: true, force: true });
      },
    };
  }
  if (diskMb > 0) {
    const image = `${path}.img`;
    const refs = mounted.get(path) ?? 0;
    if (refs === 0 && !isMountPoint(path)) {
      if (!existsSync(image)) {
        mkdirSync(dirname(image), { recursive: true });
        writeFileSync(image, '', { mode: 0o600 });
        truncateSync(image, diskMb * 1024 * 1024);
        run('mkfs.ext4', ['-q', '-F', '-m', '0', '-E', `root_owner=${owner.uid}:${owner.gid}`, image]);
        moveIntoImage(path, image);
      } else if (statSync(image).size !== diskMb * 1024 * 1024) {
        throw new Error(
          `workspace image ${image} is ${Math.round(statSync(image).size / 1048576)} MiB but the config says ${diskMb} MiB; ` +
            `resize it (resize2fs) or set limits.diskMb to its size`,
        );
      }
      run('mount', ['-o', 'loop,nodev,nosuid', image, path]);
    }
    mounted.set(path, refs + 1);
    chownSync(path, owner.uid, owner.gid);
    chmodSync(path, 0o700);
    return {
      hostPath: path,
      inSandboxTmpfsMb: null,
      async release() {
        const left = (mounted.get(path) ?? 1) - 1;
        if (left > 0) {
          mounted.set(path, left);
          return;
        }
        mounted.delete(path);
        if (isMountPoint(path)) run('umount', [path]);
      },
    };
  }
  chownSync(path, owner.uid, owner.gid);
  chmodSync(path, 0o700);
  return { hostPath: path, inSandboxTmpfsMb: null, async release() {} };
}

/** Unmounts loop-mounted workspaces left by a killed Airlock (mount points under `root`). */
export function unmountLeftoverWorkspaces(root: string): string[] {
  const done: string[] = [];
  let lines: string[] = [];
  try {
    lines = readFileSync('/proc/self/mountinfo', 'utf8').split('\n');
  } catch {
    return done;
  }
  for (const l of lines) {
    const mp = l.split(' ')[4];
    if (mp && mp.startsWith(`${root}/`) && !mounted.has(mp)) {
      run('umount', [mp]);
      done.push(mp);
    }
  }
  return done;
}

/** The workspace of a sandbox as every driver leases it: owned by the sandbox user, capped at `diskMb`. */
export function acquireSandboxWorkspace(spec: { workspace: string; ephemeralWorkspace: boolean }, diskMb: number): WorkspaceLease {
  return acquireWorkspace({ path: spec.workspace, ephemeral: spec.ephemeralWorkspace, diskMb, owner: { uid: SANDBOX_UID, gid: SANDBOX_GID } });
}
