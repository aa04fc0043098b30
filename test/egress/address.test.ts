// Pure tests of the address classifier. Nothing here opens a socket: the metadata and private
// addresses below are only ever parsed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkDialAddress,
  cidrContains,
  classifyAddress,
  isAddressLiteral,
  isMetadataName,
  parseCidr,
  parseIPv4Loose,
  parseIPv6,
  formatIPv6,
  type Cidr,
} from '../../src/egress/address.js';

const kind = (s: string) => classifyAddress(s).kind;
const cidrs = (...t: string[]): Cidr[] => t.map((x) => parseCidr(x) as Cidr);

test('every spelling of the AWS/GCP metadata address is metadata', () => {
  for (const s of [
    '169.254.169.254',
    '2852039166',
    '0xA9FEA9FE',
    '0xa9fea9fe',
    '0251.0376.0251.0376',
    '169.254.43518',
    '169.16689662',
    '0xA9.0xFE.0xA9.0xFE',
    '0251.254.169.254',
    '169.254.169.254.',
    '::ffff:169.254.169.254',
    '::ffff:a9fe:a9fe',
    '[::ffff:a9fe:a9fe]',
    '0:0:0:0:0:ffff:a9fe:a9fe',
    '::169.254.169.254',
    '64:ff9b::a9fe:a9fe',
    '2002:a9fe:a9fe::1',
    'fd00:ec2::254',
    'FD00:EC2:0:0:0:0:0:254',
    '100.100.100.200',
  ]) {
    assert.equal(kind(s), 'metadata', s);
  }
});

test('metadata names are recognised regardless of case and trailing dot', () => {
  assert.ok(isMetadataName('metadata.google.internal'));
  assert.ok(isMetadataName('METADATA.GOOGLE.INTERNAL.'));
  assert.ok(isMetadataName('metadata'));
  assert.ok(!isMetadataName('metadata.google.internal.example.com'));
  assert.ok(!isMetadataName('api.github.com'));
});

