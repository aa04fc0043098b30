/**
 * Parity: the official SDK client gets the same answers from a real server whether it talks to it
 * directly, through `airlock run --isolation process`, through `airlock up` over Streamable HTTP, or
 * through `airlock up` over legacy SSE. Nothing is normalised: every path and file the servers see
 * is one the test controls and shares across the four routes.
 *
 * Needs the built CLI: npx tsc -p tsconfig.json
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  CreateMessageRequestSchema,
  ElicitRequestSchema,
  ListRootsRequestSchema,
  type CreateMessageRequest,
  type ElicitRequest,
  type Progress,
} from '@modelcontextprotocol/sdk/types.js';
import {
  ALL_VIAS,
  SERVER_SCRIPTS,
  airlock,
  connectDirect,
  connectHttp,
  connectRun,
  connectSse,
  makeHome,
  nodeServer,
  startUp,
  waitNoLeftovers,
  type ClientOptions,
  type Connected,
  type Gateway,
  type ServerSpec,
  type TestHome,
  type Via,
} from '../helpers/mcp.js';

let h: TestHome;
let gw: Gateway;
let fsDir: string;
const memoryFile = (via: Via) => join(h.scratch, `memory-${via}.jsonl`);

/** The server each route reaches; for `http`/`sse` the same spec is in airlock.yaml under `name-via`. */
function specFor(kind: 'everything' | 'filesystem' | 'memory', via: Via): ServerSpec {
  if (kind === 'everything') return nodeServer(SERVER_SCRIPTS.everything, ['stdio']);
  if (kind === 'filesystem') return nodeServer(SERVER_SCRIPTS.filesystem, [fsDir]);
  return nodeServer(SERVER_SCRIPTS.memory, [], { MEMORY_FILE_PATH: memoryFile(via) });
}

async function connect(kind: 'everything' | 'filesystem' | 'memory', via: Via, o: ClientOptions = {}): Promise<Connected> {
  const spec = specFor(kind, via);
  const name = kind === 'memory' ? `memory-${via}` : kind;
  switch (via) {
    case 'direct':
      return connectDirect(spec, join(h.home, 'direct'), o);
    case 'run':
      return connectRun(h.home, name, spec, o);
    case 'http':
      return connectHttp(gw.url, h.token, name, o);
    case 'sse':
      return connectSse(gw.url, h.token, name, o);
  }
}

before(async () => {
  h = await makeHome((scratch) => {
    fsDir = join(scratch, 'fs');
    mkdirSync(fsDir, { recursive: true });
    const entry = (s: ServerSpec) => ({ command: s.command, args: s.args, env: s.env ?? {} });
    return {
      everything: entry(nodeServer(SERVER_SCRIPTS.everything, ['stdio'])),
      filesystem: entry(nodeServer(SERVER_SCRIPTS.filesystem, [fsDir])),
      'memory-http': entry(nodeServer(SERVER_SCRIPTS.memory, [], { MEMORY_FILE_PATH: join(scratch, 'memory-http.jsonl') })),
      'memory-sse': entry(nodeServer(SERVER_SCRIPTS.memory, [], { MEMORY_FILE_PATH: join(scratch, 'memory-sse.jsonl') })),
    };
  });
  mkdirSync(join(h.home, 'direct'), { recursive: true });
  gw = await startUp(h.home);
});

after(async () => {
  await gw?.stop();
  await h?.cleanup();
});

/** Runs `scenario` over every route and asserts each relayed result deep-equals the direct one. */
async function assertParity<T>(label: string, scenario: (via: Via) => Promise<T>): Promise<Record<Via, T>> {
  const results = {} as Record<Via, T>;
  for (const via of ALL_VIAS) results[via] = await scenario(via);
  for (const via of ALL_VIAS) {
    if (via === 'direct') continue;
    assert.deepEqual(results[via], results.direct, `${label}: ${via} differs from direct`);
  }
  return results;
}

