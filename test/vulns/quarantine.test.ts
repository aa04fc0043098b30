import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { createAuditLog, lastEntries } from '../../src/audit/index.js';
import type { AuditLog } from '../../src/audit/types.js';
import {
  admission,
  AdvisoryIndex,
  applyEvaluation,
  evaluate,
  getQuarantineState,
  inventoryNpmLockfile,
  overrideQuarantine,
  QuarantinedError,
  typosquatTarget,
  validateOsv,
  type Inventory,
  type OsvRecord,
} from '../../src/vulns/index.js';
import { postgresFactory, sqliteFactory, type StoreFactory } from './stores.js';

const LOCK = path.resolve('test/vulns/fixtures/lock-multi/package-lock.json');

function rec(v: unknown): OsvRecord {
  const r = validateOsv(v);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.record;
}

function inv(pkgs: [string, string][]): Inventory {
  return {
    source: { kind: 'npm-lockfile', path: 'x' },
    root: null,
    unidentified: [],
    packages: pkgs.map(([name, version]) => ({ ecosystem: 'npm', name, version, purl: `pkg:npm/${name}@${version}`, location: `node_modules/${name}` })),
  };
}

const index = new AdvisoryIndex();
index.add(rec({ id: 'GHSA-high-high-high', modified: '2025-01-01T00:00:00Z', aliases: ['CVE-2025-0001'], database_specific: { severity: 'HIGH' }, affected: [{ package: { ecosystem: 'npm', name: 'lib-a' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.0.0' }] }] }] }));
index.add(rec({ id: 'GHSA-medi-umum-medi', modified: '2025-01-01T00:00:00Z', database_specific: { severity: 'MODERATE' }, affected: [{ package: { ecosystem: 'npm', name: 'lib-b' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.5.0' }] }] }] }));
index.add(rec({ id: 'GHSA-unkn-ownn-unkn', modified: '2025-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'npm', name: 'lib-c' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }] }] }));

test('severity threshold, unknown severity and ignores', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  assert.equal(evaluate({ ok: true, inventory: inv([['lib-b', '1.0.0']]) }, index).quarantined, false, 'medium is below the default');
  assert.equal(evaluate({ ok: true, inventory: inv([['lib-b', '1.0.0']]) }, index, { minSeverity: 'medium' }).quarantined, true);
  assert.equal(evaluate({ ok: true, inventory: inv([['lib-c', '1.0.0']]) }, index).quarantined, true, 'unknown severity counts as high');
  assert.equal(evaluate({ ok: true, inventory: inv([['lib-c', '1.0.0']]) }, index, { unknownSeverityAs: 'low' }).quarantined, false);
  const ignore = [{ advisoryId: 'CVE-2025-0001', reason: 'not reachable', expires: '2026-02-01T00:00:00Z' }];
  assert.equal(evaluate({ ok: true, inventory: inv([['lib-a', '1.0.0']]) }, index, { ignore }, now).quarantined, false);
  assert.equal(evaluate({ ok: true, inventory: inv([['lib-a', '1.0.0']]) }, index, { ignore }, new Date('2026-03-01T00:00:00Z')).quarantined, true, 'an expired ignore no longer applies');
  assert.equal(evaluate({ ok: true, inventory: inv([['lib-a', '2.0.0']]) }, index).quarantined, false);
});

test('an unreadable inventory quarantines', () => {
  const ev = evaluate({ ok: false, error: 'ENOENT: node_modules missing' }, index);
  assert.equal(ev.quarantined, true);
  assert.equal(ev.reasons[0].kind, 'inventory-unreadable');
  assert.match(ev.reasons[0].detail, /ENOENT/);
});

test('supply-chain signals: reported always, quarantining where configured', async () => {
  const inventory = await inventoryNpmLockfile(LOCK);
  const ev = evaluate({ ok: true, inventory }, new AdvisoryIndex());
  assert.deepEqual(ev.reasons.map((r) => [r.kind, r.package]), [['security-placeholder', 'evil-pkg']], 'placeholder quarantines by default');
  assert.equal(ev.signals.length, 4);
  const strict = evaluate({ ok: true, inventory }, new AdvisoryIndex(), { quarantineOnInstallScripts: true, quarantineOnTyposquat: true, quarantineOnNotFromRegistry: true });
  assert.deepEqual(strict.reasons.map((r) => r.kind).sort(), ['install-script', 'not-from-registry', 'security-placeholder', 'typosquat']);
});

test('typosquat detection: near names, scope look-alikes; not siblings in one scope', () => {
  assert.equal(typosquatTarget('npm', 'mcp-remotee'), 'mcp-remote');
  assert.equal(typosquatTarget('npm', '@modelcontextprotocoI/sdk'), '@modelcontextprotocol/sdk');
  assert.equal(typosquatTarget('npm', '@modelcontextprotocol/server-filesystem'), null);
  assert.equal(typosquatTarget('npm', '@modelcontextprotocol/server-gitlab2'), null, 'same scope: published by its owner');
  assert.equal(typosquatTarget('npm', 'express'), null);
  assert.equal(typosquatTarget('PyPI', 'mcp_server_fetch'), null, 'PEP 503 normalisation: the same name');
  assert.equal(typosquatTarget('PyPI', 'mcp-server-fecth'), 'mcp-server-fetch');
});

for (const make of [sqliteFactory, postgresFactory]) {
  describe(`quarantine state (${make === sqliteFactory ? 'sqlite' : 'postgres'})`, () => {
    let f: StoreFactory;
    before(async () => {
      f = await make();
    });
    after(async () => {
      await f.shutdown();
    });

    test('override with reason and expiry lets the server run until it expires; all audited', async () => {
      const store = await f.open();
      const audit = createAuditLog(store);
      let t = new Date('2026-01-01T00:00:00Z');
      const now = () => t;
      const bad = evaluate({ ok: true, inventory: inv([['lib-a', '1.0.0']]) }, index);
      await applyEvaluation(store, 'srv', bad, { audit, now });
      await assert.rejects(admission(store, 'srv', { now }), (e: unknown) => e instanceof QuarantinedError && /GHSA-high-high-high \(CVE-2025-0001\), high: lib-a@1\.0\.0; fixed in 2\.0\.0/.test((e as Error).message));
      await assert.rejects(overrideQuarantine(store, 'srv', { reason: ' ', expires: '2026-01-02T00:00:00Z', by: 'admin' }, { audit, now }), /needs a reason/);
      await assert.rejects(overrideQuarantine(store, 'srv', { reason: 'x', expires: '2025-12-31T00:00:00Z', by: 'admin' }, { audit, now }), /future/);
      await assert.rejects(overrideQuarantine(store, 'srv', { reason: 'x', expires: '2026-06-01T00:00:00Z', by: 'admin' }, { audit, now }), /at most 90 days/);
      const o = await overrideQuarantine(store, 'srv', { reason: 'vendor patch applied locally', expires: '2026-01-08T00:00:00Z', by: 'tok_admin' }, { audit, now });
      assert.equal(o.state, 'overridden');
      await admission(store, 'srv', { now });
      // A re-evaluation with the same finding keeps the override.
      await applyEvaluation(store, 'srv', bad, { audit, now });
      await admission(store, 'srv', { now });
      t = new Date('2026-01-09T00:00:00Z');
      await assert.rejects(admission(store, 'srv', { now }), QuarantinedError);
      assert.equal((await getQuarantineState(store, 'srv', { now }))?.state, 'quarantined');
      const entries = await lastEntries(store, 'default', 10);
      const ov = entries.find((e) => e.type === 'vulns.quarantine.override');
      assert.ok(ov);
      assert.equal(ov.actor, 'tok_admin');
      assert.equal(ov.data.reason, 'vendor patch applied locally');
      await audit.close();
    });

    test('fail closed on audit failure: quarantine still takes effect, release does not happen', async () => {
      const store = await f.open();
      const refusing: AuditLog = { append: () => Promise.reject(new Error('disk full')) };
      const bad = evaluate({ ok: true, inventory: inv([['lib-a', '1.0.0']]) }, index);
      await assert.rejects(applyEvaluation(store, 'srv2', bad, { audit: refusing }), /audit log refused/);
      await assert.rejects(admission(store, 'srv2'), QuarantinedError);
      const good = evaluate({ ok: true, inventory: inv([['lib-a', '2.0.0']]) }, index);
      await assert.rejects(applyEvaluation(store, 'srv2', good, { audit: refusing }), /audit log refused/);
      await assert.rejects(admission(store, 'srv2'), QuarantinedError, 'still quarantined: the release was not audited');
      const audit = createAuditLog(store);
      await applyEvaluation(store, 'srv2', good, { audit });
      await admission(store, 'srv2');
      await audit.close();
    });

    test('a webhook failure is audited and does not undo the quarantine', async () => {
      const store = await f.open();
      const audit = createAuditLog(store);
      const bad = evaluate({ ok: true, inventory: inv([['lib-a', '1.0.0']]) }, index);
      await applyEvaluation(store, 'srv3', bad, { audit, notify: () => Promise.reject(new Error('connection refused')) });
      await assert.rejects(admission(store, 'srv3'), QuarantinedError);
      const types = (await lastEntries(store, 'default', 5)).map((e) => e.type);
      assert.deepEqual(types.slice(-2), ['vulns.quarantine', 'vulns.notify.failed']);
      await audit.close();
    });
  });
}

describe('scheduled feed refresh', () => {
  let f: StoreFactory;
  before(async () => {
    f = await sqliteFactory();
  });
  after(async () => {
    await f.shutdown();
  });

  test('a failing source is audited as an error and the missing feed as stale; a good one triggers re-evaluation', async () => {
    const { refreshFeedOnce } = await import('../../src/vulns/index.js');
    const store = await f.open();
    const audit = createAuditLog(store);
    let updated = 0;
    const bad = await refreshFeedOnce({ store, audit, source: path.resolve('test/fixtures/osv/missing.zip'), onUpdated: async () => void updated++ });
    assert.equal(bad, null);
    const types = (await lastEntries(store, 'default', 5)).map((e) => e.type);
    assert.deepEqual(types, ['vulns.feed.error', 'vulns.feed.stale']);
    const good = await refreshFeedOnce({ store, audit, source: path.resolve('test/fixtures/osv/feed'), onUpdated: async () => void updated++ });
    assert.equal(good?.added, 6);
    assert.equal(updated, 1);
    const again = await refreshFeedOnce({ store, audit, source: path.resolve('test/fixtures/osv/feed'), onUpdated: async () => void updated++ });
    assert.equal(again?.unchanged, 6);
    assert.equal(updated, 1, 'nothing changed: no re-evaluation');
    await audit.close();
  });
});

test('configuration: defaults, and invalid ignore entries are refused', async () => {
  const { vulnsConfigSchema, quarantinePolicyFromConfig } = await import('../../src/vulns/index.js');
  const cfg = vulnsConfigSchema.parse({});
  assert.equal(cfg.minSeverity, 'high');
  assert.equal(cfg.feed.refreshHours, 24);
  assert.match(cfg.feed.sources[0], /\/npm\/all\.zip$/);
  assert.equal(quarantinePolicyFromConfig(cfg).quarantineOnSecurityPlaceholder, true);
  assert.equal(vulnsConfigSchema.safeParse({ ignore: [{ advisoryId: 'GHSA-x', reason: 'x', expires: 'soon' }] }).success, false);
  assert.equal(vulnsConfigSchema.safeParse({ ignore: [{ advisoryId: 'GHSA-x', expires: '2027-01-01T00:00:00Z' }] }).success, false, 'an ignore needs a reason');
});

describe('guard loop', () => {
  let f: StoreFactory;
  before(async () => {
    f = await sqliteFactory();
  });
  after(async () => {
    await f.shutdown();
  });

  test('each server is inventoried and evaluated; an unreadable one is quarantined, not skipped', async () => {
    const { guardServers, importFeed, formatCheckReport, vulnsCheck } = await import('../../src/vulns/index.js');
    const store = await f.open();
    const audit = createAuditLog(store);
    await importFeed(store, path.resolve('test/fixtures/osv/feed'));
    const results = await guardServers(
      store,
      [
        { name: 'locked', source: { lockfile: LOCK } },
        { name: 'python', source: { pythonSite: path.resolve('test/vulns/fixtures/site-packages') } },
        { name: 'gone', source: { npmDir: path.resolve('test/vulns/fixtures/does-not-exist') } },
      ],
      { audit },
    );
    assert.deepEqual(results.map((r) => [r.server, r.state?.state]), [['locked', 'quarantined'], ['python', 'quarantined'], ['gone', 'quarantined']]);
    assert.equal(results[2].evaluation.reasons[0].kind, 'inventory-unreadable');
    assert.deepEqual(results[0].evaluation.reasons.map((r) => r.advisoryId ?? r.kind), ['MAL-2025-0001', 'GHSA-6xpm-ggf7-wc3p', 'security-placeholder']);
    const report = formatCheckReport(await vulnsCheck(store, { lockfile: LOCK }));
    assert.match(report, /MALICIOUS {2}postmark-mcp@1\.0\.17 {2}MAL-2025-0001/);
    assert.match(report, /critical {2}mcp-remote@0\.1\.15 {2}GHSA-6xpm-ggf7-wc3p \(CVE-2025-6514\) {2}fixed in 0\.1\.16/);
    await audit.close();
  });
});
