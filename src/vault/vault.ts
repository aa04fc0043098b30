/**
 * The secrets repository: stores, lists, rotates and removes envelope-encrypted secret versions, and
 * re-wraps every data key when the key-encryption key changes. Plaintext values exist only in the
 * buffers handed in and out of `set`/`rotate`/`get`; they are never written to the database, never
 * logged and never put in an error message.
 *
 * Failure contract: every method either completes or rejects with a `VaultError` naming the secret.
 * `get` never returns data that failed authentication. A write that cannot be stored rejects and
 * leaves no partial version behind (one INSERT per version).
 */
import type { Kysely } from 'kysely';
import { assertCoordinates, assertSecretName, openSecret, rewrapDataKey, sealSecret } from './envelope.js';
import type { SecretCoordinates, SealedSecret } from './envelope.js';
import { VaultError } from './errors.js';
import type { Keyring, KeyProvider } from './keys/types.js';
import type { SecretsTable, VaultTables } from './tables.js';

/** Metadata of one secret, as `airlock secrets list` shows it. Never carries a value. */
export interface SecretInfo {
  name: string;
  /** Latest live version. */
  version: number;
  /** Number of live versions kept. */
  versions: number;
  kekId: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** Receives one line per vault change. Fields are names, versions, key ids and actors — never values. */
export interface VaultEventSink {
  (event: { type: 'secret.set' | 'secret.rotate' | 'secret.rm' | 'vault.rotate-kek'; tenant?: string; secret?: string; version?: number; kekId?: string; actor?: string; count?: number }): void | Promise<void>;
}

export interface VaultOptions {
  /** A Kysely instance whose database has the `secrets` table (SQLite or PostgreSQL). */
  db: Kysely<any>;
  keyring: Keyring;
  /** Optional: told about every change (for logs or the audit log). */
  onEvent?: VaultEventSink;
}

/** Result of a KEK rotation. */
export interface RotateKekResult {
  /** Versions re-wrapped under the new KEK in this run. */
  rewrapped: number;
  /** Versions that were already under the new KEK (a resumed rotation). */
  alreadyCurrent: number;
}

type Row = Pick<SecretsTable, 'tenant' | 'name' | 'version' | 'ciphertext' | 'nonce' | 'wrapped_key' | 'kek_id'>;

const MAX_VALUE_BYTES = 64 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Values are injected as environment variables or files, so they must be non-empty UTF-8 without
 * NUL bytes (the kernel cuts an environment string at the first NUL).
 */
export function assertSecretValue(name: string, value: Buffer): void {
  if (value.length === 0) throw new VaultError('invalid-input', `refusing to store an empty value for secret '${name}'`, name);
  if (value.length > MAX_VALUE_BYTES) throw new VaultError('invalid-input', `value for secret '${name}' is larger than ${MAX_VALUE_BYTES} bytes`, name);
  if (value.includes(0)) throw new VaultError('invalid-input', `value for secret '${name}' contains a NUL byte and cannot be passed in an environment`, name);
  try {
    utf8.decode(value);
  } catch {
    throw new VaultError('invalid-input', `value for secret '${name}' is not valid UTF-8`, name);
  }
}

function toSealed(row: Row): SealedSecret {
  return {
    ciphertext: Buffer.from(row.ciphertext, 'base64'),
    nonce: Buffer.from(row.nonce, 'base64'),
    wrappedKey: { kekId: row.kek_id, data: Buffer.from(row.wrapped_key, 'base64') },
  };
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || /UNIQUE constraint failed/.test(e?.message ?? '');
}

export class SecretVault {
  readonly #db: Kysely<VaultTables>;
  readonly #keyring: Keyring;
  readonly #onEvent?: VaultEventSink;

  constructor(opts: VaultOptions) {
    this.#db = opts.db as Kysely<VaultTables>;
    this.#keyring = opts.keyring;
    this.#onEvent = opts.onEvent;
  }

  /** Id of the KEK that wraps new data keys. */
  get currentKekId(): string {
    return this.#keyring.current.id;
  }

  /**
   * Stores `value` as a new version of `name` (version 1 when it never existed) and returns it.
   * The caller keeps ownership of `value` and should zero it afterwards.
   */
  async set(tenant: string, name: string, value: Buffer, actor: string): Promise<number> {
    return this.#write('secret.set', tenant, name, value, actor, false);
  }

