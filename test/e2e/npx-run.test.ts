/**
 * `airlock run -- npx -y pkg@ver` under gVisor: a sandbox has no network to fetch with, so Airlock
 * installs the package once into a pinned prefix (scripts disabled, lockfile pinned, scanned) and
 * runs it from there; the next run uses the same copy. Installs from the npm registry.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { CLI } from '../helpers/mcp.js';
import { openStore } from '../../src/store/index.js';
import { tailEntries } from '../../src/audit/index.js';

const SPEC = '@modelcontextprotocol/server-memory@2026.8.31';

async function listThroughRun(home: string): Promise<{ tools: string[]; stderr: string }> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, 'run', '--isolation', 'gvisor', '--', 'npx', '-y', SPEC],
    env: { ...process.env, AIRLOCK_HOME: home } as Record<string, string>,
    cwd: home,
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const c = new Client({ name: 't', version: '1' });
  await c.connect(transport);
  try {
    return { tools: (await c.listTools()).tools.map((t) => t.name).sort(), stderr };
  } finally {
    await c.close();
  }
}

test('npx -y in a sandbox runs a pinned, scanned install, once', { timeout: 240_000 }, async () => {
  const home = mkdtempSync(join(tmpdir(), 'airlock-npx-'));
  try {
    const first = await listThroughRun(home);
    assert.ok(first.tools.includes('create_entities') && first.tools.includes('read_graph'), first.stderr);
    assert.match(first.stderr, /installing @modelcontextprotocol\/server-memory@2026\.8\.31/);
    const second = await listThroughRun(home);
    assert.deepEqual(second.tools, first.tools);
    assert.doesNotMatch(second.stderr, /installing/, 'the second run uses the pinned copy');
    const store = await openStore({ home });
    try {
      const types: string[] = [];
      const starts: Record<string, unknown>[] = [];
      for await (const e of tailEntries(store, { tenant: 'default', n: 500 })) {
        types.push(e.type);
        if (e.type === 'sandbox.start') starts.push(e.data);
      }
      assert.equal(types.filter((t) => t === 'servers.install').length, 1, 'installed once, audited');
      assert.equal(starts.length, 2);
      for (const s of starts) {
        assert.equal(s.isolation, 'gvisor');
        assert.equal(s.package, '@modelcontextprotocol/server-memory@2026.8.31');
      }
    } finally {
      await store.close();
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
