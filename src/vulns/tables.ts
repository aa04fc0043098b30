/** Kysely table types for the vulnerability guard; reached with `store.db.withTables<VulnTables>()`. */

export interface VulnAdvisoriesTable {
  id: string;
  modified: string;
  published: string | null;
  withdrawn: string | null;
  /** 1 for MAL- records. */
  malicious: number;
  severity: string;
  summary: string;
  /** JSON array of alias ids. */
  aliases: string;
  /** The validated OSV record as JSON text. */
  record: string;
  source: string;
  imported_at: string;
}

export interface VulnAffectedTable {
  advisory_id: string;
  ecosystem: string;
  /** Normalised as OSV keys it (PEP 503 for PyPI). */
  name: string;
  /** JSON array of the record's `affected` entries for this package (what matching needs). */
  affected: string;
}

export interface VulnFeedsTable {
  source: string;
  kind: string;
  imported_at: string;
  newest_modified: string | null;
  records: number;
  changed: number;
  invalid: number;
}

export interface VulnQuarantineTable {
  tenant: string;
  server: string;
  state: string;
  /** JSON array of QuarantineReason. */
  reasons: string;
  since: string;
  updated_at: string;
  override_reason: string | null;
  override_by: string | null;
  override_expires: string | null;
}

export type VulnTables = {
  vuln_advisories: VulnAdvisoriesTable;
  vuln_affected: VulnAffectedTable;
  vuln_feeds: VulnFeedsTable;
  vuln_quarantine: VulnQuarantineTable;
};
