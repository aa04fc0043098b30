/**
 * The audit log's public shape. Every part that records a decision depends on this interface only;
 * the hash chain and its storage live behind it.
 */

/** What a caller records. `data` holds rule ids, JSON paths, lengths and salted hashes — never values. */
export interface AuditEventInput {
  /** Dotted event type: `session.start`, `message.request`, `config.change`, `sandbox.start`, … */
  type: string;
  tenant?: string;
  server?: string;
  session?: string;
  /** Who caused it: a token id, `cli`, `system`. */
  actor?: string;
  data?: Record<string, unknown>;
}

/** A stored entry of the chain. */
export interface AuditRecord {
  tenant: string;
  seq: number;
  ts: string;
  type: string;
  server: string | null;
  session: string | null;
  actor: string | null;
  data: Record<string, unknown>;
  /** SHA-256 (hex) of the previous entry's hash; 64 zeros for the first entry of a tenant. */
  prevHash: string;
  /** SHA-256 (hex) of prevHash and this entry's canonical JSON. */
  hash: string;
}

/**
 * Failure contract: `append` rejects when the entry could not be durably added to the chain. Callers
 * must treat a rejection as a refusal of whatever they were about to do (fail closed).
 */
export interface AuditLog {
  append(event: AuditEventInput): Promise<AuditRecord>;
  /**
   * Optional: commits on the caller's stack when the store allows it cheaply; null when the event
   * must go through `append` instead. Throws when the entry was not committed (fail closed).
   */
  appendNow?(event: AuditEventInput): AuditRecord | null;
}
