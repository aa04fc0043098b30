import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AdvisoryIndex, matchRecord, packageKey } from '../../src/vulns/osv-match.js';
import { validateOsv, type OsvRecord } from '../../src/vulns/osv-schema.js';
import { comparePep440, parsePep440 } from '../../src/vulns/pep440.js';
import { cvss3BaseScore, cvss2BaseScore, recordSeverity } from '../../src/vulns/severity.js';

function rec(partial: { id: string; [k: string]: unknown }): OsvRecord {
  const r = validateOsv({ modified: '2025-01-01T00:00:00Z', ...partial });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.record;
}

const npm = (name: string, events: object[], extra: object = {}) => ({
  package: { ecosystem: 'npm', name },
  ranges: [{ type: 'ECOSYSTEM', events }],
  ...extra,
});

test('introduced/fixed: fixed version and above are not affected, below is', () => {
  const r = rec({ id: 'GHSA-aaaa-bbbb-cccc', affected: [npm('mcp-remote', [{ introduced: '0.0.5' }, { fixed: '0.1.16' }])] });
  assert.equal(matchRecord(r, { ecosystem: 'npm', name: 'mcp-remote', version: '0.0.4' }), null);
  assert.equal(matchRecord(r, { ecosystem: 'npm', name: 'mcp-remote', version: '0.0.5' })?.fixed, '0.1.16');
  assert.ok(matchRecord(r, { ecosystem: 'npm', name: 'mcp-remote', version: '0.1.15' }));
  assert.equal(matchRecord(r, { ecosystem: 'npm', name: 'mcp-remote', version: '0.1.16' }), null);
  assert.equal(matchRecord(r, { ecosystem: 'npm', name: 'mcp-remote', version: '1.0.0' }), null);
});

test('npm pre-releases: a pre-release of the fixed version is still affected, of the introduced one is not', () => {
  const r = rec({ id: 'GHSA-pre1-pre1-pre1', affected: [npm('pkg', [{ introduced: '2.0.0' }, { fixed: '2.3.0' }])] });
  assert.ok(matchRecord(r, { ecosystem: 'npm', name: 'pkg', version: '2.3.0-rc.1' }));
  assert.equal(matchRecord(r, { ecosystem: 'npm', name: 'pkg', version: '2.0.0-beta.1' }), null);
  assert.ok(matchRecord(r, { ecosystem: 'npm', name: 'pkg', version: '2.1.0-alpha' }));
});

test('multiple intervals in one range and several ranges and entries are all evaluated', () => {
  const r = rec({
    id: 'GHSA-mult-iple-rang',
    affected: [
      npm('lib', [{ introduced: '1.0.0' }, { fixed: '1.2.0' }, { introduced: '2.0.0' }, { fixed: '2.0.5' }]),
      { package: { ecosystem: 'npm', name: 'lib' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '3.0.0' }, { last_affected: '3.1.0' }] }] },
      npm('other-lib', [{ introduced: '0' }, { fixed: '9.0.0' }]),
    ],
  });
  const idx = new AdvisoryIndex();
  idx.add(r);
  const v = (version: string) => idx.match({ ecosystem: 'npm', name: 'lib', version });
  assert.equal(v('1.1.9')[0]?.fixed, '1.2.0');
  assert.equal(v('1.5.0').length, 0);
  assert.equal(v('2.0.4')[0]?.fixed, '2.0.5');
  assert.equal(v('2.0.5').length, 0);
  assert.equal(v('3.1.0').length, 1, 'last_affected is inclusive');
  assert.equal(v('3.1.0')[0]?.fixed, null);
  assert.equal(v('3.1.1').length, 0);
  assert.equal(idx.match({ ecosystem: 'npm', name: 'other-lib', version: '8.9.9' }).length, 1);
});

