/**
 * Key-encryption keys (KEKs). A provider wraps and unwraps the per-version data keys; it never sees a
 * secret value. Adding a provider (HashiCorp Vault transit, AWS KMS, GCP KMS) means implementing
 * {@link KeyProvider} — nothing else in the vault changes.
 */

/** A data key as wrapped by one KEK. `kekId` is stored next to it so the right KEK is chosen later. */
export interface WrappedKey {
  readonly kekId: string;
  readonly data: Buffer;
}

/**
 * Failure contract: `wrap` and `unwrap` reject (never return a wrong or partial key). `unwrap` rejects
 * with a `VaultError` of code `tampered` when authentication of the wrapped key or its associated data
 * fails, `wrong-key` when `wrapped.kekId` is not this provider's key, and `kms-failure` when an
 * external service cannot answer. The caller refuses to decrypt in every case.
 */
export interface KeyProvider {
  /**
   * Stable identifier of the KEK (not of the provider instance), stored with every wrapped key. It
   * must not reveal key material; local providers derive it with a one-way function of the key.
   */
  readonly id: string;
  /** Wraps a 32-byte data key; `aad` is bound in and must be presented again to unwrap. */
  wrap(dataKey: Buffer, aad: Buffer): Promise<WrappedKey>;
  /** Returns a fresh 32-byte buffer the caller owns (and zeroes after use). */
  unwrap(wrapped: WrappedKey, aad: Buffer): Promise<Buffer>;
}

/**
 * The KEKs a vault can use: one current key that wraps new data keys, plus older or next keys that may
 * still unwrap rows (during a KEK rotation that was interrupted, for example).
 */
export interface Keyring {
  readonly current: KeyProvider;
  /** The provider holding the KEK with this id, or undefined when it is not configured. */
  get(kekId: string): KeyProvider | undefined;
}

export function keyringOf(current: KeyProvider, ...others: KeyProvider[]): Keyring {
  const byId = new Map<string, KeyProvider>();
  for (const p of [...others, current]) byId.set(p.id, p);
  return { current, get: (id) => byId.get(id) };
}
