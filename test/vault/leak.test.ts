/**
 * Writes secrets through the real vault (SQLite in a data directory, a pino log file, the failure
 * paths too), then scans every file under the data directory for each plaintext and its common
 * encodings. The control run shows the scanner finds a value stored the naive way.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { pino } from 'pino';
import { openStore } from '../../src/store/index.js';
import { initVaultKey, openVault, rotateKek, secretsSet } from '../../src/vault/cli.js';
import { resolveSecretRefs } from '../../src/vault/resolve.js';
import { PassThrough } from 'node:stream';
import { tmpHome } from './stores.js';

const SECRETS = {
  'github-token': `ghp_${randomBytes(18).toString('hex')}`,
  'db-password': `p@ss/w0rd+${randomBytes(6).toString('hex')}= &more`,
  'api-key': `sk-${randomBytes(24).toString('base64')}`,
};

/** The byte patterns a careless implementation would leave behind for `value`. */
function encodings(value: string): { label: string; bytes: Buffer }[] {
  const raw = Buffer.from(value, 'utf8');
  const out = [
    { label: 'utf8', bytes: raw },
    { label: 'utf16le', bytes: Buffer.from(value, 'utf16le') },
    { label: 'hex', bytes: Buffer.from(raw.toString('hex')) },
    { label: 'HEX', bytes: Buffer.from(raw.toString('hex').toUpperCase()) },
    { label: 'url', bytes: Buffer.from(encodeURIComponent(value)) },
    { label: 'json', bytes: Buffer.from(JSON.stringify(value)) },
  ];
  // base64 of the value inside a larger stream depends on its alignment: take the part that is
  // stable for each of the three alignments (dropping chars that mix in neighbouring bytes).
  for (let shift = 0; shift < 3; shift++) {
    const b64 = Buffer.concat([Buffer.alloc(shift, 0x20), raw]).toString('base64');
    const start = shift === 0 ? 0 : Math.ceil((shift * 4) / 3) + 1;
    const stable = b64.slice(start, b64.length - 4);
    out.push({ label: `base64+${shift}`, bytes: Buffer.from(stable) });
    out.push({ label: `base64url+${shift}`, bytes: Buffer.from(stable.replace(/\+/g, '-').replace(/\//g, '_')) });
  }
  return out;
}

const homes: string[] = [];
after(async () => {
  for (const h of homes) await fs.rm(h, { recursive: true, force: true });
});

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

async function scan(dir: string, values: Record<string, string>): Promise<string[]> {
  const hits: string[] = [];
  for (const file of await filesUnder(dir)) {
    const content = await fs.readFile(file);
    for (const [name, value] of Object.entries(values)) {
      for (const { label, bytes } of encodings(value)) {
        if (bytes.length >= 8 && content.includes(bytes)) hits.push(`${path.relative(dir, file)}: ${name} as ${label}`);
      }
    }
  }
  return hits;
}

test('control: the scanner finds values stored the naive way, in every encoding it checks', async () => {
  const dir = await tmpHome('airlock-leak-control-');
  homes.push(dir);
  const db = new BetterSqlite3(path.join(dir, 'naive.db'));
  db.exec('CREATE TABLE secrets (name TEXT, value TEXT, b64 TEXT, hex TEXT, url TEXT)');
  const v = SECRETS['db-password'];
  db.prepare('INSERT INTO secrets VALUES (?, ?, ?, ?, ?)').run('db-password', v, Buffer.from(`xy${v}`).toString('base64'), Buffer.from(v).toString('hex'), encodeURIComponent(v));
  db.close();
  const hits = await scan(dir, { 'db-password': v });
  for (const label of ['utf8', 'hex', 'url', 'base64+2']) {
    assert.ok(hits.some((h) => h.endsWith(`as ${label}`)), `scanner missed ${label}: ${hits.join(', ')}`);
  }
});

test('after set, rotate, resolve, KEK rotation and failures, no plaintext or encoding is anywhere in the data directory', async () => {
  const home = await tmpHome('airlock-leak-');
  homes.push(home);
  const logFile = path.join(home, 'logs', 'airlock.log');
  await fs.mkdir(path.dirname(logFile), { recursive: true });
  const dest = pino.destination({ dest: logFile, sync: true });
  const log = pino({ level: 'trace' }, dest);
  const store = await openStore({ home });
  try {
    await initVaultKey(home, {});
    const onEvent = (e: object) => void log.info(e, 'vault change');
    const vault = await openVault({ home, db: store.db, env: {}, onEvent });
    const ctx = { vault, tenant: 'default', actor: 'cli:test' };
    for (const [name, value] of Object.entries(SECRETS)) {
      const stdin = new PassThrough();
      stdin.end(`${value}\n`);
      await secretsSet(ctx, name, { stdin });
    }
    await vault.rotate('default', 'api-key', Buffer.from(SECRETS['api-key']), 'cli:test');
    const resolved = await resolveSecretRefs({ GITHUB_TOKEN: 'secret:github-token', PGPASSWORD: 'secret:db-password' }, vault, 'default');
    assert.equal(resolved.env.GITHUB_TOKEN, SECRETS['github-token'], 'the values really went through the vault');
    log.info({ injected: resolved.injected }, 'sandbox env prepared');
    await rotateKek({ home, db: store.db, env: {}, actor: 'cli:test', onEvent });
    // Failure paths log their errors, as a server refusing to start would.
    const wrongKey = await openVault({ home, db: store.db, env: { AIRLOCK_VAULT_KEY: randomBytes(32).toString('base64') } });
    await resolveSecretRefs({ GITHUB_TOKEN: 'secret:github-token', X: 'secret:missing' }, wrongKey, 'default').catch((err: Error) => log.error({ err }, 'refusing to start server'));
  } finally {
    await store.close();
    dest.flushSync();
  }
  const files = await filesUnder(home);
  assert.ok(files.some((f) => f.endsWith('airlock.db')), 'the SQLite file was scanned');
  const logText = await fs.readFile(logFile, 'utf8');
  assert.match(logText, /refusing to start server/);
  assert.match(logText, /github-token/);
  assert.deepEqual(await scan(home, SECRETS), []);
});
