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
import { saveConfigVersion } from '../store/configVersions.js';
import { buildInspectors } from './engines.js';
import { openVault, type SecretVault } from '../vault/index.js';
import { ToolCatalog } from './tool-catalog.js';
import { PinRepository } from './pins/repository.js';
import { QuarantineWatch } from './quarantine-watch.js';
import type { WarmPool } from '../sandbox/index.js';

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
  /** Warm pools of booted sandboxes, per server (`sandbox.warm`). */
  pools: Map<string, WarmPool>;
  /** Quarantine state of every server, kept fresh in memory. */
  quarantine: QuarantineWatch;
  /** Tools of every configured server, for shadowing checks. */
  tools: ToolCatalog;
  /**
   * Re-reads the configuration file and applies it in place: new sessions and every open session's
   * next message use the new policy. Gateway address changes need a restart. Rejects (keeping the
   * old policy) when the new file is invalid.
   */
  reload(actor: string): Promise<{ changed: boolean; version?: number }>;
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
  const configPath = o.configPath ?? join(o.home, 'airlock.yaml');
  let current = loaded;
  const pools = new Map<string, WarmPool>();
  return {
    pools,
    async reload(actor: string) {
      const next = loadConfig(configPath);
      if (next.sha256 === current.sha256) return { changed: false };
      const fresh = buildPipeline(next.config, auditSalt);
      fresh.warmUp();
      const tenant = current.config.gateway.tenant;
      const saved = await saveConfigVersion(store, { tenant, yaml: next.source, actor });
      await audit.append({ type: 'config.change', tenant, actor, data: { version: saved.version.version, sha256: saved.version.sha256, via: 'reload' } });
      // In place, so every holder of `config` (the gateway's routes, egress policy getters) sees it.
      const target = current.config as Record<string, unknown>;
      for (const [k, v] of Object.entries(next.config)) if (k !== 'gateway') target[k] = v;
      pipeline.replace(fresh.options);
      current = { ...next, config: current.config };
      return { changed: true, version: saved.version.version };
    },
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
      await Promise.all([...pools.values()].map((p) => p.close()));
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
