/**
 * Turns `secret:NAME` references in a server's environment into plaintext, for the sandbox launch.
 *
 * Failure contract: if ANY reference cannot be resolved (missing secret, wrong key, tampered data,
 * malformed reference) it rejects with a `SecretResolutionError` listing every failing variable and
 * secret name — never a value — and returns nothing, so the caller refuses to start the server.
 * Plaintext exists only in the returned object; the caller passes it to the sandbox and drops it.
 */
import { assertSecretName } from './envelope.js';
import { SecretResolutionError, VaultError, type SecretRefFailure } from './errors.js';

export const SECRET_REF_PREFIX = 'secret:';

/** The part of a vault `resolveSecretRefs` needs (a `SecretVault` satisfies it). */
export interface SecretSource {
  get(tenant: string, name: string): Promise<{ version: number; value: Buffer }>;
}

export interface ResolvedSecrets {
  /** The environment with every reference replaced by its value; other variables unchanged. */
  env: Record<string, string>;
  /**
   * Each distinct injected value once, for the DLP engine's `InspectContext.knownSecrets`, so a
   * server that echoes its own credential is redacted.
   */
  knownSecrets: { name: string; value: string }[];
  /** Which variables were filled from which secret version (for the audit log; no values). */
  injected: { variable: string; secret: string; version: number }[];
}

/** The secret name when `value` is a reference, otherwise undefined. */
export function parseSecretRef(value: string): string | undefined {
  return value.startsWith(SECRET_REF_PREFIX) ? value.slice(SECRET_REF_PREFIX.length) : undefined;
}

/** Names of the secrets an environment refers to (to check a config before launch). */
export function secretRefsIn(env: Record<string, string>): string[] {
  const names = new Set<string>();
  for (const v of Object.values(env)) {
    const n = parseSecretRef(v);
    if (n !== undefined) names.add(n);
  }
  return [...names];
}

export async function resolveSecretRefs(env: Record<string, string>, vault: SecretSource, tenant: string): Promise<ResolvedSecrets> {
  const out: Record<string, string> = { ...env };
  const failures: SecretRefFailure[] = [];
  const injected: ResolvedSecrets['injected'] = [];
  const values = new Map<string, { version: number; value: string }>();
  const failedNames = new Map<string, { code: VaultError['code']; message: string }>();

  for (const [variable, raw] of Object.entries(env)) {
    const secret = parseSecretRef(raw);
    if (secret === undefined) continue;
    const earlier = failedNames.get(secret);
    if (earlier) {
      failures.push({ variable, secret, ...earlier });
      continue;
    }
    let resolved = values.get(secret);
    if (!resolved) {
      try {
        assertSecretName(secret);
        const { version, value } = await vault.get(tenant, secret);
        try {
          resolved = { version, value: value.toString('utf8') };
        } finally {
          value.fill(0);
        }
        values.set(secret, resolved);
      } catch (err) {
        const f = err instanceof VaultError ? { code: err.code, message: err.message } : { code: 'store-failure' as const, message: `cannot read secret '${secret}': ${(err as Error).message}` };
        failedNames.set(secret, f);
        failures.push({ variable, secret, ...f });
        continue;
      }
    }
    out[variable] = resolved.value;
    injected.push({ variable, secret, version: resolved.version });
  }
  if (failures.length > 0) throw new SecretResolutionError(failures);
  return { env: out, knownSecrets: [...values].map(([name, v]) => ({ name, value: v.value })), injected };
}
