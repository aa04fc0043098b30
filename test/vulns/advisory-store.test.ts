import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAuditLog, lastEntries } from '../../src/audit/index.js';
import { feedStatus, importFeed, loadIndex, loadIndexFor } from '../../src/vulns/advisory-store.js';
import { postgresFactory, sqliteFactory, type StoreFactory } from './stores.js';

const FIX = path.resolve('test/fixtures/osv');

for (const make of [sqliteFactory, postgresFactory]) {
  describe(`advisory store (${make === sqliteFactory ? 'sqlite' : 'postgres'})`, () => {
    let f: StoreFactory;
    before(async () => {
      f = await make();
    });
    after(async () => {
      await f.shutdown();
    });

    test('imports a directory feed, indexes by package, ignores withdrawn records', async () => {
      const store = await f.open();
      const r = await importFeed(store, path.join(FIX, 'feed'));
      assert.equal(r.records, 6);
      assert.equal(r.added, 6);
      assert.equal(r.withdrawn, 1);
      assert.deepEqual(r.invalid, []);
      const index = await loadIndex(store);
      assert.equal(index.size, 5, 'the withdrawn record is not loaded');
      const m = index.match({ ecosystem: 'npm', name: 'mcp-remote', version: '0.1.15' });
      assert.deepEqual(m.map((x) => [x.advisoryId, x.fixed, x.severity]), [['GHSA-6xpm-ggf7-wc3p', '0.1.16', 'critical']]);
      const py = index.match({ ecosystem: 'PyPI', name: 'MCP_Server_Fetch', version: '0.6.1' });
      assert.equal(py[0]?.advisoryId, 'PYSEC-2025-0001');
      const subset = await loadIndexFor(store, [{ ecosystem: 'npm', name: 'postmark-mcp' }]);
      assert.equal(subset.size, 1);
      assert.equal(subset.match({ ecosystem: 'npm', name: 'postmark-mcp', version: '1.0.18' })[0]?.malicious, true);
    });

    test('all.zip import skips invalid records with an audit entry; re-import is incremental', async () => {
      const store = await f.open();
      const audit = createAuditLog(store);
      const first = await importFeed(store, path.join(FIX, 'all.zip'), { audit, actor: 'cli' });
      assert.equal(first.added, 6);
      assert.equal(first.invalid.length, 1);
      assert.equal(first.invalid[0].id, 'GHSA-bad0-bad0-bad0');
      assert.match(first.invalid[0].errors.join(' '), /introduced/);
      const again = await importFeed(store, path.join(FIX, 'all.zip'), { audit, actor: 'cli' });
      assert.equal(again.added + again.updated, 0);
      assert.equal(again.unchanged, 6);
      const entries = await lastEntries(store, 'default', 10);
      const invalid = entries.filter((e) => e.type === 'vulns.feed.invalid-record');
      assert.equal(invalid.length, 2);
      assert.equal(invalid[0].data.id, 'GHSA-bad0-bad0-bad0');
      assert.equal(entries.filter((e) => e.type === 'vulns.feed.import').length, 2);
      await audit.close?.();
    });

    test('a newer modified timestamp replaces the stored record; a later withdrawal removes it', async () => {
      const store = await f.open();
      const dir = await mkdtemp(path.join(tmpdir(), 'airlock-feed-'));
      try {
        await cp(path.join(FIX, 'feed'), dir, { recursive: true });
        await importFeed(store, dir);
        const file = path.join(dir, 'npm', 'GHSA-6xpm-ggf7-wc3p.json');
        const rec = JSON.parse(await readFile(file, 'utf8'));
        rec.modified = '2025-08-01T00:00:00Z';
        rec.affected[0].ranges[0].events = [{ introduced: '0.0.5' }, { fixed: '0.1.20' }];
        await writeFile(file, JSON.stringify(rec));
        const r = await importFeed(store, dir);
        assert.equal(r.updated, 1);
        assert.equal(r.unchanged, 5);
        let index = await loadIndex(store);
        assert.equal(index.match({ ecosystem: 'npm', name: 'mcp-remote', version: '0.1.17' })[0]?.fixed, '0.1.20');
        rec.modified = '2025-09-01T00:00:00Z';
        rec.withdrawn = '2025-09-01T00:00:00Z';
        await writeFile(file, JSON.stringify(rec));
        await importFeed(store, dir);
        index = await loadIndex(store);
        assert.equal(index.match({ ecosystem: 'npm', name: 'mcp-remote', version: '0.1.17' }).length, 0);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    test('feed age: missing, fresh, stale', async () => {
      const store = await f.open();
      const missing = await feedStatus(store);
      assert.equal(missing.missing, true);
      assert.match(missing.warning ?? '', /airlock vulns update/);
      const t0 = new Date('2026-01-01T00:00:00Z');
      await importFeed(store, path.join(FIX, 'feed'), { now: () => t0 });
      const fresh = await feedStatus(store, { now: () => new Date(t0.getTime() + 3600_000) });
      assert.equal(fresh.stale, false);
      assert.equal(fresh.warning, null);
      assert.equal(fresh.ageMs, 3600_000);
      assert.equal(fresh.feeds[0].newestModified, '2025-09-26T08:00:00Z');
      const stale = await feedStatus(store, { now: () => new Date(t0.getTime() + 3 * 86400_000) });
      assert.equal(stale.stale, true);
      assert.match(stale.warning ?? '', /72 h old/);
    });

    test('an unreadable source rejects and leaves the store and feed age as they were', async () => {
      const store = await f.open();
      await assert.rejects(importFeed(store, path.join(FIX, 'does-not-exist.zip')), /cannot read OSV source/);
      assert.equal((await feedStatus(store)).missing, true);
    });
  });
}

describe('feed from a URL (loopback server)', () => {
  let server: Server;
  let base: string;
  let f: StoreFactory;
  before(async () => {
    f = await sqliteFactory();
    const zip = await readFile(path.join(FIX, 'all.zip'));
    server = createServer((req, res) => {
      if (req.url === '/npm/all.zip') {
        res.writeHead(200, { 'content-type': 'application/zip' });
        res.end(zip);
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  after(async () => {
    server.close();
    await f.shutdown();
  });

  test('downloads and imports a zip; a 404 is an error naming the URL', async () => {
    const store = await f.open();
    const r = await importFeed(store, `${base}/npm/all.zip`);
    assert.equal(r.kind, 'url');
    assert.equal(r.added, 6);
    await assert.rejects(importFeed(store, `${base}/missing.zip`), /cannot download OSV feed .*missing\.zip: HTTP 404/);
  });
});

describe('the same record twice in one feed', () => {
  let f: StoreFactory;
  before(async () => {
    f = await sqliteFactory();
  });
  after(async () => {
    await f.shutdown();
  });

  test('the newer copy wins and is counted once', async () => {
    const store = await f.open();
    const dir = await mkdtemp(path.join(tmpdir(), 'airlock-feed-dup-'));
    try {
      const base = JSON.parse(await readFile(path.join(FIX, 'feed', 'npm', 'GHSA-6xpm-ggf7-wc3p.json'), 'utf8'));
      const newer = { ...base, modified: '2025-12-01T00:00:00Z', affected: [{ ...base.affected[0], ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '0.2.0' }] }] }] };
      await writeFile(path.join(dir, 'all.json'), JSON.stringify([base, newer, base]));
      const r = await importFeed(store, dir);
      assert.equal(r.added, 1);
      assert.equal(r.updated, 0);
      const index = await loadIndex(store);
      assert.equal(index.match({ ecosystem: 'npm', name: 'mcp-remote', version: '0.1.17' })[0]?.fixed, '0.2.0');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('stored affected entries', () => {
  let f: StoreFactory;
  before(async () => {
    f = await postgresFactory();
  });
  after(async () => {
    await f.shutdown();
  });

  test('two affected entries for one package in one record both apply after a round trip', async () => {
    const store = await f.open();
    const dir = await mkdtemp(path.join(tmpdir(), 'airlock-feed-two-'));
    try {
      const rec = {
        id: 'GHSA-twoe-ntri-esss',
        modified: '2025-01-01T00:00:00Z',
        database_specific: { severity: 'HIGH' },
        affected: [
          { package: { ecosystem: 'npm', name: 'lib' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '1.0.0' }, { fixed: '1.2.0' }] }] },
          { package: { ecosystem: 'npm', name: 'lib' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '3.0.0' }, { last_affected: '3.1.0' }] }] },
          { package: { ecosystem: 'PyPI', name: 'Lib_Py' }, versions: ['2.0'] },
        ],
      };
      await writeFile(path.join(dir, 'r.json'), JSON.stringify(rec));
      await importFeed(store, dir);
      const index = await loadIndex(store);
      const v = (version: string) => index.match({ ecosystem: 'npm', name: 'lib', version }).map((m) => m.fixed);
      assert.deepEqual(v('1.1.0'), ['1.2.0']);
      assert.deepEqual(v('3.0.5'), [null]);
      assert.deepEqual(v('2.0.0'), []);
      assert.equal(index.match({ ecosystem: 'PyPI', name: 'lib-py', version: '2.0.0' })[0]?.severity, 'high');
      const subset = await loadIndexFor(store, [{ ecosystem: 'PyPI', name: 'LIB.py' }]);
      assert.equal(subset.match({ ecosystem: 'PyPI', name: 'lib_py', version: '2' }).length, 1);
      assert.equal(subset.match({ ecosystem: 'npm', name: 'lib', version: '1.1.0' }).length, 0, 'only the asked-for packages are loaded');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
