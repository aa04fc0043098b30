/**
 * Vault cost per sandbox launch. Prints p50/p99 for sealing and opening one value, and for
 * resolveSecretRefs with three references on the embedded SQLite store, against a baseline measured
 * in the same run: the same three rows read from the same store without any cryptography.
 *
 *   npm run bench:vault
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '../src/store/index.js';
import { openSecret, sealSecret } from '../src/vault/envelope.js';
import { LocalKeyProvider } from '../src/vault/keys/local.js';
import { keyringOf } from '../src/vault/keys/types.js';
import { resolveSecretRefs } from '../src/vault/resolve.js';
import { SecretVault } from '../src/vault/vault.js';
import type { VaultTables } from '../src/vault/tables.js';

const N = Number(process.env.BENCH_N ?? 2000);

function pct(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function measure(fn: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < Math.min(200, N); i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < N; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  return { p50: pct(samples, 50), p99: pct(samples, 99) };
}

const home = mkdtempSync(path.join(tmpdir(), 'airlock-bench-vault-'));
const store = await openStore({ home });
try {
  const kek = new LocalKeyProvider('file', randomBytes(32));
  const vault = new SecretVault({ db: store.db, keyring: keyringOf(kek) });
  const names = ['github-token', 'db-password', 'api-key'];
  for (const n of names) await vault.set('default', n, Buffer.from(randomBytes(24).toString('hex')), 'bench');
  const env = { GITHUB_TOKEN: 'secret:github-token', PGPASSWORD: 'secret:db-password', API_KEY: 'secret:api-key', LOG_LEVEL: 'info' };
  const coords = { tenant: 'default', name: 'github-token', version: 1 };
  const value = Buffer.from(`ghp_${randomBytes(18).toString('hex')}`);
  const sealed = await sealSecret(value, coords, kek);
  const db = store.db.withTables<VaultTables>();

  const baseline = await measure(async () => {
    for (const n of names) {
      await db.selectFrom('secrets').select(['ciphertext', 'nonce', 'wrapped_key', 'kek_id', 'version'])
        .where('tenant', '=', 'default').where('name', '=', n).where('deleted_at', 'is', null)
        .orderBy('version', 'desc').limit(1).executeTakeFirst();
    }
  });
  const resolve = await measure(() => resolveSecretRefs(env, vault, 'default'));
  const seal = await measure(() => sealSecret(value, coords, kek));
  const open = await measure(async () => (await openSecret(sealed, coords, keyringOf(kek))).fill(0));

  const row = (label: string, r: { p50: number; p99: number }, base?: { p50: number; p99: number }) =>
    `| ${label.padEnd(44)} | ${r.p50.toFixed(1).padStart(8)} | ${r.p99.toFixed(1).padStart(8)} | ${base ? `${(r.p50 / base.p50).toFixed(2)}x` : '-'} |`;
  console.log(`vault bench, n=${N} per row, times in microseconds`);
  console.log('| operation                                    |   p50 us |   p99 us | p50 vs baseline |');
  console.log('|---|---|---|---|');
  console.log(row('baseline: read 3 rows, no crypto (SQLite)', baseline));
  console.log(row('resolveSecretRefs, 3 refs (SQLite)', resolve, baseline));
  console.log(row('sealSecret (one value, local KEK)', seal));
  console.log(row('openSecret (one value, local KEK)', open));
} finally {
  await store.close();
  rmSync(home, { recursive: true, force: true });
}
