/**
 * API tokens. A token is shown once, when created; the database keeps only its SHA-256, so a copy of
 * the database does not let anyone authenticate.
 *
 * Tokens carry 256 bits of randomness, so a plain (unsalted) SHA-256 is the right storage: there is
 * nothing to brute-force, and a deterministic hash allows an indexed lookup.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { Database } from './schema.js';
import { sqliteHandle } from './sqlite.js';
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
  const row = await tokenRowByHash(store, hash);
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

type TokenRow = Selectable<Database['api_tokens']>;
const sqliteLookups = new WeakMap<object, BetterSqlite3.Statement>();

/** On SQLite a prepared statement run in place (a few microseconds: it is on every gateway request). */
async function tokenRowByHash(store: Store, hash: string): Promise<TokenRow | undefined> {
  const raw = store.dialect === 'sqlite' ? sqliteHandle(store.db) : undefined;
  if (raw && !raw.inTransaction) {
    let stmt = sqliteLookups.get(raw);
    if (!stmt) {
      stmt = raw.prepare('SELECT * FROM api_tokens WHERE token_hash = ?');
      sqliteLookups.set(raw, stmt);
    }
    return stmt.get(hash) as TokenRow | undefined;
  }
  return store.db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
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

/**
 * verifyToken with a short memory of tokens it accepted (PostgreSQL only), so a gateway does not
 * make a database round trip on every request of a busy session. Only acceptances are remembered, never refusals, and each for at
 * most `ttlMs`: a token revoked with `airlock tokens revoke` (from any process or replica) stops
 * working within that time. The memory is keyed by the token's hash, never the token.
 *
 * Failure contract: as verifyToken — rejects when the database cannot be read and nothing
 * remembered vouches for the token; the caller refuses the request.
 */
export function cachedTokenVerifier(store: Store, ttlMs = 2000): (token: string) => Promise<ApiToken | null> {
  // SQLite answers in microseconds on the same machine: no memory, so a revocation is immediate.
  if (store.dialect === 'sqlite') return (token) => verifyToken(store, token);
  const accepted = new Map<string, { token: ApiToken; until: number }>();
  return async (token) => {
    if (!TOKEN_PATTERN.test(token)) return null;
    const hash = hashToken(token);
    const now = Date.now();
    const hit = accepted.get(hash);
    if (hit && hit.until > now) return hit.token;
    accepted.delete(hash);
    const verified = await verifyToken(store, token);
    if (verified) {
      // Bounded: a flood of distinct valid tokens cannot grow it without limit.
      if (accepted.size >= 10_000) accepted.clear();
      accepted.set(hash, { token: verified, until: now + ttlMs });
    }
    return verified;
  };
}
