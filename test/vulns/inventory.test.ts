import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  importFeed,
  InventoryError,
  inventoryCycloneDx,
  inventoryNpmLockfile,
  inventoryPythonSite,
  parsePurl,
  toCycloneDx,
  toPurl,
  vulnsCheck,
} from '../../src/vulns/index.js';
import { parsePurl as parse } from '../../src/vulns/purl.js';
import { sqliteFactory, postgresFactory, type StoreFactory } from './stores.js';

const FIX = path.resolve('test/vulns/fixtures');
const FEED = path.resolve('test/fixtures/osv/feed');

test('lockfile: every copy of every package, at each version, with its location', async () => {
  const inv = await inventoryNpmLockfile(path.join(FIX, 'lock-multi', 'package-lock.json'));
  assert.equal(inv.root?.name, 'example-server');
  const debug = inv.packages.filter((p) => p.name === 'debug').map((p) => [p.version, p.location]).sort();
  assert.deepEqual(debug, [['2.6.9', 'node_modules/foo/node_modules/debug'], ['4.3.4', 'node_modules/debug']]);
  const foo = inv.packages.find((p) => p.name === 'foo')!;
  assert.equal(foo.hasInstallScript, true);
  assert.deepEqual(foo.dependsOn, ['node_modules/foo/node_modules/debug']);
  assert.equal(foo.purl, 'pkg:npm/foo@1.0.0');
  assert.equal(inv.packages.length, 8);
});

test('Python site-packages: dist-info and egg-info metadata', async () => {
  const inv = await inventoryPythonSite(path.join(FIX, 'site-packages'));
  assert.deepEqual(inv.packages.map((p) => [p.name, p.version, p.purl]).sort(), [
    ['Legacy_Tool', '1.0', 'pkg:pypi/legacy-tool@1.0'],
    ['mcp-server-fetch', '0.6.1', 'pkg:pypi/mcp-server-fetch@0.6.1'],
    ['requests', '2.31.0', 'pkg:pypi/requests@2.31.0'],
  ]);
  assert.equal(inv.packages.find((p) => p.name === 'Legacy_Tool')?.hasInstallScript, true);
});

test('CycloneDX import: purls of any ecosystem, nested components, unidentified ones listed', async () => {
  const inv = await inventoryCycloneDx(path.join(FIX, 'bom.json'));
  assert.deepEqual(inv.packages.map((p) => [p.ecosystem, p.name, p.version]), [
    ['npm', 'mcp-remote', '0.1.15'],
    ['npm', '@modelcontextprotocol/server-filesystem', '2025.3.28'],
    ['PyPI', 'mcp-server-fetch', '0.6.2'],
    ['Maven', 'org.apache.logging.log4j:log4j-core', '2.14.1'],
  ]);
  assert.deepEqual(inv.unidentified, ['e']);
});

