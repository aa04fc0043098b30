/**
 * `scope: shared`: one server process serves several client sessions. Two SDK clients use the same
 * JSON-RPC ids and the same progress tokens (the SDK numbers both from 0), so every answer and every
 * progress notification reaching the right client shows the id mapping works.
 *
 * Needs the built CLI: npx tsc -p tsconfig.json
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Progress } from '@modelcontextprotocol/sdk/types.js';
import { SERVER_SCRIPTS, connectHttp, leftoverProcesses, makeHome, startUp, waitNoLeftovers, type Connected, type Gateway, type TestHome } from '../helpers/mcp.js';

let h: TestHome;
let gw: Gateway;

before(async () => {
  h = await makeHome(() => ({ shared: { command: process.execPath, args: [SERVER_SCRIPTS.everything, 'stdio'], scope: 'shared' } }));
  gw = await startUp(h.home);
});

after(async () => {
  await gw?.stop();
  await h?.cleanup();
});

const echoText = async (c: Connected, message: string) => (await c.client.callTool({ name: 'echo', arguments: { message } })).content;

describe('scope: shared', () => {
  it('two sessions with colliding ids and progress tokens each get their own answers, from one server process', async () => {
    const a = await connectHttp(gw.url, h.token, 'shared');
    const b = await connectHttp(gw.url, h.token, 'shared');
    try {
      const progressA: Progress[] = [];
      const progressB: Progress[] = [];
      const [longA, longB, ...echoes] = await Promise.all([
        a.client.callTool({ name: 'trigger-long-running-operation', arguments: { duration: 0.8, steps: 4 } }, undefined, { onprogress: (p) => progressA.push(p) }),
        b.client.callTool({ name: 'trigger-long-running-operation', arguments: { duration: 0.6, steps: 2 } }, undefined, { onprogress: (p) => progressB.push(p) }),
        ...Array.from({ length: 10 }, (_, i) => echoText(i % 2 ? a : b, `${i % 2 ? 'A' : 'B'}-${i}`)),
      ]);
      assert.deepEqual(longA!.content, [{ type: 'text', text: 'Long running operation completed. Duration: 0.8 seconds, Steps: 4.' }]);
      assert.deepEqual(longB!.content, [{ type: 'text', text: 'Long running operation completed. Duration: 0.6 seconds, Steps: 2.' }]);
      assert.deepEqual(
        echoes,
        Array.from({ length: 10 }, (_, i) => [{ type: 'text', text: `Echo: ${i % 2 ? 'A' : 'B'}-${i}` }]),
      );
      // Each client saw only its own operation's progress (totals 4 and 2), never the other's.
      assert.ok(progressA.length > 0 && progressA.every((p) => p.total === 4), JSON.stringify(progressA));
      assert.ok(progressB.length > 0 && progressB.every((p) => p.total === 2), JSON.stringify(progressB));
      assert.equal(leftoverProcesses(join(h.home, 'cwd', 'shared')).length, 1, 'one server process for both sessions');
    } finally {
      await a.close();
    }
    try {
      // The other session keeps its shared server when the first one leaves.
      assert.deepEqual(await echoText(b, 'B alone'), [{ type: 'text', text: 'Echo: B alone' }]);
    } finally {
      await b.close();
    }
  });

  it('the shared server stops with the gateway', async () => {
    await gw.stop();
    assert.deepEqual(await waitNoLeftovers(join(h.home, 'cwd', 'shared')), []);
  });
});
