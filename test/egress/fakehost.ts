/**
 * Test fixture: a fake "external" host in its own network namespace (alk-t-<id>), joined to the host
 * by a veth, serving HTTP, HTTPS (self-signed certificate made here with openssl), TCP echo, UDP echo
 * and a rogue DNS server. It is the only "outside" any egress test or bench talks to.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';

const exec = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
export const PROBE = join(here, 'fixtures', 'probe.mjs');
const SERVER = join(here, 'fixtures', 'fakehost-server.mjs');

/** The body the fake host answers a GET with. */
export const expectBody = (name: string, path: string): string => `fakehost ${name} GET ${path}`;

/** What test/fixtures/fetch-server.mjs answers for one fetch from inside a sandbox. */
export interface FetchResult {
  ok: boolean;
  status?: number;
  body?: string;
  code?: string;
  message?: string;
}

export interface FakeHost {
  netnsName: string;
  /** Address of the fake host (inside its namespace). */
  ip: string;
  /** Host-side address of its veth (a host address). */
  hostSideIp: string;
  ip6: string;
  certPath: string;
  keyPath: string;
  names: string[];
  close(): Promise<void>;
}

async function sh(cmd: string, args: string[]): Promise<string> {
  const { stdout } = await exec(cmd, args, { timeout: 20_000 });
  return stdout;
}

export async function createFakeHost(names: string[]): Promise<FakeHost> {
  const id = randomBytes(3).toString('hex');
  const netnsName = `alk-t-${id}`;
  const hostIf = `alkt${id}`;
  const peerIf = `alku${id}`;
  const used = await sh('ip', ['-o', '-4', 'addr', 'show']);
  let octet = -1;
  for (let i = 0; i < 256; i++) {
    const cand = (parseInt(id.slice(0, 2), 16) + i) % 256;
    if (!used.includes(`inet 10.238.${cand}.`)) {
      octet = cand;
      break;
    }
  }
  if (octet < 0) throw new Error('no free 10.238.x.0/30 for the fake host');
  const hostSideIp = `10.238.${octet}.1`;
  const ip = `10.238.${octet}.2`;
  const ip6 = `fd00:a1a1:${octet.toString(16)}::2`;
  const dir = await mkdtemp(join(tmpdir(), 'alk-fakehost-'));
  const certPath = join(dir, 'cert.pem');
  const keyPath = join(dir, 'key.pem');
  let child: ChildProcess | null = null;
  const close = async (): Promise<void> => {
    if (child && child.exitCode === null) {
      child.stdin?.end();
      child.kill('SIGTERM');
    }
    await sh('ip', ['link', 'del', hostIf]).catch(() => {});
    await sh('ip', ['netns', 'del', netnsName]).catch(() => {});
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const san = names.map((n) => `DNS:${n}`).join(',');
    await sh('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', `/CN=${names[0]}`, '-addext', `subjectAltName=${san}`, '-keyout', keyPath, '-out', certPath,
    ]);
    await sh('ip', ['netns', 'add', netnsName]);
    await sh('ip', ['link', 'add', hostIf, 'type', 'veth', 'peer', 'name', peerIf, 'netns', netnsName]);
    await sh('ip', ['addr', 'add', `${hostSideIp}/30`, 'dev', hostIf]);
    await sh('ip', ['-6', 'addr', 'add', `fd00:a1a1:${octet.toString(16)}::1/64`, 'dev', hostIf, 'nodad']);
    await sh('ip', ['link', 'set', hostIf, 'up']);
    await sh('ip', ['-n', netnsName, 'addr', 'add', `${ip}/30`, 'dev', peerIf]);
    await sh('ip', ['-n', netnsName, '-6', 'addr', 'add', `${ip6}/64`, 'dev', peerIf, 'nodad']);
    await sh('ip', ['-n', netnsName, 'link', 'set', peerIf, 'up']);
    await sh('ip', ['-n', netnsName, 'link', 'set', 'lo', 'up']);
    await sh('ip', ['-n', netnsName, 'route', 'add', 'default', 'via', hostSideIp]);
    child = spawn('ip', ['netns', 'exec', netnsName, process.execPath, SERVER, certPath, keyPath, ip], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    child.stdin!.on('error', () => {});
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('fake host did not start')), 15_000);
      child!.stdout!.on('data', (d: Buffer) => {
        if (d.toString().includes('READY')) {
          clearTimeout(t);
          resolve();
        }
      });
      child!.once('exit', (code) => reject(new Error(`fake host exited with ${code}`)));
    });
  } catch (err) {
    await close();
    throw err;
  }
  return { netnsName, ip, hostSideIp, ip6, certPath, keyPath, names, close };
}

export interface ProbeResult {
  ok: boolean;
  code?: string;
  status?: number;
  body?: string;
  reason?: string | null;
  echoed?: string;
  addresses?: string[];
  txt?: string[];
}

/** Runs the probe inside a namespace as an ordinary (root) process with the given environment. */
export async function runProbe(netnsName: string, ops: object[], env: Record<string, string>): Promise<ProbeResult[]> {
  const { stdout } = await exec('ip', ['netns', 'exec', netnsName, process.execPath, PROBE, JSON.stringify(ops)], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    timeout: 60_000,
  });
  return JSON.parse(stdout.trim().split('\n').pop() as string) as ProbeResult[];
}

/** Runs a shell command inside a namespace (as root), e.g. to tamper with its routes. */
export async function inNetns(netnsName: string, script: string): Promise<string> {
  const { stdout } = await exec('ip', ['netns', 'exec', netnsName, 'sh', '-c', script], { timeout: 20_000 });
  return stdout;
}
