/**
 * The migration registry: every migration of every part, in the order they run.
 *
 * To add one: create `src/<part>/migrations/NNNN_<what>.ts` (or a file here) exporting a
 * `StoreMigration`, import it below and append it to the END of the array. Never reorder, rename or
 * remove an entry that has shipped: names are recorded in the database. See src/store/README.md.
 */
import type { StoreMigration } from '../migrate.js';
import { storeCore } from './0001_store_core.js';
import { auditChain } from './0002_audit.js';
import { vaultSecrets } from '../../vault/migrations/0003_vault_secrets.js';
import { vulnsTables } from '../../vulns/migrations/0004_vulns.js';
import { toolPinsTables } from '../../gateway/pins/migration.js';

export const migrations: readonly StoreMigration[] = [
  storeCore,
  auditChain,
  vaultSecrets,
  vulnsTables,
  toolPinsTables,
];
