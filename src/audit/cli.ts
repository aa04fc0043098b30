/**
 * What `airlock audit verify | tail | export` do, as functions that return data. The CLI prints
 * and picks exit codes; nothing here writes to stdout on its own.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import type { Writable } from 'node:stream';
import type { Store } from '../store/types.js';
import { exportJsonl, type ExportSummary } from './export.js';
import { DEFAULT_TENANT } from './log.js';
import { keyIdOf, loadLocalPublicKey } from './signing.js';
import { tailEntries } from './tail.js';
import type { AuditRecord } from './types.js';
import { verifyChain, type VerifyResult } from './verify.js';

export interface AuditCliContext {
  store: Store;
  /** $AIRLOCK_HOME: where the local signing key lives. */
  home: string;
  tenant?: string;
}

function trustedKeys(home: string, extraPems: readonly string[] = []): KeyObject[] {
  const keys = extraPems.map((pem) => createPublicKey(pem));
  const local = loadLocalPublicKey(home);
  if (local) keys.push(local);
  return keys;
}

/**
 * `airlock audit verify`: exit 0 when `ok`, otherwise non-zero and print `firstBadSeq` and `reason`.
 * Trusts checkpoints signed by the local key and by any `publicKeyPems` given (other replicas).
 */
export async function auditVerify(ctx: AuditCliContext & { publicKeyPems?: readonly string[] }): Promise<VerifyResult & { tenant: string }> {
  const tenant = ctx.tenant ?? DEFAULT_TENANT;
  const result = await verifyChain(ctx.store, tenant, { trustedKeys: trustedKeys(ctx.home, ctx.publicKeyPems) });
  return { ...result, tenant };
}

/** `airlock audit tail [-n N] [--follow]`: the last N entries, then new ones until `signal` aborts. */
export function auditTail(
  ctx: AuditCliContext & { n?: number; follow?: boolean; signal?: AbortSignal },
): AsyncGenerator<AuditRecord> {
  return tailEntries(ctx.store, { tenant: ctx.tenant ?? DEFAULT_TENANT, n: ctx.n, follow: ctx.follow, signal: ctx.signal });
}

/** `airlock audit export --jsonl`: writes the export to `out` (the CLI passes stdout or a file). */
export async function auditExport(ctx: AuditCliContext & { out: Writable }): Promise<ExportSummary> {
  const local = loadLocalPublicKey(ctx.home);
  const publicKeys = local ? [{ keyId: keyIdOf(local), pem: local.export({ type: 'spki', format: 'pem' }).toString() }] : [];
  return exportJsonl(ctx.store, ctx.out, { tenant: ctx.tenant ?? DEFAULT_TENANT, publicKeys });
}

/**
 * `airlock audit key`: the local checkpoint public key and its id, to hand to whoever verifies an
 * export (they pin it with `--key-id`). Null when no key was created yet.
 */
export function auditPublicKey(home: string): { keyId: string; pem: string } | null {
  const key = loadLocalPublicKey(home);
  return key ? { keyId: keyIdOf(key), pem: key.export({ type: 'spki', format: 'pem' }).toString() } : null;
}