test('events out of order in the record are sorted before evaluation', () => {
  const r = rec({ id: 'GHSA-orde-rrrr-rrrr', affected: [npm('x', [{ fixed: '1.5.0' }, { introduced: '1.0.0' }])] });
  assert.ok(matchRecord(r, { ecosystem: 'npm', name: 'x', version: '1.2.0' }));
  assert.equal(matchRecord(r, { ecosystem: 'npm', name: 'x', version: '0.9.0' }), null);
});

test('limit caps a range', () => {
  const r = rec({ id: 'OSV-2025-1', affected: [npm('y', [{ introduced: '0' }, { limit: '1.4.0' }])] });
  assert.ok(matchRecord(r, { ecosystem: 'npm', name: 'y', version: '1.3.9' }));
  assert.equal(matchRecord(r, { ecosystem: 'npm', name: 'y', version: '1.4.0' }), null);
});

test('versions list matches exactly, without ranges', () => {
  const r = rec({
    id: 'MAL-2025-1234',
    affected: [{ package: { ecosystem: 'npm', name: 'postmark-mcp' }, versions: ['1.0.16', '1.0.17', '1.0.18'] }],
  });
  const m = matchRecord(r, { ecosystem: 'npm', name: 'postmark-mcp', version: '1.0.17' });
  assert.ok(m);
  assert.equal(m.malicious, true);
  assert.equal(m.severity, 'critical');
  assert.equal(matchRecord(r, { ecosystem: 'npm', name: 'postmark-mcp', version: '1.0.15' }), null);
});

test('npm names are case-sensitive, scoped names exact; ecosystems do not cross', () => {
  const r = rec({ id: 'GHSA-case-case-case', affected: [npm('@modelcontextprotocol/server-filesystem', [{ introduced: '0' }, { fixed: '2025.7.1' }])] });
  assert.ok(matchRecord(r, { ecosystem: 'npm', name: '@modelcontextprotocol/server-filesystem', version: '2025.3.28' }));
  assert.equal(matchRecord(r, { ecosystem: 'npm', name: '@ModelContextProtocol/server-filesystem', version: '2025.3.28' }), null);
  assert.equal(matchRecord(r, { ecosystem: 'PyPI', name: '@modelcontextprotocol/server-filesystem', version: '2025.3.28' }), null);
});

test('withdrawn records never match', () => {
  const r = rec({ id: 'GHSA-with-draw-nnnn', withdrawn: '2025-02-01T00:00:00Z', affected: [npm('z', [{ introduced: '0' }])] });
  assert.equal(matchRecord(r, { ecosystem: 'npm', name: 'z', version: '1.0.0' }), null);
  const idx = new AdvisoryIndex();
  idx.add(rec({ id: 'GHSA-with-draw-nnnn', affected: [npm('z', [{ introduced: '0' }])] }));
  assert.equal(idx.match({ ecosystem: 'npm', name: 'z', version: '1.0.0' }).length, 1);
  idx.add(r);
  assert.equal(idx.match({ ecosystem: 'npm', name: 'z', version: '1.0.0' }).length, 0, 'a later withdrawal removes it');
});

