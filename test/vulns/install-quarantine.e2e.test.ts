/**
 * End to end with a real, old, vulnerable server from the npm registry: mcp-remote@0.1.15
 * (CVE-2025-6514). Installed pinned with scripts disabled, inventoried, matched against the fixture
 * feed, quarantined (error text, audit entry, webhook), then upgraded to 0.1.16 and released.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAuditLog, lastEntries } from '../../src/audit/index.js';
import {
  admission,
  applyEvaluation,
  evaluate,
  exportSbom,
  importFeed,
  installServer,
  loadIndex,
  QuarantinedError,
  quarantineAdmitHook,
  serversInventory,
  upgradeServer,
  verifyInstall,
  AdvisoryIndex,
  webhookNotifier,
  type QuarantineEvent,
} from '../../src/vulns/index.js';
import { postgresFactory, sqliteFactory, type StoreFactory } from './stores.js';

const FEED = path.resolve('test/fixtures/osv/feed');

describe('install → quarantine → upgrade → release (mcp-remote from the npm registry)', () => {
  let work: string;
  let prefix: string;
  let hook: Server;
  let hookUrl: string;
  const received: QuarantineEvent[] = [];
  const factories: StoreFactory[] = [];

  before(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'airlock-install-'));
    prefix = path.join(work, 'servers', 'remote');
    hook = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    hookUrl = `http://127.0.0.1:${(hook.address() as { port: number }).port}/hook`;
    factories.push(await sqliteFactory(), await postgresFactory());
  });
  after(async () => {
    hook.close();
    for (const f of factories) await f.shutdown();
    await rm(work, { recursive: true, force: true });
  });

  test('full lifecycle on SQLite and PostgreSQL', { timeout: 600_000 }, async () => {
    const pin = await installServer({ prefix, spec: 'mcp-remote@0.1.15' });
    assert.equal(pin.version, '0.1.15');
    assert.match(pin.integrity, /^sha512-/);
    assert.deepEqual(await verifyInstall(prefix), pin);

    const inventory = await serversInventory(prefix);
    const copies = inventory.packages.filter((p) => p.name === 'mcp-remote');
    assert.deepEqual(copies.map((p) => p.version), ['0.1.15']);
    assert.ok(inventory.packages.some((p) => p.name === 'express'), 'the whole tree is inventoried, not just the top package');
    assert.ok(inventory.packages.length > 50);

    // Without advisories nothing stops this server: the feed is what catches it.
    assert.equal(evaluate({ ok: true, inventory }, new AdvisoryIndex()).quarantined, false);

    for (const f of factories) {
      received.length = 0;
      const store = await f.open();
      const audit = createAuditLog(store);
      await importFeed(store, FEED, { audit });
      const index = await loadIndex(store);

      const ev = evaluate({ ok: true, inventory }, index);
      assert.equal(ev.quarantined, true, f.dialect);
      const r = ev.reasons.find((x) => x.advisoryId === 'GHSA-6xpm-ggf7-wc3p');
      assert.ok(r);
      assert.deepEqual([r.package, r.version, r.fixed, r.severity], ['mcp-remote', '0.1.15', '0.1.16', 'critical']);
      assert.ok(!ev.reasons.some((x) => x.advisoryId === 'GHSA-lowl-oooo-wwww'), 'low severity is below the default threshold');
      assert.ok(ev.matches.some((x) => x.advisoryId === 'GHSA-lowl-oooo-wwww'), 'but it is still reported as a match');

      await applyEvaluation(store, 'remote', ev, { audit, notify: webhookNotifier(hookUrl) });
      const err = await admission(store, 'remote').then(
        () => null,
        (e: unknown) => e,
      );
      assert.ok(err instanceof QuarantinedError);
      assert.match(err.message, /GHSA-6xpm-ggf7-wc3p \(CVE-2025-6514\), critical: mcp-remote@0\.1\.15; fixed in 0\.1\.16/);
      assert.equal(err.code, -32002);
      const hook = quarantineAdmitHook(store, 'remote', { cacheMs: 0 });
      const refusal = await hook();
      assert.equal(refusal?.code, -32002);
      assert.match(refusal?.message ?? '', /mcp-remote@0\.1\.15; fixed in 0\.1\.16/);
      assert.equal(received.length, 1);
      assert.equal(received[0].type, 'vulns.quarantine');

      const entries = await lastEntries(store, 'default', 20);
      const q = entries.find((e) => e.type === 'vulns.quarantine');
      assert.ok(q);
      assert.equal(q.server, 'remote');
      assert.deepEqual((q.data.reasons as { advisoryId: string }[]).map((x) => x.advisoryId), ['GHSA-6xpm-ggf7-wc3p']);
      await audit.close();
    }

    // An upgrade that cannot be audited does not happen.
    const refusing = { append: () => Promise.reject(new Error('audit store unavailable')) };
    await assert.rejects(upgradeServer({ prefix, to: '0.1.16', audit: refusing }), /audit store unavailable/);
    assert.equal((await verifyInstall(prefix)).version, '0.1.15');

    const upgradeStore = await factories[0].open();
    const upgradeAudit = createAuditLog(upgradeStore);
    const { from, to } = await upgradeServer({ prefix, to: '0.1.16', audit: upgradeAudit, server: 'remote', actor: 'tok_admin' });
    assert.equal(from.version, '0.1.15');
    assert.equal(to.version, '0.1.16');
    const up = (await lastEntries(upgradeStore, 'default', 1))[0];
    assert.equal(up.type, 'servers.upgrade');
    assert.deepEqual([up.server, up.actor, up.data.fromVersion, up.data.version], ['remote', 'tok_admin', '0.1.15', '0.1.16']);
    await upgradeAudit.close();
    const after = await serversInventory(prefix);
    assert.deepEqual(after.packages.filter((p) => p.name === 'mcp-remote').map((p) => p.version), ['0.1.16']);

    for (const f of factories) {
      received.length = 0;
      const store = await f.open();
      const audit = createAuditLog(store);
      await importFeed(store, FEED, { audit });
      const index = await loadIndex(store);
      // A fresh database: first quarantine on the old inventory, then release on the new one.
      await applyEvaluation(store, 'remote', evaluate({ ok: true, inventory }, index), { audit, notify: webhookNotifier(hookUrl) });
      const released = await applyEvaluation(store, 'remote', evaluate({ ok: true, inventory: after }, index), { audit, notify: webhookNotifier(hookUrl) });
      assert.equal(released.state, 'released', f.dialect);
      await admission(store, 'remote');
      assert.equal(await quarantineAdmitHook(store, 'remote', { cacheMs: 0 })(), null);
      assert.deepEqual(received.map((e) => e.type), ['vulns.quarantine', 'vulns.release']);
      const types = (await lastEntries(store, 'default', 5)).map((e) => e.type);
      assert.equal(types.at(-1), 'vulns.release');
      await audit.close();
    }

    const bom = (await exportSbom(prefix, 'remote')) as { specVersion: string; components: { purl: string }[] };
    assert.equal(bom.specVersion, '1.6');
    assert.ok(bom.components.some((c) => c.purl === 'pkg:npm/mcp-remote@0.1.16'));

    // The pin holds: a lockfile edited after pinning is refused.
    const lock = path.join(prefix, 'package-lock.json');
    await writeFile(lock, (await readFile(lock, 'utf8')).replace('"0.1.16"', '"0.1.17"'));
    await assert.rejects(verifyInstall(prefix), /package-lock\.json changed since mcp-remote@0\.1\.16 was pinned/);
  });
});
