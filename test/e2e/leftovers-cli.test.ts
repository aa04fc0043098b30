/**
 * `kill -9` of `airlock up` while a gVisor sandbox runs: the sandbox (runsc container, bundle,
 * cgroup) is left behind, and the next `airlock up` on the same data directory removes it. Needs
 * runsc and root, as the sandbox suites do.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runtimeDirFor } from '../../src/gateway/leftovers.js';
import { runscStateDir, bundlesDir } from '../../src/sandbox/paths.js';
import { connectHttp, makeHome, nodeServer, startUp } from '../helpers/mcp.js';

const everything = join(import.meta.dirname, '../../node_modules/@modelcontextprotocol/server-everything/dist/index.js');

function containers(rt: string): string[] {
  if (!existsSync(runscStateDir(rt))) return [];
  const out = execFileSync('runsc', ['--root', runscStateDir(rt), 'list', '-quiet'], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l.trim().length > 0);
}

test('the next airlock up removes what a killed one left behind', async () => {
  // cwd outside the data directory: the data directory is masked inside the sandbox.
  const h = await makeHome(() => ({ ev: { ...nodeServer(everything), isolation: 'gvisor', cwd: '/tmp' } }));
  try {
    const rt = runtimeDirFor(h.home);
    const first = await startUp(h.home);
    const c = await connectHttp(first.url, h.token, 'ev');
    const r = await c.client.callTool({ name: 'echo', arguments: { message: 'hi' } });
    assert.deepEqual(r.content, [{ type: 'text', text: 'Echo: hi' }]);
    assert.equal(containers(rt).length, 1, 'one gVisor container runs for the session');

    process.kill(-first.proc.pid!, 'SIGKILL');
    await new Promise((resolve) => first.proc.once('exit', resolve));
    assert.equal(containers(rt).length, 1, 'after kill -9 the container is left behind');

    const second = await startUp(h.home);
    try {
      assert.deepEqual(containers(rt), [], 'the restarted gateway removed it');
      assert.deepEqual(existsSync(bundlesDir(rt)) ? readdirSync(bundlesDir(rt)) : [], [], 'and its bundle');
    } finally {
      await second.stop();
    }
  } finally {
    await h.cleanup();
  }
});
