/**
 * Library functions behind `airlock secrets …` and `airlock init`. They hold no argument parsing and
 * print nothing themselves (except the no-echo prompt on stderr); the CLI wires them to commander.
 * A value is only ever read through `readSecretValue` (terminal without echo, or stdin) — these
 * functions deliberately have no parameter through which a value could arrive from argv.
 */
import { existsSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { VaultError } from './errors.js';
import { ENV_KEY_VARIABLE, ENV_NEXT_KEY_VARIABLE, envKeyProvider } from './keys/env.js';
import { createKeyFile, initKeyFile, keyFilePath, loadKeyFile, NEXT_KEY_FILE_NAME, promoteKeyFile } from './keys/file.js';
import { chooseKeySource, loadKeyring, type KeySource } from './keys/load.js';
import type { KeyProvider } from './keys/types.js';
import { readSecretValue, type SecretInput } from './prompt.js';
import { SecretVault, type SecretInfo, type VaultEventSink } from './vault.js';

export interface OpenVaultOptions {
  /** AIRLOCK_HOME (where the key file lives). */
  home: string;
  /** The store's Kysely handle (`store.db`); the `secrets` migration must have run. */
  db: Kysely<any>;
  env?: NodeJS.ProcessEnv;
  source?: KeySource;
  onEvent?: VaultEventSink;
  /**
   * After loading, delete AIRLOCK_VAULT_KEY and AIRLOCK_VAULT_KEY_NEXT from `env`, so no child process
   * (runsc, npm, a shell) inherits the KEK. Long-running processes (the gateway) should set it.
   */
  forgetEnvKey?: boolean;
}

/** Loads the KEK(s) and returns the vault. Rejects with `key-unusable` when the key cannot be used. */
export async function openVault(opts: OpenVaultOptions): Promise<SecretVault> {
  const env = opts.env ?? process.env;
  const keyring = await loadKeyring({ home: opts.home, env, source: opts.source });
  if (opts.forgetEnvKey) {
    delete env[ENV_KEY_VARIABLE];
    delete env[ENV_NEXT_KEY_VARIABLE];
  }
  return new SecretVault({ db: opts.db, keyring, onEvent: opts.onEvent });
}

/**
 * `airlock init`: creates the key file (mode 0600) unless the environment provider is in use or the
 * file exists already, in which case it is checked. Returns what happened for the CLI to print.
 */
export async function initVaultKey(home: string, env: NodeJS.ProcessEnv = process.env): Promise<{ source: KeySource; created: boolean; file?: string; kekId: string }> {
  if (chooseKeySource(env) === 'env') {
    const p = envKeyProvider(env);
    return { source: 'env', created: false, kekId: p.id };
  }
  const { provider, created, file } = await initKeyFile(home);
  return { source: 'file', created, file, kekId: provider.id };
}

export interface SecretsCommandContext {
  vault: SecretVault;
  tenant: string;
  /** Who runs the command, recorded as created_by: `cli:<user>` or a token id. */
  actor: string;
}

/** How a value is read; `name` and `confirm` are filled in by the command. */
export type ValueSource = Omit<SecretInput, 'name' | 'confirm'>;

/** `airlock secrets set NAME`: reads the value (no echo / stdin) and stores it as a new version. */
export async function secretsSet(ctx: SecretsCommandContext, name: string, input: ValueSource = {}): Promise<{ name: string; version: number }> {
  const value = await readSecretValue({ ...input, name, confirm: true });
  try {
    return { name, version: await ctx.vault.set(ctx.tenant, name, value, ctx.actor) };
  } finally {
    value.fill(0);
  }
}

/** `airlock secrets rotate NAME`: a new version from a new value; refuses when NAME does not exist. */
export async function secretsRotate(ctx: SecretsCommandContext, name: string, input: ValueSource = {}): Promise<{ name: string; version: number }> {
  // Check first so nobody types a value only to be told the name is wrong.
  await ctx.vault.list(ctx.tenant).then((rows) => {
    if (!rows.some((r) => r.name === name)) {
      throw new VaultError('secret-missing', `secret '${name}' does not exist in tenant '${ctx.tenant}'; create it with \`airlock secrets set ${name}\``, name);
    }
  });
  const value = await readSecretValue({ ...input, name, confirm: true });
  try {
    return { name, version: await ctx.vault.rotate(ctx.tenant, name, value, ctx.actor) };
  } finally {
    value.fill(0);
  }
}

/** `airlock secrets list`: metadata only. */
export async function secretsList(ctx: Omit<SecretsCommandContext, 'actor'>): Promise<SecretInfo[]> {
  return ctx.vault.list(ctx.tenant);
}

/** Plain-text table for `airlock secrets list`. */
export function formatSecretList(rows: readonly SecretInfo[]): string {
  if (rows.length === 0) return 'no secrets\n';
  const table = [
    ['NAME', 'VERSION', 'VERSIONS', 'UPDATED', 'BY', 'CREATED', 'BY'],
    ...rows.map((r) => [r.name, String(r.version), String(r.versions), r.updatedAt, r.updatedBy, r.createdAt, r.createdBy]),
  ];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  return table.map((row) => row.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n') + '\n';
}

/** `airlock secrets rm NAME`: deletes every version (crypto-shredded). Returns how many. */
export async function secretsRm(ctx: SecretsCommandContext, name: string): Promise<{ name: string; versions: number }> {
  return { name, versions: await ctx.vault.rm(ctx.tenant, name, ctx.actor) };
}

export interface RotateKekOptions {
  home: string;
  db: Kysely<any>;
  env?: NodeJS.ProcessEnv;
  actor: string;
  onEvent?: VaultEventSink;
  /** Re-wrap under this provider instead (moving to an external KMS, for example). */
  to?: KeyProvider;
}

export interface RotateKekReport {
  source: KeySource;
  fromKekId: string;
  toKekId: string;
  rewrapped: number;
  alreadyCurrent: number;
  /** What the operator must do next, if anything (the environment provider cannot edit the environment). */
  followUp?: string;
}

/**
 * `airlock secrets rotate-kek`: re-wraps every data key under a new KEK without touching ciphertexts.
 *
 * Key file: a new key is written to `vault.key.next` (0600) first, every row is re-wrapped, then the
 * new file atomically replaces `vault.key`. If the run is interrupted, both keys stay loaded and
 * running the command again finishes the job with the same new key. Environment: the new key comes
 * from AIRLOCK_VAULT_KEY_NEXT and the operator swaps the variables afterwards.
 *
 * Failure contract: when any row cannot be re-wrapped, rejects naming the secrets and leaves the old
 * key in place (nothing becomes unreadable).
 */
export async function rotateKek(opts: RotateKekOptions): Promise<RotateKekReport> {
  const env = opts.env ?? process.env;
  const source = chooseKeySource(env);
  let to = opts.to;
  let nextFile: string | undefined;
  if (!to) {
    if (source === 'env') {
      if (!env[ENV_NEXT_KEY_VARIABLE]) {
        throw new VaultError('key-unusable', `set ${ENV_NEXT_KEY_VARIABLE} to the new key (openssl rand -base64 32), run rotate-kek, then move it to ${ENV_KEY_VARIABLE}`);
      }
      to = envKeyProvider(env, ENV_NEXT_KEY_VARIABLE);
    } else {
      nextFile = keyFilePath(opts.home, NEXT_KEY_FILE_NAME);
      to = existsSync(nextFile) ? await loadKeyFile(nextFile) : await createKeyFile(nextFile);
    }
  }
  const keyring = await loadKeyring({ home: opts.home, env, source });
  const vault = new SecretVault({ db: opts.db, keyring: { current: keyring.current, get: (id) => (id === to.id ? to : keyring.get(id)) }, onEvent: opts.onEvent });
  const fromKekId = keyring.current.id;
  const result = await vault.rotateKek(to, opts.actor);
  if (nextFile) await promoteKeyFile(nextFile, keyFilePath(opts.home));
  return {
    source,
    fromKekId,
    toKekId: to.id,
    ...result,
    ...(source === 'env' && !opts.to ? { followUp: `set ${ENV_KEY_VARIABLE} to the value of ${ENV_NEXT_KEY_VARIABLE}, then unset ${ENV_NEXT_KEY_VARIABLE}` } : {}),
    ...(opts.to ? { followUp: `configure Airlock to use key '${opts.to.id}' before retiring '${fromKekId}'` } : {}),
  };
}
