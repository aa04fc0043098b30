/**
 * Tool contract pins, as Kysely sees them. `tool_pins` holds what an operator approved (or what the
 * first tools/list showed); `tool_observations` holds what the server listed most recently, so that
 * `airlock servers diff` and `approve` work from any replica, without a live session.
 */
export type ToolPinsTable = {
  tenant: string;
  server: string;
  name: string;
  hash: string;
  /** Canonical JSON of the approved contract. */
  contract: string;
  approved_at: string;
  approved_by: string;
};

export type ToolObservationsTable = {
  tenant: string;
  server: string;
  /** toolSetHash of the listing. */
  set_hash: string;
  /** JSON array of the listed tools' contracts. */
  tools: string;
  seen_at: string;
};

export type PinTables = {
  tool_pins: ToolPinsTable;
  tool_observations: ToolObservationsTable;
};
