/**
 * The vault's table, as Kysely sees it. Binary values (ciphertext, nonce, wrapped key) are stored as
 * base64 text so the same schema and queries work on SQLite and PostgreSQL. No column ever holds a
 * plaintext value or an unwrapped key.
 */

// Type aliases (not interfaces) so they satisfy Kysely's `withTables<T extends Record<…>>`.
export type SecretsTable = {
  tenant: string;
  name: string;
  version: number;
  /** base64 of AES-256-GCM ciphertext || tag; empty once the version is deleted. */
  ciphertext: string;
  /** base64 of the 96-bit nonce; empty once deleted. */
  nonce: string;
  /** base64 of the data key wrapped by the KEK `kek_id`; empty once deleted (the key is destroyed). */
  wrapped_key: string;
  kek_id: string;
  created_at: string;
  created_by: string;
  deleted_at: string | null;
};

export type VaultTables = {
  secrets: SecretsTable;
};
