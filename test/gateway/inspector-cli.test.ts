/**
 * A second real client that no one here wrote: the MCP Inspector CLI (@modelcontextprotocol/inspector
 * 0.15.0, `--cli` mode) lists tools and calls echo through `airlock up`, over Streamable HTTP and over
 * legacy SSE, and gets what it gets from the server directly.
 *
 * Inspector 0.15.0 cannot send an Authorization header, and its Streamable HTTP transport rewrites
 * any URL whose path does not end in /mcp to <origin>/mcp. So it reaches the gateway through a small
 * loopback ingress (`startIngress`), the way a team would put one in front of a gateway: it adds
 * the bearer header and mounts /mcp/everything at /mcp, and forwards every byte of the MCP
 * exchange unchanged, streaming in both directions. Without it the inspector is refused with 401,
 * which the last test shows. Later inspector releases have a header option but need Node 22.
 *
 * Needs the built CLI: npx tsc -p tsconfig.json
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { REPO_ROOT, SERVER_SCRIPTS, makeHome, startUp, stopChild, type Gateway, type TestHome } from '../helpers/mcp.js';

const INSPECTOR = join(REPO_ROOT, 'node_modules', '@modelcontextprotocol', 'inspector', 'cli', 'build', 'cli.js');

let h: TestHome;
let gw: Gateway;
let ingress: { url: string; server: Server; requests: string[] };

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npx @modelcontextprotocol/inspector --cli <args>` with the installed 0.15.0. */
function inspector(args: string[], timeoutMs = 30_000): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [INSPECTOR, '--cli', ...args], { cwd: join(h.home, 'cwd'), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      void stopChild(child);
      reject(new Error(`inspector ${args.join(' ')} did not finish in ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

function json(run: Run): unknown {
  assert.equal(run.code, 0, `inspector failed (${run.code}):\n${run.stderr}\n${run.stdout}`);
  return JSON.parse(run.stdout) as unknown;
}

/** Loopback ingress: adds the bearer token, maps /mcp → /mcp/everything, streams both ways. */
async function startIngress(target: string, token: string): Promise<typeof ingress> {
  const upstream = new URL(target);
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = req.url === '/mcp' || req.url?.startsWith('/mcp?') ? req.url.replace(/^\/mcp/, '/mcp/everything') : req.url!;
    requests.push(`${req.method} ${path}`);
    const out = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path, headers: { ...req.headers, host: upstream.host, authorization: `Bearer ${token}` } },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        res.flushHeaders();
        up.pipe(res);
      },
    );
    out.on('error', () => res.destroy());
    res.on('close', () => out.destroy());
    req.pipe(out);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, requests };
}

before(async () => {
  h = await makeHome(() => ({ everything: { command: process.execPath, args: [SERVER_SCRIPTS.everything, 'stdio'] } }));
  gw = await startUp(h.home);
  ingress = await startIngress(gw.url, h.token);
});

after(async () => {
  ingress?.server.closeAllConnections();
  await new Promise<void>((r) => (ingress ? ingress.server.close(() => r()) : r()));
  await gw?.stop();
  await h?.cleanup();
});

describe('MCP Inspector CLI 0.15.0 through airlock up', () => {
  let direct: { tools: unknown; echo: unknown };

  before(async () => {
    const target = [process.execPath, SERVER_SCRIPTS.everything, 'stdio'];
    direct = {
      tools: json(await inspector([...target, '--method', 'tools/list'])),
      echo: json(await inspector([...target, '--method', 'tools/call', '--tool-name', 'echo', '--tool-arg', 'message=hello from the inspector'])),
    };
    assert.deepEqual(direct.echo, { content: [{ type: 'text', text: 'Echo: hello from the inspector' }] });
  });

  it('Streamable HTTP: tools/list and tools/call echo equal the direct answers', async () => {
    const url = `${ingress.url}/mcp`;
    const tools = json(await inspector([url, '--transport', 'http', '--method', 'tools/list']));
    const echo = json(await inspector([url, '--transport', 'http', '--method', 'tools/call', '--tool-name', 'echo', '--tool-arg', 'message=hello from the inspector']));
    assert.deepEqual(tools, direct.tools);
    assert.deepEqual(echo, direct.echo);
    assert.ok(ingress.requests.includes('POST /mcp/everything'), 'the inspector spoke Streamable HTTP to the gateway');
  });

  it('legacy SSE: tools/list and tools/call echo equal the direct answers', async () => {
    const url = `${ingress.url}/mcp/everything/sse`;
    const tools = json(await inspector([url, '--transport', 'sse', '--method', 'tools/list']));
    const echo = json(await inspector([url, '--transport', 'sse', '--method', 'tools/call', '--tool-name', 'echo', '--tool-arg', 'message=hello from the inspector']));
    assert.deepEqual(tools, direct.tools);
    assert.deepEqual(echo, direct.echo);
    assert.ok(ingress.requests.some((r) => r.startsWith('POST /mcp/everything/messages?sessionId=')), 'the inspector used the legacy message endpoint');
  });

  it('without the bearer token the gateway refuses the inspector (401)', async () => {
    const run = await inspector([`${gw.url}/mcp/everything/sse`, '--transport', 'sse', '--method', 'tools/list']);
    assert.notEqual(run.code, 0);
    assert.match(run.stderr + run.stdout, /401/);
  });
});
