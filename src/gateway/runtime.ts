/**
 * What every front end needs once per process: the data directory, the configuration, the store,
 * the audit log and the inspection pipeline built from the policy.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openAuditLog, loadOrCreateAuditSalt, type ChainedAuditLog } from '../audit/index.js';
import type { AuditLog } from '../audit/types.js';
import { Pipeline } from '../inspect/pipeline.js';
import { loadConfig, type LoadedConfig } from '../policy/load.js';
import type { AirlockConfig } from '../policy/schema.js';
import { openStore, type Store } from '../store/index.js';
import { buildInspectors } from './engines.js';
import { openVault, type SecretVault } from '../vault/index.js';
import { ToolCatalog } from './tool-catalog.js';
import { PinRepository } from './pins/repository.js';
import { QuarantineWatch } from './quarantine-watch.js';

export interface RuntimeOptions {
  home: string;
  /** Path of airlock.yaml; defaults to $AIRLOCK_HOME/airlock.yaml when it exists. */
  configPath?: string;
  databaseUrl?: string;
}

export interface Runtime {
  home: string;
  loaded: LoadedConfig;
  config: AirlockConfig;
  store: Store;
  audit: ChainedAuditLog;
  auditSalt: string;
  pipeline: Pipeline;
  /** Quarantine state of every server, kept fresh in memory. */
  quarantine: QuarantineWatch;
  /** Tools of every configured server, for shadowing checks. */
  tools: ToolCatalog;
  /** The vault, opened on first use (most runs reference no secret). */
  vault(): Promise<SecretVault>;
  close(): Promise<void>;
}

export async function openRuntime(o: RuntimeOptions): Promise<Runtime> {
  mkdirSync(o.home, { recursive: true, mode: 0o700 });
  const loaded = loadConfig(o.configPath ?? join(o.home, 'airlock.yaml'));
  const store = await openStore({ home: o.home, ...(o.databaseUrl ? { databaseUrl: o.databaseUrl } : {}) });
  const audit = openAuditLog(store, o.home);
  const auditSalt = loadOrCreateAuditSalt(o.home);
  const pipeline = buildPipeline(loaded.config, auditSalt);
  let vault: Promise<SecretVault> | null = null;
  const tools = new ToolCatalog();
  const pins = new PinRepository(store);
  for (const name of Object.keys(loaded.config.servers)) {
    const seen = await pins.observation(loaded.config.gateway.tenant, name);
    if (seen) tools.set(name, seen.tools.map((t) => t.name));
  }
  const quarantine = new QuarantineWatch(store, loaded.config.gateway.tenant);
  return {
    quarantine,
    tools,
    vault: () => (vault ??= openVault({ home: o.home, db: store.db, forgetEnvKey: true })),
    home: o.home,
    loaded,
    config: loaded.config,
    store,
    audit,
    auditSalt,
    pipeline,
    async close() {
      quarantine.stop();
      await audit.close();
      await store.close();
    },
  };
}

export function buildPipeline(config: AirlockConfig, auditSalt: string): Pipeline {
  return new Pipeline({
    inspectors: buildInspectors(config),
    rules: config.inspect.rules,
    maxDepth: config.gateway.maxDepth,
    auditSalt,
  });
}

export type { AuditLog };
