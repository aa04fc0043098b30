/** Public surface of the vault. Other parts import from here only. */
export { VaultError, SecretResolutionError, type VaultErrorCode, type SecretRefFailure } from './errors.js';
export { sealSecret, openSecret, rewrapDataKey, encodeAad, assertSecretName, type SecretCoordinates, type SealedSecret } from './envelope.js';
export type { KeyProvider, Keyring, WrappedKey } from './keys/types.js';
export { keyringOf } from './keys/types.js';
export { LocalKeyProvider } from './keys/local.js';
export { createKeyFile, initKeyFile, loadKeyFile, keyFilePath, KEY_FILE_NAME, NEXT_KEY_FILE_NAME } from './keys/file.js';
export { envKeyProvider, ENV_KEY_VARIABLE, ENV_NEXT_KEY_VARIABLE } from './keys/env.js';
export { KmsKeyProvider, type KmsClient } from './keys/kms.js';
export { loadKeyring, chooseKeySource, type KeySource } from './keys/load.js';
export { SecretVault, type SecretInfo, type VaultEventSink, type VaultOptions, type RotateKekResult } from './vault.js';
export type { SecretsTable, VaultTables } from './tables.js';
export { resolveSecretRefs, parseSecretRef, secretRefsIn, SECRET_REF_PREFIX, type ResolvedSecrets, type SecretSource } from './resolve.js';
export { readSecretValue, type SecretInput } from './prompt.js';
export {
  openVault,
  initVaultKey,
  secretsSet,
  secretsRotate,
  secretsList,
  formatSecretList,
  secretsRm,
  rotateKek,
  type OpenVaultOptions,
  type SecretsCommandContext,
  type ValueSource,
  type RotateKekOptions,
  type RotateKekReport,
} from './cli.js';
