/**
 * The vault end to end: a secret set through the CLI (value on stdin, never in argv) is injected into
 * a real server's environment at launch; the server can use it, but when it echoes it back
 * (server-everything's get-env tool returns its whole environment) the agent gets it redacted, and
 * the value is in none of Airlock's files afterwards. A missing secret refuses the launch, naming it.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { runtimeDirFor } from '../../src/gateway/leftovers.js';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { openRuntime, type Runtime } from '../../src/gateway/runtime.js';
import { startGateway, type Gateway } from '../../src/gateway/http-front.js';
import { startServerUpstream } from '../../src/gateway/start-server.js';

const root = resolve(import.meta.dirname, '../..');
const everything = join(root, 'node_modules/@modelcontextprotocol/server-everything/dist/index.js');
const TOKEN = 'tok-7Hq2Lw9Xc4Vb8Nm3Kp6Rs1Td5Fg0Jy';
let home: string;
let runtime: Runtime;
let gateway: Gateway;
const logLines: string[] = [];

function cli(args: string[], input?: string): string {
  return execFileSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], { env: { ...process.env, AIRLOCK_HOME: home }, input, encoding: 'utf8' });
}

before(async () => {
  home = mkdtempSync(join(tmpdir(), 'airlock-vault-e2e-'));
  writeFileSync(
    join(home, 'airlock.yaml'),
    [
      'gateway: { port: 0 }',
      'servers:',
      // In a real gVisor sandbox (cwd outside the data directory, which the sandbox cannot see).
      `  ev: { command: ${JSON.stringify(process.execPath)}, args: [${JSON.stringify(everything)}], isolation: gvisor, cwd: /tmp, env: { API_TOKEN: "secret:api-token", PLAIN: "visible" } }`,
      `  broken: { command: ${JSON.stringify(process.execPath)}, args: [${JSON.stringify(everything)}], isolation: process, env: { API_TOKEN: "secret:never-set" } }`,
      '',
    ].join('\n'),
  );
  cli(['init', '--json']);
  cli(['secrets', 'set', 'api-token'], `${TOKEN}\n`);
  runtime = await openRuntime({ home });
  gateway = await startGateway({
    runtime,
    insecureNoAuth: true,
    log: (l) => logLines.push(l),
    startUpstream: (name, server, session) => startServerUpstream({ runtime, name, server, session, log: (l) => logLines.push(l) }),
  });
});

after(async () => {
  await gateway.close();
  await runtime.close();
  rmSync(home, { recursive: true, force: true });
});

test('secrets list shows names and versions, never the value', () => {
  const out = cli(['secrets', 'list', '--json']);
  assert.match(out, /api-token/);
  assert.ok(!out.includes(TOKEN));
});

test('the server receives its secret, and an echo of it is redacted', async () => {
  const c = new Client({ name: 't', version: '1' });
  await c.connect(new StreamableHTTPClientTransport(new URL(`${gateway.url}/mcp/ev`)));
  let text: string;
  try {
    const r = await c.callTool({ name: 'get-env', arguments: {} });
    text = JSON.stringify(r.content);
  } finally {
    await c.close();
  }
  assert.ok(!text.includes(TOKEN), 'the injected value never reaches the agent');
  assert.match(text, /API_TOKEN/, 'the variable is there');
  assert.match(text, /REDACTED:registered-secret/, 'its value was replaced');
  assert.match(text, /visible/, 'ordinary variables pass');
});

test('a server whose secret is missing is refused, naming the secret', async () => {
  const c = new Client({ name: 't', version: '1' });
  const err = await c.connect(new StreamableHTTPClientTransport(new URL(`${gateway.url}/mcp/broken`))).then(
    () => null,
    (e: Error) => e,
  );
  assert.ok(err, 'connecting must fail');
  assert.match(err.message, /never-set/);
});

test('after all that, the plaintext is in no file under the data directory or the sandbox runtime directory, and in no log line', () => {
  const forms = [TOKEN, Buffer.from(TOKEN).toString('base64'), Buffer.from(TOKEN).toString('hex'), encodeURIComponent(TOKEN)];
  const walk = (dir: string): string[] =>
    existsSync(dir) ? readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : statSync(join(dir, f)).isFile() ? [join(dir, f)] : [])) : [];
  // The sandbox runtime directory (bundles, runsc state) must be memory-backed: it holds the
  // environment while the sandbox runs.
  assert.equal(execFileSync('findmnt', ['-n', '-o', 'FSTYPE', '--target', runtimeDirFor(home)], { encoding: 'utf8' }).trim(), 'tmpfs');
  for (const file of walk(home)) {
    const bytes = readFileSync(file);
    for (const form of forms) assert.ok(!bytes.includes(form), `${file} contains the secret`);
  }
  for (const form of forms) assert.ok(!logLines.join('\n').includes(form));
  assert.ok(!cli(['audit', 'export', '--jsonl']).includes(TOKEN));
});
