/**
 * Envelope encryption of one secret version.
 *
 * Each version gets a fresh random 256-bit data key. The value is sealed with AES-256-GCM under that
 * key and a random 96-bit nonce; since a data key encrypts exactly one message, the nonce can never
 * repeat under a key. The tenant, secret name and version are bound in as associated data, so a row
 * copied to another name, tenant or version no longer decrypts. The data key is then wrapped by the
 * current key-encryption key (KEK) and zeroed; only the wrapped form is stored.
 *
 * Failure contract: `openSecret` either returns the exact plaintext that was sealed for these
 * coordinates or rejects with a `VaultError` that names the secret — `wrong-key` when its KEK is not
 * configured, `tampered` when any stored part or the coordinates were altered. It never returns
 * partial or unauthenticated data.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { VaultError } from './errors.js';
import type { Keyring, KeyProvider, WrappedKey } from './keys/types.js';

export const DATA_KEY_BYTES = 32;
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;

/** Where a secret version lives; all three are bound into the ciphertext. */
export interface SecretCoordinates {
  readonly tenant: string;
  readonly name: string;
  readonly version: number;
}

/** What is stored for one version. Nothing here is secret on its own. */
export interface SealedSecret {
  /** AES-256-GCM ciphertext followed by its 16-byte tag. */
  readonly ciphertext: Buffer;
  readonly nonce: Buffer;
  readonly wrappedKey: WrappedKey;
}

const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const TENANT_RE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const MAX_VERSION = 0x7fffffff;

/** Secret names: letters, digits, `.`, `_`, `-`; up to 128 characters; no leading punctuation. */
export function assertSecretName(name: string): void {
  if (!NAME_RE.test(name)) {
    throw new VaultError(
      'invalid-input',
      `invalid secret name ${JSON.stringify(name.slice(0, 140))}: use letters, digits, '.', '_' or '-' (1-128 characters, starting with a letter or digit)`,
      name,
    );
  }
}

export function assertCoordinates(c: SecretCoordinates): void {
  assertSecretName(c.name);
  if (!TENANT_RE.test(c.tenant)) {
    throw new VaultError('invalid-input', `invalid tenant id ${JSON.stringify(c.tenant.slice(0, 140))} for secret '${c.name}'`, c.name);
  }
  if (!Number.isInteger(c.version) || c.version < 1 || c.version > MAX_VERSION) {
    throw new VaultError('invalid-input', `invalid version ${String(c.version)} for secret '${c.name}'`, c.name);
  }
}

/** Purposes keep the data AAD and the key-wrapping AAD from ever being interchangeable. */
export type AadPurpose = 'data' | 'key';

/**
 * Canonical associated data: a domain label, then each field as a 4-byte big-endian length and its
 * UTF-8 bytes, then the version as a 4-byte big-endian integer. Length prefixes make the encoding
 * injective: no two coordinate triples produce the same bytes.
 */
export function encodeAad(purpose: AadPurpose, c: SecretCoordinates): Buffer {
  assertCoordinates(c);
  const parts: Buffer[] = [];
  for (const field of [`airlock-vault/${purpose}/v1`, c.tenant, c.name]) {
    const bytes = Buffer.from(field, 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32BE(bytes.length);
    parts.push(len, bytes);
  }
  const version = Buffer.alloc(4);
  version.writeUInt32BE(c.version);
  parts.push(version);
  return Buffer.concat(parts);
}

function describe(c: SecretCoordinates): string {
  return `secret '${c.name}' (tenant '${c.tenant}', version ${c.version})`;
}

/**
 * Seals `plaintext` for `coords` under a fresh data key wrapped by `kek`. The caller keeps ownership
 * of `plaintext` (and should zero it); the data key is zeroed here.
 */
export async function sealSecret(plaintext: Buffer, coords: SecretCoordinates, kek: KeyProvider): Promise<SealedSecret> {
  const dataAad = encodeAad('data', coords);
  const keyAad = encodeAad('key', coords);
  const dataKey = randomBytes(DATA_KEY_BYTES);
  try {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', dataKey, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(dataAad);
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
    const wrappedKey = await kek.wrap(dataKey, keyAad);
    return { ciphertext, nonce, wrappedKey };
  } finally {
    dataKey.fill(0);
  }
}

/** Unwraps the data key of a stored version. The returned buffer belongs to the caller, who zeroes it. */
async function unwrapDataKey(wrapped: WrappedKey, coords: SecretCoordinates, keyring: Keyring): Promise<Buffer> {
  const provider = keyring.get(wrapped.kekId);
  if (!provider) {
    throw new VaultError(
      'wrong-key',
      `${describe(coords)} is wrapped by key-encryption key '${wrapped.kekId}', but the configured key is '${keyring.current.id}'. ` +
        'Restore the key file or AIRLOCK_VAULT_KEY that was in use when it was stored, or set the secret again.',
      coords.name,
    );
  }
  try {
    const key = await provider.unwrap(wrapped, encodeAad('key', coords));
    if (key.length !== DATA_KEY_BYTES) {
      key.fill(0);
      throw new VaultError('tampered', 'unwrapped data key has the wrong length');
    }
    return key;
  } catch (err) {
    const code = err instanceof VaultError ? err.code : 'kms-failure';
    const reason = err instanceof Error ? err.message : String(err);
    throw new VaultError(code, `${describe(coords)}: cannot unwrap its data key: ${reason}`, coords.name, { cause: err });
  }
}

/** Decrypts a stored version. The returned buffer belongs to the caller, who zeroes it after use. */
export async function openSecret(sealed: SealedSecret, coords: SecretCoordinates, keyring: Keyring): Promise<Buffer> {
  const dataAad = encodeAad('data', coords);
  if (sealed.nonce.length !== NONCE_BYTES || sealed.ciphertext.length < TAG_BYTES) {
    throw new VaultError('tampered', `${describe(coords)}: stored ciphertext or nonce has the wrong length (corrupted or tampered); set the secret again`, coords.name);
  }
  const dataKey = await unwrapDataKey(sealed.wrappedKey, coords, keyring);
  try {
    const decipher = createDecipheriv('aes-256-gcm', dataKey, sealed.nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(dataAad);
    decipher.setAuthTag(sealed.ciphertext.subarray(sealed.ciphertext.length - TAG_BYTES));
    const head = decipher.update(sealed.ciphertext.subarray(0, sealed.ciphertext.length - TAG_BYTES));
    try {
      const tail = decipher.final();
      const out = Buffer.concat([head, tail]);
      tail.fill(0);
      return out;
    } finally {
      head.fill(0);
    }
  } catch (err) {
    if (err instanceof VaultError) throw err;
    throw new VaultError(
      'tampered',
      `${describe(coords)} failed authentication: its ciphertext, nonce or associated data (tenant, name, version) were altered or corrupted. Refusing to use it; set the secret again.`,
      coords.name,
      { cause: err },
    );
  } finally {
    dataKey.fill(0);
  }
}

/**
 * Re-wraps a version's data key under `to` without touching its ciphertext or nonce. Used by KEK
 * rotation; the data key is zeroed before returning.
 */
export async function rewrapDataKey(wrapped: WrappedKey, coords: SecretCoordinates, keyring: Keyring, to: KeyProvider): Promise<WrappedKey> {
  const dataKey = await unwrapDataKey(wrapped, coords, keyring);
  try {
    return await to.wrap(dataKey, encodeAad('key', coords));
  } finally {
    dataKey.fill(0);
  }
}