test('CycloneDX 1.6 export round-trips through import', async () => {
  const inv = await inventoryNpmLockfile(path.join(FIX, 'lock-multi', 'package-lock.json'));
  const bom = toCycloneDx(inv, { serverName: 'example' }) as { specVersion: string; components: { purl: string; hashes?: { alg: string; content: string }[] }[]; dependencies: { ref: string; dependsOn: string[] }[] };
  assert.equal(bom.specVersion, '1.6');
  assert.equal(bom.components.length, 8);
  const withHash = bom.components.find((c) => c.purl === 'pkg:npm/debug@4.3.4');
  assert.equal(withHash?.hashes?.[0].alg, 'SHA-512');
  assert.equal(withHash?.hashes?.[0].content.length, 128);
  assert.deepEqual(bom.dependencies.find((d) => d.ref === 'node_modules/foo')?.dependsOn, ['node_modules/foo/node_modules/debug']);
  const dir = await mkdtemp(path.join(tmpdir(), 'airlock-bom-'));
  try {
    await writeFile(path.join(dir, 'bom.json'), JSON.stringify(bom));
    const back = await inventoryCycloneDx(path.join(dir, 'bom.json'));
    const key = (p: { name: string; version: string }) => `${p.name}@${p.version}`;
    assert.deepEqual(back.packages.map(key).sort(), inv.packages.map(key).sort());
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('purls: scoped npm names, PyPI, Maven', () => {
  assert.equal(toPurl('npm', '@modelcontextprotocol/sdk', '1.0.0'), 'pkg:npm/%40modelcontextprotocol/sdk@1.0.0');
  assert.deepEqual(parsePurl('pkg:npm/%40modelcontextprotocol/sdk@1.0.0'), { ecosystem: 'npm', name: '@modelcontextprotocol/sdk', version: '1.0.0' });
  assert.deepEqual(parse('pkg:maven/org.example/lib@1.2?type=jar'), { ecosystem: 'Maven', name: 'org.example:lib', version: '1.2' });
  assert.equal(parsePurl('pkg:unknowntype/x@1'), null);
});

test('unreadable sources are errors that say what to do, never an empty inventory', async () => {
  await assert.rejects(inventoryNpmLockfile(path.join(FIX, 'nope', 'package-lock.json')), (e: unknown) => e instanceof InventoryError && /cannot read lockfile/.test((e as Error).message));
  const dir = await mkdtemp(path.join(tmpdir(), 'airlock-inv-'));
  try {
    await writeFile(path.join(dir, 'package-lock.json'), JSON.stringify({ lockfileVersion: 1, dependencies: {} }));
    await assert.rejects(inventoryNpmLockfile(path.join(dir, 'package-lock.json')), /lockfileVersion 1; regenerate/);
    await assert.rejects(inventoryPythonSite(dir), /no \*\.dist-info/);
    await writeFile(path.join(dir, 'x.json'), '{"bomFormat":"SPDX"}');
    await assert.rejects(inventoryCycloneDx(path.join(dir, 'x.json')), /not a CycloneDX/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

for (const make of [sqliteFactory, postgresFactory]) {
  describe(`vulnsCheck (${make === sqliteFactory ? 'sqlite' : 'postgres'})`, () => {
    let f: StoreFactory;
    before(async () => {
      f = await make();
    });
    after(async () => {
      await f.shutdown();
    });

    test('lockfile, SBOM and Python site checked against the store', async () => {
      const store = await f.open();
      const empty = await vulnsCheck(store, { lockfile: path.join(FIX, 'lock-multi', 'package-lock.json') });
      assert.equal(empty.matches.length, 0);
      assert.equal(empty.feed.missing, true, 'a check against no data says so');
      await importFeed(store, FEED);
      const lock = await vulnsCheck(store, { lockfile: path.join(FIX, 'lock-multi', 'package-lock.json') });
      assert.deepEqual(lock.matches.map((m) => [m.advisoryId, m.package, m.version, m.malicious]).sort(), [
        ['GHSA-6xpm-ggf7-wc3p', 'mcp-remote', '0.1.15', false],
        ['MAL-2025-0001', 'postmark-mcp', '1.0.17', true],
      ]);
      assert.deepEqual(lock.signals.map((s) => [s.kind, s.package]).sort(), [
        ['install-script', 'foo'],
        ['not-from-registry', 'gitdep'],
        ['security-placeholder', 'evil-pkg'],
        ['typosquat', 'mcp-remot'],
      ]);
      const sbom = await vulnsCheck(store, { sbom: path.join(FIX, 'bom.json') });
      assert.deepEqual(sbom.matches.map((m) => m.advisoryId).sort(), ['GHSA-6xpm-ggf7-wc3p', 'GHSA-hc55-p739-j48w', 'PYSEC-2025-0001']);
      const py = await vulnsCheck(store, { pythonSite: path.join(FIX, 'site-packages') });
      assert.deepEqual(py.matches.map((m) => [m.advisoryId, m.fixed]), [['PYSEC-2025-0001', '2025.1.17']]);
    });
  });
}
