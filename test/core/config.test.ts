import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { configJsonSchema } from '../../src/policy/json-schema.js';
import { ConfigError, parseConfig } from '../../src/policy/load.js';

test('the published JSON Schema is the one generated from the zod schema (run: npm run schema)', () => {
  const committed = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../schema/airlock.schema.json'), 'utf8')) as unknown;
  assert.deepEqual(committed, configJsonSchema());
});

test('defaults fill in a minimal file', () => {
  const c = parseConfig('servers:\n  fs: { command: npx, args: [x] }\n', 'airlock.yaml');
  assert.equal(c.gateway.host, '127.0.0.1');
  assert.equal(c.gateway.maxMessageBytes, 8 * 1024 * 1024);
  assert.equal(c.servers.fs!.scope, 'session');
  assert.equal(c.servers.fs!.pin, true);
});

test('errors name the file, the path inside it and what is wrong', () => {
  assert.throws(
    () => parseConfig('gateway: { port: 99999 }\nservers:\n  Bad Name: { command: x }\n  both: { command: x, url: "http://127.0.0.1/mcp" }\n  typo: { comand: x }\n', 'team.yaml'),
    (err: Error) => {
      assert.ok(err instanceof ConfigError);
      assert.match(err.message, /invalid configuration in team\.yaml/);
      assert.match(err.message, /gateway\.port/);
      assert.match(err.message, /server names are lower-case/);
      assert.match(err.message, /exactly one of "command"/);
      assert.match(err.message, /comand/);
      return true;
    },
  );
  assert.throws(() => parseConfig('servers: [', 'x.yaml'), /x\.yaml is not valid YAML/);
});

test('a reloaded policy applies to the next message of an open session, and is versioned and audited', async () => {
  const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { openRuntime } = await import('../../src/gateway/runtime.js');
  const { tailEntries } = await import('../../src/audit/index.js');
  const home = mkdtempSync(join(tmpdir(), 'airlock-reload-'));
  try {
    writeFileSync(join(home, 'airlock.yaml'), 'servers: {}\n');
    const rt = await openRuntime({ home });
    const ctx = { surface: 'response' as const, server: 's' };
    const card = 'card 4111 1111 1111 1111';
    assert.equal(rt.pipeline.inspectText(card, ctx).verdict, 'allow', 'personal data is alerted by default');
    writeFileSync(join(home, 'airlock.yaml'), 'servers: {}\ninspect:\n  rules:\n    - { category: pii, action: block }\n');
    const r = await rt.reload('test');
    assert.equal(r.changed, true);
    assert.equal(rt.pipeline.inspectText(card, ctx).verdict, 'block', 'the same pipeline object now blocks');
    writeFileSync(join(home, 'airlock.yaml'), 'servers: [oops\n');
    await assert.rejects(rt.reload('test'), /not valid YAML/);
    assert.equal(rt.pipeline.inspectText(card, ctx).verdict, 'block', 'an invalid file leaves the policy in force');
    const changes = [];
    for await (const e of tailEntries(rt.store, { tenant: 'default', n: 50 })) if (e.type === 'config.change') changes.push(e.data);
    assert.equal(changes.length, 1);
    await rt.close();
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