test('loopback, unspecified, private, CGNAT, ULA and link-local in all forms', () => {
  const cases: Array<[string, string]> = [
    ['127.0.0.1', 'loopback'],
    ['127.1', 'loopback'],
    ['2130706433', 'loopback'],
    ['0x7f000001', 'loopback'],
    ['017700000001', 'loopback'],
    ['0177.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['0', 'unspecified'],
    ['::', 'unspecified'],
    ['10.0.0.1', 'private'],
    ['012.0.0.1', 'private'],
    ['167772161', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['100.127.255.254', 'private'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['::ffff:10.1.2.3', 'private'],
    ['169.254.1.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['febf::1', 'link-local'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['2001:db8::1', 'reserved'],
  ];
  for (const [s, k] of cases) assert.equal(kind(s), k, s);
});

test('public addresses stay public, including near misses of private ranges', () => {
  for (const s of ['8.8.8.8', '172.15.255.255', '172.32.0.0', '100.63.255.255', '100.128.0.0', '11.0.0.1', '2606:4700::1111', '::ffff:8.8.8.8', '169.253.255.255', '169.255.0.1']) {
    assert.equal(kind(s), 'public', s);
  }
});

test('names and malformed literals are not addresses', () => {
  for (const s of ['example.com', 'localhost', '1.2.3.4.5', '256.1.1.1', '1.2.3.256', '1.2.65536', '999999999999', '1..2', '', ':::', '1::2::3', 'fe80::1%eth0', '::ffff:1.2.3', '08.1.1.1', 'abc']) {
    assert.equal(kind(s), 'invalid', JSON.stringify(s));
    assert.equal(isAddressLiteral(s), false, JSON.stringify(s));
  }
});

test('inet_aton forms decode to the right bytes', () => {
  assert.deepEqual([...(parseIPv4Loose('1.2.3') as Uint8Array)], [1, 2, 0, 3]);
  assert.deepEqual([...(parseIPv4Loose('1.65539') as Uint8Array)], [1, 1, 0, 3]);
  assert.deepEqual([...(parseIPv4Loose('0x1.0xfff') as Uint8Array)], [1, 0, 15, 255]);
  assert.deepEqual([...(parseIPv4Loose('0x01020304') as Uint8Array)], [1, 2, 3, 4]);
  assert.deepEqual([...(parseIPv4Loose('4294967295') as Uint8Array)], [255, 255, 255, 255]);
  assert.equal(parseIPv4Loose('4294967296'), null);
});

test('IPv6 parse and canonical format round-trip', () => {
  assert.equal(formatIPv6(parseIPv6('2001:0db8:0000:0000:0000:0000:0000:0001') as Uint8Array), '2001:db8::1');
  assert.equal(formatIPv6(parseIPv6('fd00:ec2:0::254') as Uint8Array), 'fd00:ec2::254');
  assert.equal(formatIPv6(parseIPv6('1:0:0:1:0:0:0:1') as Uint8Array), '1:0:0:1::1');
  assert.equal(parseIPv6('1:2:3:4:5:6:7:8:9'), null);
  assert.equal(parseIPv6('12345::'), null);
});

test('CIDR parsing and containment, IPv4-mapped compared as IPv4', () => {
  const c = parseCidr('10.238.0.0/30') as Cidr;
  assert.equal(c.text, '10.238.0.0/30');
  assert.ok(cidrContains(c, '10.238.0.2'));
  assert.ok(cidrContains(c, '::ffff:10.238.0.2'));
  assert.ok(!cidrContains(c, '10.238.0.4'));
  assert.equal(parseCidr('10.0.0.0/33'), null);
  assert.equal(parseCidr('010.0.0.0/8'), null, 'CIDRs use strict spelling');
  assert.equal(parseCidr('10.0.0.0/8/1'), null);
  assert.ok(cidrContains(parseCidr('fd00::/8') as Cidr, 'fd12::1'));
});

test('checkDialAddress refuses non-public addresses unless allowPrivate covers them', () => {
  assert.deepEqual(checkDialAddress('8.8.8.8', []), { ok: true, address: '8.8.8.8', kind: 'public' });
  assert.equal(checkDialAddress('10.238.0.2', []).ok, false);
  assert.equal(checkDialAddress('10.238.0.2', cidrs('10.238.0.0/30')).ok, true);
  assert.equal(checkDialAddress('10.238.0.5', cidrs('10.238.0.0/30')).ok, false);
  // The canonical address is dialled, never the attacker's spelling.
  const v = checkDialAddress('::ffff:10.238.0.2', cidrs('10.238.0.0/30'));
  assert.deepEqual(v, { ok: true, address: '10.238.0.2', kind: 'private' });
  assert.equal(checkDialAddress('127.0.0.1', []).ok, false);
  assert.equal(checkDialAddress('0.0.0.0', []).ok, false);
  assert.equal(checkDialAddress('not-an-ip', []).ok, false);
});

test('a broad allowPrivate grant never opens a metadata address; an exact host grant does', () => {
  assert.equal(checkDialAddress('169.254.169.254', cidrs('169.254.0.0/16')).ok, false);
  assert.equal(checkDialAddress('2852039166', cidrs('0.0.0.0/0')).ok, false);
  assert.equal(checkDialAddress('100.100.100.200', cidrs('100.64.0.0/10')).ok, false);
  assert.equal(checkDialAddress('fd00:ec2::254', cidrs('fd00::/8')).ok, false);
  assert.equal(checkDialAddress('169.254.169.254', cidrs('169.254.169.254/32')).ok, true);
  // Other link-local addresses are opened by the broad grant.
  assert.equal(checkDialAddress('169.254.10.10', cidrs('169.254.0.0/16')).ok, true);
});

test('addresses of Airlock\'s own egress pool are refused even under a broad allowPrivate grant', () => {
  const pool = cidrs('10.237.0.0/16');
  assert.equal(checkDialAddress('10.237.0.1', cidrs('10.0.0.0/8')).ok, true, 'without the pool exclusion the grant would open it');
  assert.deepEqual(checkDialAddress('10.237.0.1', cidrs('10.0.0.0/8'), pool), { ok: false, kind: 'private', reason: 'airlock-internal-address' });
  assert.equal(checkDialAddress('::ffff:10.237.3.5', cidrs('10.0.0.0/8'), pool).ok, false);
  assert.equal(checkDialAddress('183304193', cidrs('10.0.0.0/8'), pool).ok, false, '10.237.0.1 in decimal');
  assert.equal(checkDialAddress('10.238.0.2', cidrs('10.0.0.0/8'), pool).ok, true);
});
