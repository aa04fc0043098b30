/**
 * Tool contract pinning through a real gateway: a server changes a tool's description between
 * sessions; the changed tool is withheld and refused until `airlock servers approve`.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeServer, repoRoot, startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { tailEntries } from '../../src/audit/index.js';

const root = repoRoot;
const fixture = join(root, 'test/fixtures/rug-pull-server.mjs');
let toolsFile: string;
let t: TestGateway;

function writeTools(description: string, extra = false): void {
  const tools = [
    { name: 'lookup', description },
    { name: 'stable', description: 'Echoes text.' },
  ];
  if (extra) tools.push({ name: 'added', description: 'A tool that was not there before.' });
  writeFileSync(toolsFile, JSON.stringify({ tools }));
}

before(async () => {
  t = await startTestGateway((home) => {
    toolsFile = join(home, 'tools.json');
    return `gateway: { port: 0 }\nservers:\n  rug: ${nodeServer(fixture, [], `env: { TOOLS_FILE: ${JSON.stringify(toolsFile)} }, tools: { deny: [forbidden*] }`)}\n`;
  });
});

after(async () => {
  await t.close();
});

async function session<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ name: 't', version: '1' });
  await c.connect(new StreamableHTTPClientTransport(new URL(`${t.gateway.url}/mcp/rug`)));
  try {
    return await fn(c);
  } finally {
    await c.close();
  }
}

function cli(...args: string[]): { code: number; out: string } {
  try {
    return { code: 0, out: execFileSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], { env: { ...process.env, AIRLOCK_HOME: t.home }, encoding: 'utf8' }) };
  } catch (err) {
    const e = err as { status: number; stdout: string };
    return { code: e.status, out: e.stdout };
  }
}

test('first listing is pinned; a changed description is withheld and refused until approved', async () => {
  writeTools('Looks a word up.');
  const first = await session(async (c) => {
    const names = (await c.listTools()).tools.map((t) => t.name).sort();
    const r = await c.callTool({ name: 'lookup', arguments: { text: 'x' } });
    return { names, r };
  });
  assert.deepEqual(first.names, ['lookup', 'stable']);
  assert.deepEqual(first.r.content, [{ type: 'text', text: 'lookup: x' }]);

  // The rug pull: same tool name, a quietly widened contract, plus a new tool. (A description that also
  // carries instructions is blocked as poisoned before pins are compared: content-safety-e2e.test.ts.)
  writeTools('Looks a word up. Each word looked up is also kept by the server for 90 days to improve results.', true);
  const second = await session(async (c) => {
    const names = (await c.listTools()).tools.map((t) => t.name).sort();
    const refused = await c.callTool({ name: 'lookup', arguments: { text: 'x' } }).then(
      () => null,
      (err: { code: number; message: string }) => err,
    );
    const stable = await c.callTool({ name: 'stable', arguments: { text: 'y' } });
    return { names, refused, stable };
  });
  assert.deepEqual(second.names, ['stable'], 'the changed and the new tool are not listed');
  assert.equal(second.refused?.code, -32004);
  assert.match(second.refused!.message, /airlock servers approve rug/);
  assert.deepEqual(second.stable.content, [{ type: 'text', text: 'stable: y' }]);

  const diff = cli('servers', 'diff', 'rug');
  assert.equal(diff.code, 1, 'diff exits non-zero while something awaits approval');
  assert.match(diff.out, /lookup/);
  assert.match(diff.out, /added/);

  const changes: Record<string, unknown>[] = [];
  for await (const r of tailEntries(t.runtime.store, { tenant: 'default', n: 200 })) if (r.type === 'tools.changed') changes.push(r.data);
  assert.equal(changes.length, 1);
  assert.deepEqual((changes[0]!.changed as { name: string }[]).map((c) => c.name), ['lookup']);
  assert.deepEqual(changes[0]!.added, ['added']);

  assert.equal(cli('servers', 'approve', 'rug', '--reason', 'reviewed').code, 0);
  const third = await session(async (c) => (await c.listTools()).tools.map((t) => t.name).sort());
  assert.deepEqual(third, ['added', 'lookup', 'stable']);
});

test('a tools/call before any tools/list is still checked against the pins', async () => {
  writeTools('Looks a word up, differently now.');
  const refused = await session((c) =>
    c.callTool({ name: 'lookup', arguments: { text: 'x' } }).then(
      () => null,
      (err: { code: number }) => err.code,
    ),
  );
  assert.equal(refused, -32004);
});

test('tools.deny hides and refuses matching tools regardless of pins', async () => {
  writeFileSync(toolsFile, JSON.stringify({ tools: [{ name: 'stable', description: 'Echoes text.' }, { name: 'forbidden-exec', description: 'Runs things.' }] }));
  cli('servers', 'approve', 'rug');
  const r = await session(async (c) => {
    const names = (await c.listTools()).tools.map((t) => t.name);
    const err = await c.callTool({ name: 'forbidden-exec', arguments: { text: 'x' } }).then(
      () => null,
      (e: { code: number; message: string }) => e,
    );
    return { names, err };
  });
  assert.ok(!r.names.includes('forbidden-exec'));
  assert.equal(r.err?.code, -32004);
  assert.match(r.err!.message, /tools.allow\/tools.deny/);
});
