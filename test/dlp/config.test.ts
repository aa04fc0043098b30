import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createDlpInspector, dlpConfigSchema } from '../../src/inspect/dlp/index.js';
import { mask } from '../../src/inspect/dlp/redact.js';
import { alnum, githubToken, rng, scan } from './helpers.js';

const r = rng(5);

describe('redaction styles', () => {
  const card = '4242 4242 4242 4242';
  it('label: [REDACTED:<type>]', () => {
    const f = scan(`card ${card}`)[0]!;
    assert.equal(f.replacement, '[REDACTED:credit-card]');
  });
  it('mask: format-preserving, last four kept', () => {
    const f = scan(`card ${card}`, '$', { redaction: { style: 'mask' } })[0]!;
    assert.equal(f.replacement, '**** **** **** 4242');
    assert.equal(mask('4242-4242-4242-4242', '*', 4), '****-****-****-4242');
    assert.equal(mask('abc123', '#', 4), '######', 'short values are fully masked');
  });
  it('hash: a stable keyed token, different under a different key, never the value', () => {
    const token = githubToken(r);
    const a1 = scan(`t ${token}`, '$', { redaction: { style: 'hash', hashKey: 'k'.repeat(32) } })[0]!;
    const a2 = scan(`again ${token}`, '$', { redaction: { style: 'hash', hashKey: 'k'.repeat(32) } })[0]!;
    const b = scan(`t ${token}`, '$', { redaction: { style: 'hash', hashKey: 'z'.repeat(32) } })[0]!;
    assert.match(a1.replacement!, /^\[REDACTED:github-pat:[0-9a-f]{16}\]$/);
    assert.equal(a1.replacement, a2.replacement);
    assert.notEqual(a1.replacement, b.replacement);
    assert.ok(!a1.replacement!.includes(token.slice(4, 12)));
  });
  it('hash without a key is refused when the inspector is created', () => {
    assert.throws(() => createDlpInspector({ redaction: { style: 'hash' } }), /hashKey/);
  });
});

describe('actions', () => {
  const token = githubToken(r);
  const text = `token ${token}, contact jane@acme.io`;
  it('defaults: secrets redact, personal data alerts', () => {
    const f = scan(text);
    assert.equal(f.find((x) => x.type === 'github-pat')!.action, 'redact');
    assert.equal(f.find((x) => x.type === 'email')!.action, 'alert');
  });
  it('per category, per type, per direction, per server and tool', () => {
    const cfg = {
      actions: {
        secret: 'block' as const,
        overrides: { email: 'redact' as const },
        surfaces: { response: { pii: 'block' as const } },
        scopes: [{ server: 'crm', tool: 'export', overrides: { 'github-pat': 'alert' as const } }],
      },
    };
    const dlp = createDlpInspector(cfg);
    const req = dlp.inspect([{ path: '$', text }], { surface: 'request', server: 'fs' });
    assert.equal(req.find((x) => x.type === 'github-pat')!.action, 'block');
    assert.equal(req.find((x) => x.type === 'email')!.action, 'redact', 'type override beats category');
    const res = dlp.inspect([{ path: '$', text: `${text} ssn 536-22-1234` }], { surface: 'response', server: 'fs' });
    assert.equal(res.find((x) => x.type === 'us-ssn')!.action, 'block', 'response direction');
    const scoped = dlp.inspect([{ path: '$', text }], { surface: 'request', server: 'crm', tool: 'export' });
    assert.equal(scoped.find((x) => x.type === 'github-pat')!.action, 'alert', 'server+tool scope');
    const otherTool = dlp.inspect([{ path: '$', text }], { surface: 'request', server: 'crm', tool: 'import' });
    assert.equal(otherTool.find((x) => x.type === 'github-pat')!.action, 'block');
  });
  it('disabled rules and enabled=false', () => {
    assert.equal(scan(text, '$', { disabledRules: ['github-pat'] }).filter((x) => x.type === 'github-pat').length, 0);
    assert.deepEqual(scan(text, '$', { enabled: false }), []);
  });
  it('the schema rejects unknown fields and bad values with a readable error', () => {
    assert.throws(() => createDlpInspector({ nope: 1 } as never), /invalid DLP config/);
    assert.equal(dlpConfigSchema.safeParse({ actions: { secret: 'explode' } }).success, false);
  });
});

describe('custom rules', () => {
  it('regex + keywords + validator, run under RE2', () => {
    const dlp = createDlpInspector({
      customRules: [{ id: 'acme-employee-card', pattern: 'EMP-(\\d{8})', keywords: ['EMP-'], validator: 'luhn', category: 'pii' }],
    });
    const text = 'badge EMP-12345674 and EMP-12345675';
    const f = dlp.inspect([{ path: '$', text }], { surface: 'request', server: 's' }).filter((x) => x.type === 'acme-employee-card');
    assert.equal(f.length, 1, 'the Luhn-invalid one is dropped');
    assert.equal(text.slice(f[0]!.start, f[0]!.end), '12345674');
    assert.equal(f[0]!.category, 'pii');
  });
  it('a rule does not run when none of its keywords occur', () => {
    const dlp = createDlpInspector({ customRules: [{ id: 'acme-id', pattern: 'ID\\d{6}', keywords: ['acme'] }] });
    assert.equal(dlp.inspect([{ path: '$', text: 'ID123456' }], { surface: 'request', server: 's' }).length, 0);
    assert.equal(dlp.inspect([{ path: '$', text: 'acme ID123456' }], { surface: 'request', server: 's' }).length, 1);
  });
  it('the value of a custom secret is redacted by default like other secrets', () => {
    const v = alnum(r, 20);
    const dlp = createDlpInspector({ customRules: [{ id: 'acme-key', pattern: `acme_[A-Za-z0-9]{20}`, keywords: ['acme_'] }] });
    const f = dlp.inspect([{ path: '$', text: `k=acme_${v}` }], { surface: 'request', server: 's' });
    assert.equal(f[0]!.action, 'redact');
  });
});
