/**
 * Kysely table types for the tables the store and audit parts own. Other parts describe their own
 * tables in their own folder and reach them with `store.db.withTables<TheirTables>()`, so this file
 * never has to know about them (see README.md).
 *
 * Conventions shared by both dialects: timestamps are ISO-8601 UTC text, JSON is text, integers that
 * can grow without bound are `bigint` (returned as JS numbers; see postgres.ts).
 */
import type { ColumnType } from 'kysely';

export interface TenantsTable {
  id: string;
  name: string;
  created_at: string;
}

export interface ApiTokensTable {
  id: string;
  tenant: string;
  name: string;
  role: string;
  /** SHA-256 (hex) of the plaintext token. The plaintext is never stored. */
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditEventsTable {
  tenant: string;
  seq: number;
  ts: string;
  type: string;
  server: string | null;
  session: string | null;
  actor: string | null;
  /** Canonical JSON of the event's data. */
  data: string;
  prev_hash: string;
  hash: string;
}

/** One row per tenant: the last appended entry. Appends lock this row to serialise writers. */
export interface AuditHeadsTable {
  tenant: string;
  seq: number;
  hash: string;
  updated_at: string;
}

export interface AuditCheckpointsTable {
  tenant: string;
  seq: number;
  hash: string;
  /** Ed25519 signature (base64) over canonicalJson({tenant, seq, hash}). */
  signature: string;
  /** SHA-256 (hex) of the signing public key in SPKI DER form. */
  key_id: string;
  created_at: string;
}

export interface ConfigVersionsTable {
  tenant: string;
  version: number;
  sha256: string;
  yaml: string;
  created_at: string;
  actor: string | null;
}

export interface MigrationsTable {
  name: string;
  applied_at: ColumnType<string, string, never>;
}

export interface Database {
  tenants: TenantsTable;
  api_tokens: ApiTokensTable;
  audit_events: AuditEventsTable;
  audit_heads: AuditHeadsTable;
  audit_checkpoints: AuditCheckpointsTable;
  config_versions: ConfigVersionsTable;
  airlock_migrations: MigrationsTable;
}

