/**
 * Errors raised by the vault. Every message names the secret (and the tenant) it is about and says
 * what to do; none ever contains a secret value, a data key or a key-encryption key.
 */

export type VaultErrorCode =
  /** No live version of the named secret exists. */
  | 'secret-missing'
  /** The secret was wrapped by a key-encryption key that is not configured. */
  | 'wrong-key'
  /** Authentication failed: ciphertext, nonce, wrapped key or associated data were altered. */
  | 'tampered'
  /** The key file is missing, unreadable, malformed or readable by others. */
  | 'key-unusable'
  /** A name, tenant or version does not satisfy the vault's syntax rules. */
  | 'invalid-input'
  /** An external key service refused or failed. */
  | 'kms-failure'
  /** `rotate-kek` left some versions under the old key; the old key must be kept. */
  | 'rotation-incomplete'
  /** The database could not be read or written. */
  | 'store-failure'
  /** One or more `secret:` references could not be resolved (see `failures`). */
  | 'resolution-failed';

export class VaultError extends Error {
  override readonly name = 'VaultError';
  constructor(
    readonly code: VaultErrorCode,
    message: string,
    /** The secret this error is about, when there is one. A name, never a value. */
    readonly secret?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** One reference that failed to resolve, for {@link SecretResolutionError}. */
export interface SecretRefFailure {
  /** Environment variable that carried the reference. */
  variable: string;
  /** Secret it referred to. */
  secret: string;
  code: VaultErrorCode;
  message: string;
}

/**
 * Raised by `resolveSecretRefs` when any reference fails. It lists every failing reference at once so
 * an operator fixes them in one pass; the server must not be started.
 */
export class SecretResolutionError extends VaultError {
  constructor(readonly failures: readonly SecretRefFailure[]) {
    super(
      'resolution-failed',
      `refusing to start: ${failures.length} secret reference(s) could not be resolved:\n` +
        failures.map((f) => `  - ${f.variable}=secret:${f.secret}: ${f.message}`).join('\n'),
      failures[0]?.secret,
    );
  }
}
