/**
 * Chooses and loads the KEKs for this process. `AIRLOCK_VAULT_KEY` (environment provider) wins when
 * set; otherwise the key file in AIRLOCK_HOME is used. A pending next key (`vault.key.next`, or
 * `AIRLOCK_VAULT_KEY_NEXT`) is loaded alongside so rows re-wrapped by an interrupted `rotate-kek`
 * stay readable.
 *
 * Failure contract: rejects with `VaultError('key-unusable')` when the chosen key cannot be used; it
 * never falls back from one provider to another.
 */
import { existsSync } from 'node:fs';
import { ENV_KEY_VARIABLE, ENV_NEXT_KEY_VARIABLE, envKeyProvider } from './env.js';
import { keyFilePath, loadKeyFile, NEXT_KEY_FILE_NAME } from './file.js';
import { keyringOf, type Keyring } from './types.js';

export type KeySource = 'file' | 'env';

export function chooseKeySource(env: NodeJS.ProcessEnv = process.env): KeySource {
  return env[ENV_KEY_VARIABLE] ? 'env' : 'file';
}

export async function loadKeyring(opts: { home: string; env?: NodeJS.ProcessEnv; source?: KeySource }): Promise<Keyring> {
  const env = opts.env ?? process.env;
  const source = opts.source ?? chooseKeySource(env);
  if (source === 'env') {
    const current = envKeyProvider(env, ENV_KEY_VARIABLE);
    return env[ENV_NEXT_KEY_VARIABLE] ? keyringOf(current, envKeyProvider(env, ENV_NEXT_KEY_VARIABLE)) : keyringOf(current);
  }
  const current = await loadKeyFile(keyFilePath(opts.home));
  const next = keyFilePath(opts.home, NEXT_KEY_FILE_NAME);
  return existsSync(next) ? keyringOf(current, await loadKeyFile(next)) : keyringOf(current);
}
