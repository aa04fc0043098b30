/**
 * API tokens. A token is shown once, when created; the database keeps only its SHA-256, so a copy of
 * the database does not let anyone authenticate.
 *
 * Tokens carry 256 bits of randomness, so a plain (unsalted) SHA-256 is the right storage: there is
 * nothing to brute-force, and a deterministic hash allows an indexed lookup.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { ensureTenant } from './tenants.js';
import type { Store } from './types.js';

export const TOKEN_PREFIX = 'alk_';
/** `alk_` + base64url of 32 random bytes (43 characters). */
const TOKEN_PATTERN = /^alk_[A-Za-z0-9_-]{43}$/;
/** last_used_at is refreshed at most this often per token, so authentication is not a write per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface ApiToken {
  id: string;
  tenant: string;
  name: string;
  role: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedToken extends ApiToken {
  /** The plaintext token. Returned once; it cannot be recovered later. */
  token: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export async function createToken(
  store: Store,
  opts: { tenant?: string; name: string; role: string },
): Promise<CreatedToken> {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const row = {
    id: `tok_${randomUUID()}`,
    tenant: opts.tenant ?? 'default',
    name: opts.name,
    role: opts.role,
    token_hash: hashToken(token),
    created_at: new Date().toISOString(),
    last_used_at: null,
    revoked_at: null,
  };
  await ensureTenant(store, row.tenant);
  await store.db.insertInto('api_tokens').values(row).execute();
  return { ...toToken(row), token };
}

/**
 * Returns the token's identity when `token` is a live (not revoked) token, otherwise null.
 *
 * The lookup is by hash, so the database never compares secret bytes; the final comparison is
 * constant-time anyway. Rejects only when the database cannot be read — callers must then refuse
 * the request (fail closed), not treat it as anonymous.
 */
export async function verifyToken(store: Store, token: string): Promise<ApiToken | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const hash = hashToken(token);
  const row = await store.db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
  if (!row) return null;
  if (!timingSafeEqual(Buffer.from(row.token_hash, 'hex'), Buffer.from(hash, 'hex'))) return null;
  if (row.revoked_at !== null) return null;
  const now = Date.now();
  if (row.last_used_at === null || now - Date.parse(row.last_used_at) > LAST_USED_RESOLUTION_MS) {
    const ts = new Date(now).toISOString();
    await store.db.updateTable('api_tokens').set({ last_used_at: ts }).where('id', '=', row.id).execute();
    row.last_used_at = ts;
  }
  return toToken(row);
}

/** Revokes a token. Returns false when no live token has that id. */
export async function revokeToken(store: Store, id: string): Promise<boolean> {
  const res = await store.db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function listTokens(store: Store, tenant?: string): Promise<ApiToken[]> {
  let q = store.db.selectFrom('api_tokens').selectAll().orderBy('created_at').orderBy('id');
  if (tenant !== undefined) q = q.where('tenant', '=', tenant);
  return (await q.execute()).map(toToken);
}

function toToken(row: {
  id: string;
  tenant: string;
  name: string;
  role: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}): ApiToken {
  return {
    id: row.id,
    tenant: row.tenant,
    name: row.name,
    role: row.role,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}