test('PyPI: PEP 503 names and PEP 440 ordering in ECOSYSTEM ranges', () => {
  const r = rec({
    id: 'PYSEC-2025-1',
    affected: [{ package: { ecosystem: 'PyPI', name: 'MCP_Server.Fetch' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.0rc1' }] }] }],
  });
  const m = (version: string) => matchRecord(r, { ecosystem: 'PyPI', name: 'mcp-server-fetch', version });
  assert.ok(m('1.0b2'));
  assert.ok(m('1.0.dev5'), 'a dev release sorts before the pre-releases');
  assert.ok(m('0.9.post3'));
  assert.equal(m('1.0rc1'), null);
  assert.equal(m('1.0'), null);
  assert.equal(m('1.0.0'), null);
  assert.ok(matchRecord(r, { ecosystem: 'pypi', name: 'mcp__server--fetch', version: '0.1' }));
});

test('PyPI versions lists compare by PEP 440 equality', () => {
  const r = rec({ id: 'PYSEC-2025-2', affected: [{ package: { ecosystem: 'PyPI', name: 'foo' }, versions: ['1.0', '2.0.post1'] }] });
  assert.ok(matchRecord(r, { ecosystem: 'PyPI', name: 'foo', version: '1.0.0' }));
  assert.ok(matchRecord(r, { ecosystem: 'PyPI', name: 'foo', version: '2.0-1' }));
  assert.equal(matchRecord(r, { ecosystem: 'PyPI', name: 'foo', version: '2.0' }), null);
});

test('PEP 440 ordering: epochs, pre/post/dev, local', () => {
  const ordered = ['1.0.dev0', '1.0a1.dev1', '1.0a1', '1.0b2.post1', '1.0rc1', '1.0', '1.0+local.1', '1.0+local.2', '1.0.post1.dev1', '1.0.post1', '1.1', '1!0.1'];
  for (let i = 0; i + 1 < ordered.length; i++) {
    assert.equal(comparePep440(ordered[i], ordered[i + 1]), -1, `${ordered[i]} < ${ordered[i + 1]}`);
  }
  assert.equal(comparePep440('1.0', '1.0.0.0'), 0);
  assert.equal(comparePep440('1.0+abc', '1.0+5'), -1, 'numeric local segments sort above strings');
  assert.equal(comparePep440('1.0-alpha-1', '1.0a1'), 0);
  assert.equal(parsePep440('not.a.version'), null);
});

test('an installed version that cannot be parsed is an uncertain match, never clean', () => {
  const r = rec({ id: 'GHSA-unpa-rsab-leee', affected: [npm('w', [{ introduced: '1.0.0' }, { fixed: '1.0.2' }])] });
  const m = matchRecord(r, { ecosystem: 'npm', name: 'w', version: 'github:owner/w#abc' });
  assert.ok(m);
  assert.match(m.uncertain ?? '', /not valid/);
});

test('schema validation rejects records we would misread and says why', () => {
  const bad = validateOsv({ id: 'GHSA-bad0-bad0-bad0', modified: '2025-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'npm', name: 'q' }, ranges: [{ type: 'ECOSYSTEM', events: [{ fixed: '1.0.0' }] }] }] });
  assert.equal(bad.ok, false);
  assert.ok(!bad.ok && bad.errors.some((e) => /introduced/.test(e)));
  const twoKeys = validateOsv({ id: 'GHSA-bad1-bad1-bad1', modified: '2025-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'npm', name: 'q' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0', fixed: '1.0.0' }] }] }] });
  assert.equal(twoKeys.ok, false, 'an event with two keys is ambiguous');
  assert.equal(validateOsv({ id: 'X', modified: 'yesterday' }).ok, false);
});

test('CVSS v3.1 base scores follow the specification', () => {
  assert.equal(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'), 9.8);
  assert.equal(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H'), 10);
  assert.equal(cvss3BaseScore('CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N'), 5.5);
  assert.equal(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N'), 6.1);
  assert.equal(cvss3BaseScore('CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:N'), 0);
  assert.equal(cvss2BaseScore('AV:N/AC:L/Au:N/C:P/I:P/A:P'), 7.5);
  assert.equal(recordSeverity({ severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N' }] }, false), 'medium');
  assert.equal(recordSeverity({ database_specific: { severity: 'MODERATE' }, severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }] }, false), 'medium', 'curated rating wins');
  assert.equal(recordSeverity({ severity: [{ type: 'CVSS_V4', score: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N' }] }, false), 'critical');
  assert.equal(recordSeverity({}, false), 'unknown');
});

test('packageKey normalises only where the ecosystem says so', () => {
  assert.notEqual(packageKey('npm', 'Foo'), packageKey('npm', 'foo'));
  assert.equal(packageKey('PyPI', 'Foo.Bar'), packageKey('pypi', 'foo_bar'));
});