  /** Like `set`, but refuses when the secret does not exist yet (so a typo does not create a new one). */
  async rotate(tenant: string, name: string, value: Buffer, actor: string): Promise<number> {
    return this.#write('secret.rotate', tenant, name, value, actor, true);
  }

  async #write(type: 'secret.set' | 'secret.rotate', tenant: string, name: string, value: Buffer, actor: string, mustExist: boolean): Promise<number> {
    assertSecretName(name);
    assertSecretValue(name, value);
    for (let attempt = 0; ; attempt++) {
      const top = await this.#db
        .selectFrom('secrets')
        .select((eb) => [eb.fn.max('version').as('maxVersion')])
        .where('tenant', '=', tenant)
        .where('name', '=', name)
        .executeTakeFirst();
      const maxVersion = top?.maxVersion == null ? 0 : Number(top.maxVersion);
      if (mustExist && !(await this.#latestRow(tenant, name))) {
        throw new VaultError('secret-missing', `secret '${name}' does not exist in tenant '${tenant}'; create it with \`airlock secrets set ${name}\``, name);
      }
      // Versions of deleted rows are never reused, so old coordinates can never authenticate again.
      const coords: SecretCoordinates = { tenant, name, version: maxVersion + 1 };
      assertCoordinates(coords);
      const sealed = await sealSecret(value, coords, this.#keyring.current);
      try {
        await this.#db
          .insertInto('secrets')
          .values({
            tenant,
            name,
            version: coords.version,
            ciphertext: sealed.ciphertext.toString('base64'),
            nonce: sealed.nonce.toString('base64'),
            wrapped_key: sealed.wrappedKey.data.toString('base64'),
            kek_id: sealed.wrappedKey.kekId,
            created_at: new Date().toISOString(),
            created_by: actor,
            deleted_at: null,
          })
          .execute();
      } catch (err) {
        // Another writer took this version number between our read and insert: take the next one.
        if (isUniqueViolation(err) && attempt < 5) continue;
        throw new VaultError('store-failure', `cannot store secret '${name}': ${(err as Error).message}`, name, { cause: err });
      }
      await this.#onEvent?.({ type, tenant, secret: name, version: coords.version, kekId: sealed.wrappedKey.kekId, actor });
      return coords.version;
    }
  }

  async #latestRow(tenant: string, name: string): Promise<Row | undefined> {
    return this.#db
      .selectFrom('secrets')
      .select(['tenant', 'name', 'version', 'ciphertext', 'nonce', 'wrapped_key', 'kek_id'])
      .where('tenant', '=', tenant)
      .where('name', '=', name)
      .where('deleted_at', 'is', null)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /**
   * Decrypts the latest live version of `name`. The returned buffer belongs to the caller, who zeroes
   * it after use. Rejects with `secret-missing`, `wrong-key` or `tampered` (see the module contract).
   */
  async get(tenant: string, name: string): Promise<{ version: number; value: Buffer }> {
    assertSecretName(name);
    const row = await this.#latestRow(tenant, name);
    if (!row) {
      throw new VaultError('secret-missing', `secret '${name}' does not exist in tenant '${tenant}'; create it with \`airlock secrets set ${name}\``, name);
    }
    const version = Number(row.version);
    const value = await openSecret(toSealed(row), { tenant, name, version }, this.#keyring);
    return { version, value };
  }

  /** Names, versions and who/when for every live secret of a tenant, sorted by name. Never values. */
  async list(tenant: string): Promise<SecretInfo[]> {
    const rows = await this.#db
      .selectFrom('secrets')
      .select(['name', 'version', 'kek_id', 'created_at', 'created_by'])
      .where('tenant', '=', tenant)
      .where('deleted_at', 'is', null)
      .orderBy('name')
      .orderBy('version')
      .execute();
    const byName = new Map<string, SecretInfo>();
    for (const r of rows) {
      const info = byName.get(r.name);
      if (!info) {
        byName.set(r.name, { name: r.name, version: Number(r.version), versions: 1, kekId: r.kek_id, createdAt: r.created_at, createdBy: r.created_by, updatedAt: r.created_at, updatedBy: r.created_by });
      } else {
        info.version = Number(r.version);
        info.versions += 1;
        info.kekId = r.kek_id;
        info.updatedAt = r.created_at;
        info.updatedBy = r.created_by;
      }
    }
    return [...byName.values()];
  }

  /**
   * Deletes every version of `name`: the row keeps its metadata (who/when) but its ciphertext, nonce
   * and wrapped data key are erased, so the value cannot be recovered even with the KEK. Returns the
   * number of versions deleted; rejects with `secret-missing` when there was none.
   */
  async rm(tenant: string, name: string, actor: string): Promise<number> {
    assertSecretName(name);
    const res = await this.#db
      .updateTable('secrets')
      .set({ deleted_at: new Date().toISOString(), ciphertext: '', nonce: '', wrapped_key: '', kek_id: 'destroyed' })
      .where('tenant', '=', tenant)
      .where('name', '=', name)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    const count = Number(res.numUpdatedRows);
    if (count === 0) throw new VaultError('secret-missing', `secret '${name}' does not exist in tenant '${tenant}'`, name);
    await this.#onEvent?.({ type: 'secret.rm', tenant, secret: name, count, actor });
    return count;
  }

  /**
   * Re-wraps the data key of every live version in every tenant under `to`, leaving ciphertexts and
   * nonces untouched. Each row changes in one UPDATE guarded by its old wrapped key, so an interrupted
   * rotation leaves every row readable with either KEK and can simply be run again.
   *
   * Failure contract: rejects (after trying every row) when any version could not be re-wrapped,
   * naming those secrets; the caller must then not retire the old KEK.
   */
  async rotateKek(to: KeyProvider, actor: string): Promise<RotateKekResult> {
    let rewrapped = 0;
    let alreadyCurrent = 0;
    let failed: { name: string; line: string }[] = [];
    let settled = false;
    // A writer that still holds the old KEK may add a row while we work: passes repeat until a pass
    // finds nothing left to re-wrap (bounded, in case a writer keeps adding).
    for (let pass = 0; pass < 5; pass++) {
      const rows = await this.#db
        .selectFrom('secrets')
        .select(['tenant', 'name', 'version', 'ciphertext', 'nonce', 'wrapped_key', 'kek_id'])
        .where('deleted_at', 'is', null)
        .orderBy('tenant')
        .orderBy('name')
        .orderBy('version')
        .execute();
      failed = [];
      let changedThisPass = 0;
      for (const row of rows) {
        if (row.kek_id === to.id) {
          if (pass === 0) alreadyCurrent++;
          continue;
        }
        const coords = { tenant: row.tenant, name: row.name, version: Number(row.version) };
        try {
          const wrapped = await rewrapDataKey(toSealed(row).wrappedKey, coords, this.#keyring, to);
          const res = await this.#db
            .updateTable('secrets')
            .set({ wrapped_key: wrapped.data.toString('base64'), kek_id: wrapped.kekId })
            .where('tenant', '=', row.tenant)
            .where('name', '=', row.name)
            .where('version', '=', coords.version)
            .where('wrapped_key', '=', row.wrapped_key)
            .executeTakeFirst();
          // Zero rows: the row was deleted meanwhile; the next pass sees its current state.
          if (Number(res.numUpdatedRows) === 1) rewrapped++;
          changedThisPass++;
        } catch (err) {
          failed.push({ name: row.name, line: `${row.tenant}/${row.name}@${coords.version}: ${(err as Error).message}` });
        }
      }
      if (changedThisPass === 0) {
        settled = true;
        break;
      }
    }
    if (failed.length > 0) {
      throw new VaultError(
        'rotation-incomplete',
        `KEK rotation incomplete: ${failed.length} version(s) could not be re-wrapped; keep the old key until they are fixed (remove or set them again), then run rotate-kek again:\n  ` +
          failed.map((f) => f.line).join('\n  '),
        failed[0]?.name,
      );
    }
    if (!settled) {
      throw new VaultError('rotation-incomplete', 'KEK rotation incomplete: other Airlock processes kept writing secrets under the old key; stop them and run rotate-kek again');
    }
    await this.#onEvent?.({ type: 'vault.rotate-kek', kekId: to.id, count: rewrapped, actor });
    return { rewrapped, alreadyCurrent };
  }
}