describe('parity with a direct connection', () => {
  it('server-everything: handshake, tools, echo, sum, progress, sampling, elicitation, roots, resources, prompts', async () => {
    const results = await assertParity('everything', async (via) => {
      const sampling: CreateMessageRequest['params'][] = [];
      const elicitations: ElicitRequest['params'][] = [];
      let rootsAsked = 0;
      const c = await connect('everything', via, {
        capabilities: { sampling: {}, elicitation: {}, roots: { listChanged: true } },
        setup: (client: Client) => {
          client.setRequestHandler(CreateMessageRequestSchema, async (req) => {
            sampling.push(req.params);
            return { model: 'parity-model', role: 'assistant', content: { type: 'text', text: 'four' }, stopReason: 'endTurn' };
          });
          client.setRequestHandler(ElicitRequestSchema, async (req) => {
            elicitations.push(req.params);
            return { action: 'accept', content: { name: 'Ada Lovelace', check: true } };
          });
          client.setRequestHandler(ListRootsRequestSchema, async () => {
            rootsAsked++;
            return { roots: [{ uri: 'file:///srv/parity', name: 'parity root' }] };
          });
        },
      });
      try {
        const { client } = c;
        const progress: Progress[] = [];
        const out = {
          serverVersion: client.getServerVersion(),
          capabilities: client.getServerCapabilities(),
          instructions: client.getInstructions(),
          tools: await client.listTools(),
          echo: await client.callTool({ name: 'echo', arguments: { message: 'parity: héllo ✓ "quoted" \\ back' } }),
          sum: await client.callTool({ name: 'get-sum', arguments: { a: 2, b: 40.5 } }),
          longRunning: await client.callTool({ name: 'trigger-long-running-operation', arguments: { duration: 0.6, steps: 3 } }, undefined, {
            onprogress: (p) => progress.push(p),
          }),
          // The SDK client runs notification handlers a microtask later than response handlers, so
          // when the last progress and the result arrive in one read (stdio, direct), the client
          // itself drops that last progress. Compare the progress before the final step.
          progress: progress.filter((p) => p.total === undefined || p.progress < p.total),
          sampling: await client.callTool({ name: 'trigger-sampling-request', arguments: { prompt: 'What is 2+2?', maxTokens: 7 } }),
          samplingRequests: sampling,
          elicitation: await client.callTool({ name: 'trigger-elicitation-request', arguments: {} }),
          elicitationRequests: elicitations,
          roots: await client.callTool({ name: 'get-roots-list', arguments: {} }),
          resources: await client.listResources(),
          templates: await client.listResourceTemplates(),
          prompts: await client.listPrompts(),
          simplePrompt: await client.getPrompt({ name: 'simple-prompt' }),
          argsPrompt: await client.getPrompt({ name: 'args-prompt', arguments: { city: 'Lisbon', state: 'Lisboa' } }),
        };
        const first = out.resources.resources[0];
        assert.ok(first, 'server-everything lists at least one resource');
        const read = await client.readResource({ uri: first.uri });
        return { ...out, read, rootsAskedAtLeastOnce: rootsAsked > 0 };
      } finally {
        await c.close();
      }
    });
    // The shared answers are the real thing, not an empty agreement.
    const d = results.direct;
    assert.ok(d.tools.tools.some((t) => t.name === 'trigger-sampling-request'), 'sampling tool registered for a sampling-capable client');
    assert.deepEqual(d.echo.content, [{ type: 'text', text: 'Echo: parity: héllo ✓ "quoted" \\ back' }]);
    assert.deepEqual(d.sum.content, [{ type: 'text', text: 'The sum of 2 and 40.5 is 42.5.' }]);
    assert.deepEqual(d.progress.map((p) => [p.progress, p.total]), [[1, 3], [2, 3]]);
    assert.equal(d.samplingRequests.length, 1);
    assert.match(JSON.stringify(d.sampling.content), /parity-model/);
    assert.equal(d.elicitationRequests.length, 1);
    assert.match(JSON.stringify(d.elicitation.content), /Ada Lovelace/);
    assert.match(JSON.stringify(d.roots.content), /file:\/\/\/srv\/parity/);
    assert.equal(d.rootsAskedAtLeastOnce, true);
    assert.ok(d.read.contents.length > 0);
    assert.match(JSON.stringify(d.argsPrompt.messages), /Lisbon, Lisboa/);
  });

  it('server-everything: cancelling a long-running call with an AbortSignal', async () => {
    await assertParity('cancellation', async (via) => {
      const c = await connect('everything', via);
      try {
        const ac = new AbortController();
        const started = Date.now();
        const call = c.client.callTool({ name: 'trigger-long-running-operation', arguments: { duration: 20, steps: 40 } }, undefined, {
          signal: ac.signal,
          onprogress: () => ac.abort('parity cancel'),
        });
        const error = await call.then(
          () => assert.fail('the cancelled call resolved'),
          (err: unknown) => err,
        );
        // Cancelled at the first progress (0.5 s in), long before the 20 s operation would end.
        assert.ok(Date.now() - started < 10_000, `cancellation took ${Date.now() - started} ms`);
        const after = await c.client.callTool({ name: 'echo', arguments: { message: 'still here' } });
        return { error: String(error), after };
      } finally {
        await c.close();
      }
    });
    // The cancellation itself travelled through each relay to the server.
    const exported = await airlock(h.home, ['audit', 'export', '--jsonl']);
    assert.equal(exported.code, 0, exported.stderr);
    const cancels = exported.stdout
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { entry?: { type: string; data: Record<string, unknown> } }).entry)
      .filter((e) => e?.type === 'message.notification' && e.data.method === 'notifications/cancelled' && e.data.dir === 'c2s' && e.data.verdict === 'allow');
    assert.equal(cancels.length, 3, 'one notifications/cancelled relayed per route (run, http, sse)');
  });

  it('server-filesystem on a temp dir: list_allowed_directories, write_file, read_text_file, list_directory', async () => {
    const results = await assertParity('filesystem', async (via) => {
      const c = await connect('filesystem', via);
      try {
        const call = (name: string, args: Record<string, unknown>) => c.client.callTool({ name, arguments: args });
        const file = join(fsDir, 'notes.txt');
        return {
          tools: await c.client.listTools(),
          allowed: await call('list_allowed_directories', {}),
          write: await call('write_file', { path: file, content: 'line one\nline two ✓\n' }),
          readText: await call('read_text_file', { path: file }),
          readHead: await call('read_text_file', { path: file, head: 1 }),
          list: await call('list_directory', { path: fsDir }),
          outside: await call('read_text_file', { path: '/etc/hostname' }),
        };
      } finally {
        await c.close();
      }
    });
    const d = results.direct;
    assert.match(JSON.stringify(d.allowed.content), new RegExp(fsDir.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')));
    assert.deepEqual(d.readText.content, [{ type: 'text', text: 'line one\nline two ✓\n' }]);
    assert.match(JSON.stringify(d.list.content), /\[FILE\] notes\.txt/);
    assert.equal(d.outside.isError, true, 'the filesystem server refuses paths outside its directory');
  });

  it('server-memory with MEMORY_FILE_PATH: create_entities, create_relations, read_graph, search_nodes', async () => {
    const results = await assertParity('memory', async (via) => {
      const c = await connect('memory', via);
      try {
        const call = (name: string, args: Record<string, unknown>) => c.client.callTool({ name, arguments: args });
        return {
          created: await call('create_entities', {
            entities: [
              { name: 'Airlock', entityType: 'project', observations: ['relays MCP'] },
              { name: 'gVisor', entityType: 'sandbox', observations: ['user-space kernel'] },
            ],
          }),
          related: await call('create_relations', { relations: [{ from: 'Airlock', to: 'gVisor', relationType: 'runs servers in' }] }),
          graph: await call('read_graph', {}),
          search: await call('search_nodes', { query: 'kernel' }),
        };
      } finally {
        await c.close();
      }
    });
    assert.match(JSON.stringify(results.direct.graph), /runs servers in/);
    assert.match(JSON.stringify(results.direct.search), /gVisor/);
  });

  it('leaves no server process running once the sessions are closed', async () => {
    // `airlock up` is still running; only its per-session servers must be gone.
    const left = await waitNoLeftovers(join(h.home, 'cwd'));
    assert.deepEqual(left, [], 'per-session servers of airlock up still running');
    const leftRun = (await waitNoLeftovers(h.home)).filter((pid) => pid !== gw.proc.pid);
    assert.deepEqual(leftRun, [], 'processes still running in the test home');
  });
});
