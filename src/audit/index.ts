export type { AuditEventInput, AuditLog, AuditRecord } from './types.js';
export { AuditAppendError, ChainedAuditLog, createAuditLog, DEFAULT_TENANT, type AuditLogOptions, type Checkpoint } from './log.js';
export { verifyChain, type VerifyResult, type VerifyOptions } from './verify.js';
export { exportJsonl, type ExportSummary } from './export.js';
export { lastEntries, tailEntries } from './tail.js';
export { findingForAudit, type AuditFinding } from './findings.js';
export { loadOrCreateSigner, loadOrCreateAuditSalt, loadLocalPublicKey, type AuditSigner } from './signing.js';
export { canonicalJson } from './canonicalJson.js';
export { auditVerify, auditTail, auditExport, auditPublicKey, type AuditCliContext } from './cli.js';

import type { Store } from '../store/types.js';
import { createAuditLog, type ChainedAuditLog } from './log.js';
import { loadOrCreateSigner } from './signing.js';

/**
 * The audit log a gateway or `airlock run` process should use: chained, group-committed, with
 * checkpoints signed by $AIRLOCK_HOME/audit-signing.key every `checkpointEvery` entries.
 */
export function openAuditLog(store: Store, home: string, opts: { checkpointEvery?: number } = {}): ChainedAuditLog {
  return createAuditLog(store, { signer: loadOrCreateSigner(home), checkpointEvery: opts.checkpointEvery });
}
