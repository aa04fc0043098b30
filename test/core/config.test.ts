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
