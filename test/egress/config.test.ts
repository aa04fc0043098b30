import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import {
  allowedPorts,
  compileEgressPolicy,
  egressConfigSchema,
  isAllowed,
  isNameAllowed,
  type EgressConfigInput,
} from '../../src/egress/config.js';
import { decideConnection } from '../../src/egress/decide.js';
import type { UpstreamResolver } from '../../src/egress/resolve.js';

const policy = (input: EgressConfigInput) => compileEgressPolicy(egressConfigSchema.parse(input));

test('exact names: default ports are 443 and 80, an explicit port replaces them', () => {
  const p = policy({ allow: ['api.github.com', 'uploads.github.com:443', 'db.internal:5432'] });
  assert.ok(isAllowed('api.github.com', 443, p));
  assert.ok(isAllowed('api.github.com', 80, p));
  assert.ok(isAllowed('API.GitHub.com.', 443, p), 'case and trailing dot are normalised');
  assert.ok(!isAllowed('api.github.com', 22, p));
  assert.ok(isAllowed('uploads.github.com', 443, p));
  assert.ok(!isAllowed('uploads.github.com', 80, p));
  assert.ok(isAllowed('db.internal', 5432, p));
  assert.ok(!isAllowed('db.internal', 443, p));
  assert.ok(!isAllowed('github.com', 443, p));
  assert.ok(!isAllowed('evil-api.github.com', 443, p));
  assert.ok(!isAllowed('api.github.com.evil.test', 443, p));
  assert.deepEqual(allowedPorts('db.internal', p), [5432]);
});

test('more than 10 entries are refused unless maxHosts is raised', () => {
  const eleven = Array.from({ length: 11 }, (_, i) => `h${i}.example.com`);
  const r = egressConfigSchema.safeParse({ allow: eleven });
  assert.equal(r.success, false);
  assert.match(z.prettifyError(r.error!), /maxHosts/);
  assert.equal(egressConfigSchema.safeParse({ allow: eleven, maxHosts: 11 }).success, true);
});

test('wildcards need allowWildcards and match one or more labels, never the apex', () => {
  assert.equal(egressConfigSchema.safeParse({ allow: ['*.example.com'] }).success, false);
  const p = policy({ allow: ['*.example.com'], allowWildcards: true });
  assert.ok(isAllowed('a.example.com', 443, p));
  assert.ok(isAllowed('a.b.example.com', 443, p));
  assert.ok(!isAllowed('example.com', 443, p));
  assert.ok(!isAllowed('badexample.com', 443, p));
  assert.ok(!isAllowed('a.example.com.evil.test', 443, p));
  for (const bad of ['a.*.example.com', '*example.com', 'ex*.com', '*', '*.com*']) {
    assert.equal(egressConfigSchema.safeParse({ allow: [bad], allowWildcards: true }).success, false, bad);
  }
});

test('address literals in every spelling are refused as allow entries and never match', () => {
  for (const bad of ['169.254.169.254', '2852039166', '0xA9FEA9FE', '[::1]:443', '::1', '10.0.0.1:5432', 'bad host', 'a..b', 'x.com:70000']) {
    assert.equal(egressConfigSchema.safeParse({ allow: [bad] }).success, false, bad);
  }
  const p = policy({ allow: ['api.example.test'] });
  assert.ok(!isAllowed('2852039166', 80, p));
  assert.ok(!isNameAllowed('127.0.0.1', p));
});

test('resolve and allowPrivate are validated', () => {
  assert.equal(egressConfigSchema.safeParse({ resolve: { 'a.test': 'nope' } }).success, false);
  assert.equal(egressConfigSchema.safeParse({ resolve: { 'a.test': ['10.0.0.1', 'fd00::1'] } }).success, true);
  assert.equal(egressConfigSchema.safeParse({ allowPrivate: ['10.0.0.0/33'] }).success, false);
  assert.equal(egressConfigSchema.safeParse({ unknownKey: 1 }).success, false);
});

test('the schema exports as JSON Schema for the policy file', () => {
  const js = z.toJSONSchema(egressConfigSchema, { io: 'input' }) as { properties: Record<string, unknown> };
  assert.deepEqual(Object.keys(js.properties).sort(), ['allow', 'allowPrivate', 'allowWildcards', 'maxHosts', 'resolve']);
});

const neverCalled: UpstreamResolver = async () => {
  throw new Error('upstream must not be consulted');
};

test('decideConnection: allowlist, static resolution and address check on the dialled address', async () => {
  const p = policy({
    allow: ['api.example.test', 'meta.example.test', 'private.example.test', 'metadata.google.internal'],
    resolve: { 'api.example.test': '10.238.0.2', 'meta.example.test': '169.254.169.254', 'private.example.test': '10.9.9.9' },
    allowPrivate: ['10.238.0.0/30'],
  });
  assert.deepEqual(await decideConnection('api.example.test', 443, p, neverCalled), {
    allow: true,
    name: 'api.example.test',
    port: 443,
    ip: '10.238.0.2',
    reason: 'allowlisted',
  });
  const notListed = await decideConnection('other.example.test', 443, p, neverCalled);
  assert.equal(notListed.allow, false);
  assert.equal(notListed.reason, 'not-allowlisted');
  // An allowlisted name that resolves to a metadata or uncovered private address is refused.
  const meta = await decideConnection('meta.example.test', 443, p, neverCalled);
  assert.deepEqual([meta.allow, meta.reason, meta.ip], [false, 'metadata-address', '169.254.169.254']);
  const priv = await decideConnection('private.example.test', 443, p, neverCalled);
  assert.deepEqual([priv.allow, priv.reason], [false, 'private-address']);
  assert.equal((await decideConnection('metadata.google.internal', 80, p, neverCalled)).reason, 'metadata-name');
  assert.equal((await decideConnection('0xA9FEA9FE', 80, p, neverCalled)).reason, 'not-a-name');
});

test('decideConnection: an upstream that resolves to loopback (DNS rebinding) is refused', async () => {
  const p = policy({ allow: ['rebind.example.test'] });
  const rebinding: UpstreamResolver = async () => ({ addresses: ['127.0.0.1'], ttl: 1 });
  const d = await decideConnection('rebind.example.test', 443, p, rebinding);
  assert.deepEqual([d.allow, d.reason], [false, 'loopback-address']);
  const failing: UpstreamResolver = async () => {
    throw Object.assign(new Error('nx'), { code: 'ENOTFOUND' });
  };
  assert.equal((await decideConnection('rebind.example.test', 443, p, failing)).reason, 'resolution-failed');
});
