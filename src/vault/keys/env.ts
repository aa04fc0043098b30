/**
 * Environment-variable KEK provider: `AIRLOCK_VAULT_KEY` holds 32 random bytes in base64 (generate
 * with `openssl rand -base64 32`). Meant for containers and CI where a secret store injects the
 * variable; the key never touches the data directory.
 *
 * Failure contract: a missing, empty or malformed variable is a `VaultError('key-unusable')` naming
 * the variable (never its content).
 */
import { VaultError } from '../errors.js';
import { KEK_BYTES, LocalKeyProvider } from './local.js';

export const ENV_KEY_VARIABLE = 'AIRLOCK_VAULT_KEY';
/** The KEK that `rotate-kek` moves to when the environment provider is used. */
export const ENV_NEXT_KEY_VARIABLE = 'AIRLOCK_VAULT_KEY_NEXT';

export function envKeyProvider(env: NodeJS.ProcessEnv = process.env, variable = ENV_KEY_VARIABLE): LocalKeyProvider {
  const text = env[variable]?.trim();
  if (!text) throw new VaultError('key-unusable', `${variable} is not set; set it to 32 random bytes in base64 (openssl rand -base64 32)`);
  const kek = Buffer.from(text, 'base64');
  try {
    if (kek.length !== KEK_BYTES || kek.toString('base64') !== text) {
      throw new VaultError('key-unusable', `${variable} is malformed: expected base64 of exactly ${KEK_BYTES} bytes`);
    }
    return new LocalKeyProvider('env', kek);
  } finally {
    kek.fill(0);
  }
}
