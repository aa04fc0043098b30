/**
 * The vulnerability guard end to end, through the built CLI and `airlock up`, exactly as a user runs
 * it: a server declared as `package: "mcp-remote@0.1.15"` (CVE-2025-6514) is installed from the npm
 * registry by Airlock, flagged by an OSV feed imported with `airlock vulns update`, refused by the
 * gateway with JSON-RPC -32002 naming the advisory and the fix, released by
 * `airlock servers upgrade --to 0.1.16`, and quarantined again while a session is open when a new
 * advisory arrives.
 *
 * mcp-remote is a stdio-to-HTTP proxy; its remote here is a small SDK server this test runs on
 * 127.0.0.1, so the released server really answers calls. Isolation is `process` so the test does
 * not depend on gVisor. The only network used beyond loopback is the npm registry, through npm.
 *
 * Build the CLI first: npx tsc -p tsconfig.json
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';
import {
  airlock,
  connectHttp,
  leftoverProcesses,
  makeHome,
  RawHttp,
  REPO_ROOT,
  sleep,
  startUp,
  waitNoLeftovers,
  type Connected,
  type Gateway,
  type ServerEntry,
  type TestHome,
} from '../helpers/mcp.js';

const FEED = join(REPO_ROOT, 'test/fixtures/osv/feed');
/** A fixture advisory (not a real one) against mcp-remote 0.1.16, fixed in 0.1.17. */
const LIVE_FEED = join(REPO_ROOT, 'test/fixtures/osv/live');
const VULNERABLE_LOCK = join(REPO_ROOT, 'test/fixtures/osv/lockfiles/vulnerable/package-lock.json');
const CLEAN_LOCK = join(REPO_ROOT, 'test/fixtures/osv/lockfiles/clean/package-lock.json');

const ADVISORY = /GHSA-6xpm-ggf7-wc3p \(CVE-2025-6514\), critical: mcp-remote@0\.1\.15; fixed in 0\.1\.16/;

interface StatusJson {
  feed: { advisories: number; warning?: string | null };
  servers: { name: string; state: { state: string; reasons: { advisoryId: string; package?: string; version?: string; fixed?: string }[] } | null }[];
}

interface AuditLine {
  type: string;
  server?: string;
  actor?: string;
  data: Record<string, unknown>;
}

/** A Streamable HTTP MCP server on loopback with one tool, the remote that mcp-remote proxies to. */
async function startRemote(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const mcp = new McpServer({ name: 'loopback-remote', version: '1.0.0' });
    mcp.registerTool('echo', { description: 'Echoes its input.', inputSchema: { message: z.string() } }, async ({ message }) => ({
      content: [{ type: 'text', text: `echo: ${message}` }],
    }));
    // Stateless: every POST is a whole exchange, which is all mcp-remote needs.
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    res.on('close', () => {
      void transport.close();
      void mcp.close();
    });
    void mcp.connect(transport).then(() => transport.handleRequest(req, res));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/mcp`, server };
}

async function status(home: string): Promise<StatusJson> {
  const r = await airlock(home, ['vulns', 'status', '--json']);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as StatusJson;
}

async function auditEntries(home: string, n = 200): Promise<AuditLine[]> {
  const r = await airlock(home, ['audit', 'tail', '-n', String(n)]);
  assert.equal(r.code, 0, r.stderr);
  return r.stdout
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as AuditLine);
}

/** The error an SDK client's initialize fails with (null when it succeeds; the client is closed). */
async function initializeError(url: string, token: string): Promise<Error | null> {
  let c: Connected;
  try {
    c = await connectHttp(url, token, 'remote');
  } catch (err) {
    return err as Error;
  }
  await c.close();
  return null;
}

describe('airlock CLI + up: install, quarantine, refuse, upgrade, release, live quarantine (mcp-remote from npm)', () => {
  let t: TestHome;
  let remote: { url: string; server: Server };
  let gw: Gateway | null = null;
  /** The working directory of the remote server's processes (how leftoverProcesses finds them). */
  const serverCwd = () => join(t.home, 'cwd', 'remote');

  before(async () => {
    remote = await startRemote();
    t = await makeHome((scratch) => {
      const authDir = join(scratch, 'mcp-auth');
      mkdirSync(authDir, { recursive: true });
      // `package:` replaces `command:` (the helper's type only knows command servers).
      const entry = {
        package: 'mcp-remote@0.1.15',
        bin: 'mcp-remote',
        args: [remote.url, '--transport', 'http-only'],
        // mcp-remote keeps OAuth state under ~/.mcp-auth unless told otherwise: keep it in the test home.
        env: { MCP_REMOTE_CONFIG_DIR: authDir },
        isolation: 'process',
      } as unknown as ServerEntry;
      return { remote: entry };
    });
  });

  after(async () => {
    await gw?.stop();
    remote?.server.closeAllConnections();
    await new Promise<void>((r) => (remote ? remote.server.close(() => r()) : r()));
    if (t) {
      assert.deepEqual(await waitNoLeftovers(t.home), [], 'no server process is left running');
      await t.cleanup();
    }
  });

  test('servers install pins the old version; vulns update quarantines it; vulns status says why', { timeout: 300_000 }, async () => {
    const before = await status(t.home);
    assert.equal(before.servers.find((s) => s.name === 'remote')?.state, null, 'nothing is decided before the first scan');

    const install = await airlock(t.home, ['servers', 'install', 'remote'], undefined, 240_000);
    assert.equal(install.code, 0, install.stderr);
    assert.match(install.stdout, /installed mcp-remote@0\.1\.15 \(sha512-/);
    const pin = JSON.parse(readFileSync(join(t.home, 'servers', 'remote', 'airlock-pin.json'), 'utf8')) as { name: string; version: string };
    assert.deepEqual([pin.name, pin.version], ['mcp-remote', '0.1.15']);
    // Install scripts are disabled and nothing was quarantined yet: there are no advisories.
    assert.notEqual((await status(t.home)).servers.find((s) => s.name === 'remote')?.state?.state, 'quarantined');

    const update = await airlock(t.home, ['vulns', 'update', '--source', FEED, '--json']);
    assert.equal(update.code, 0, update.stderr);
    const imported = JSON.parse(update.stdout) as { results: { source: string }[]; quarantined: number };
    assert.equal(imported.quarantined, 1);

    const after = await status(t.home);
    assert.ok(after.feed.advisories >= 5, JSON.stringify(after.feed));
    const state = after.servers.find((s) => s.name === 'remote')?.state;
    assert.equal(state?.state, 'quarantined');
    const reason = state.reasons.find((r) => r.advisoryId === 'GHSA-6xpm-ggf7-wc3p');
    assert.deepEqual([reason?.package, reason?.version, reason?.fixed], ['mcp-remote', '0.1.15', '0.1.16']);
    assert.ok(!state.reasons.some((r) => r.advisoryId === 'GHSA-wdrn-wthd-rawl'), 'a withdrawn advisory does not quarantine');

    const text = await airlock(t.home, ['vulns', 'status']);
    assert.match(text.stdout, /^remote\s+quarantined$/m);
  });

  test('vulns check --lockfile exits 1 on a match and 0 on a clean lockfile', async () => {
    const installed = await airlock(t.home, ['vulns', 'check', '--lockfile', join(t.home, 'servers', 'remote', 'package-lock.json'), '--json']);
    assert.equal(installed.code, 1, installed.stderr);
    const matches = (JSON.parse(installed.stdout) as { matches: { advisoryId: string; package?: string; name?: string; version: string }[] }).matches;
    assert.ok(matches.some((m) => m.advisoryId === 'GHSA-6xpm-ggf7-wc3p'), installed.stdout.slice(0, 2000));

    const fixture = await airlock(t.home, ['vulns', 'check', '--lockfile', VULNERABLE_LOCK]);
    assert.equal(fixture.code, 1, fixture.stderr);
    assert.match(fixture.stdout, /GHSA-6xpm-ggf7-wc3p/);
    assert.match(fixture.stdout, /mcp-remote@0\.1\.15/);

    const clean = await airlock(t.home, ['vulns', 'check', '--lockfile', CLEAN_LOCK]);
    assert.equal(clean.code, 0, clean.stdout + clean.stderr);
    assert.doesNotMatch(clean.stdout, /GHSA-6xpm-ggf7-wc3p/);

    // A check that could not run is neither "clean" (0) nor "vulnerable" (1).
    const missing = await airlock(t.home, ['vulns', 'check', '--lockfile', join(t.scratch, 'no-such-dir', 'package-lock.json')]);
    assert.equal(missing.code, 2, missing.stderr);
    assert.match(missing.stderr, /cannot read lockfile/);
  });

  test('servers inventory lists the whole tree; --sbom prints CycloneDX 1.6', async () => {
    const list = await airlock(t.home, ['servers', 'inventory', 'remote']);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /^mcp-remote@0\.1\.15$/m);
    assert.match(list.stdout, /^express@4\./m, 'dependencies are listed, not only the top package');

    const sbom = await airlock(t.home, ['servers', 'inventory', 'remote', '--sbom']);
    assert.equal(sbom.code, 0, sbom.stderr);
    const bom = JSON.parse(sbom.stdout) as { bomFormat: string; specVersion: string; components: { name: string; version: string; purl: string }[] };
    assert.equal(bom.bomFormat, 'CycloneDX');
    assert.equal(bom.specVersion, '1.6');
    assert.ok(bom.components.some((c) => c.purl === 'pkg:npm/mcp-remote@0.1.15' && c.version === '0.1.15'));
    assert.ok(bom.components.length > 50, `${bom.components.length} components`);
  });

  test('airlock up refuses the quarantined server with -32002 naming the advisory, and it is audited', { timeout: 120_000 }, async () => {
    gw = await startUp(t.home);

    // What a client sees on the wire.
    const raw = new RawHttp(`${gw.url}/mcp/remote`, t.token);
    const init = await raw.postJson({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
    assert.equal(init.status, 403);
    const error = init.messages[0]?.error as { code: number; message: string } | undefined;
    assert.equal(error?.code, -32002, init.text);
    assert.match(error.message, ADVISORY);
    assert.match(error.message, /airlock servers upgrade remote/);
    assert.equal(raw.sessionId, null, 'no session is created');

    // The official SDK client fails its initialize with the same error.
    const sdkError = await initializeError(gw.url, t.token);
    assert.ok(sdkError, 'initialize must fail');
    assert.match(sdkError.message, /-32002/);
    assert.match(sdkError.message, ADVISORY);

    // The quarantined server was never started.
    assert.deepEqual(leftoverProcesses(serverCwd()), []);

    const entries = await auditEntries(t.home);
    const q = entries.find((e) => e.type === 'vulns.quarantine' && e.server === 'remote');
    assert.ok(q, entries.map((e) => e.type).join(', '));
    assert.ok((q.data.reasons as { advisoryId: string }[]).some((r) => r.advisoryId === 'GHSA-6xpm-ggf7-wc3p'));
    assert.ok(entries.some((e) => e.type === 'servers.install' && e.server === 'remote'));
    assert.ok(!entries.some((e) => e.type === 'sandbox.start' && e.server === 'remote'), 'no sandbox was started for it');
  });

  test('servers upgrade --to 0.1.16 releases it and a new session works through mcp-remote', { timeout: 300_000 }, async () => {
    assert.ok(gw);
    const upgrade = await airlock(t.home, ['servers', 'upgrade', 'remote', '--to', '0.1.16'], undefined, 240_000);
    assert.equal(upgrade.code, 0, upgrade.stderr);
    assert.match(upgrade.stdout, /remote: mcp-remote@0\.1\.15 → 0\.1\.16/);

    const st = (await status(t.home)).servers.find((s) => s.name === 'remote')?.state;
    assert.equal(st?.state, 'released');
    const entries = await auditEntries(t.home);
    const up = entries.find((e) => e.type === 'servers.upgrade' && e.server === 'remote');
    assert.deepEqual([up?.data.fromVersion, up?.data.version], ['0.1.15', '0.1.16']);
    assert.ok(entries.some((e) => e.type === 'vulns.release' && e.server === 'remote'));

    // The running gateway picks the release up (it re-reads quarantine state every 2 s).
    const deadline = Date.now() + 15_000;
    let c: Connected | null = null;
    let lastError: Error | null = null;
    while (!c && Date.now() < deadline) {
      try {
        c = await connectHttp(gw.url, t.token, 'remote');
      } catch (err) {
        lastError = err as Error;
        await sleep(300);
      }
    }
    assert.ok(c, `a new session initializes after the release (last error: ${lastError?.message})\n${gw.stderr().slice(-2000)}`);
    try {
      const tools = await c.client.listTools();
      assert.deepEqual(tools.tools.map((x) => x.name), ['echo']);
      const res = await c.client.callTool({ name: 'echo', arguments: { message: 'through mcp-remote 0.1.16' } });
      assert.deepEqual(res.content, [{ type: 'text', text: 'echo: through mcp-remote 0.1.16' }]);
    } finally {
      await c.close();
    }
    const starts = (await auditEntries(t.home)).filter((e) => e.type === 'sandbox.start' && e.server === 'remote');
    assert.equal(starts.at(-1)?.data.package, 'mcp-remote@0.1.16', 'the upgraded, pinned version is what runs');
  });

  test('a quarantine applied while airlock up runs reaches an open session within seconds', { timeout: 120_000 }, async () => {
    assert.ok(gw);
    const c = await connectHttp(gw.url, t.token, 'remote');
    try {
      const ok = await c.client.callTool({ name: 'echo', arguments: { message: 'before' } });
      assert.deepEqual(ok.content, [{ type: 'text', text: 'echo: before' }]);
      assert.ok(leftoverProcesses(serverCwd()).length > 0, 'mcp-remote runs for the open session');

      const update = await airlock(t.home, ['vulns', 'update', '--source', LIVE_FEED, '--json']);
      assert.equal(update.code, 0, update.stderr);
      assert.equal((JSON.parse(update.stdout) as { quarantined: number }).quarantined, 1);
      const applied = Date.now();

      // Calls keep going until the gateway sees the new state; the first refusal must come fast.
      // The gateway refuses the session's calls (-32002) and ends the session, stopping its sandbox;
      // which of the two the next call meets depends on where it lands relative to the close.
      let refusal: Error | null = null;
      while (!refusal && Date.now() - applied < 10_000) {
        try {
          await c.client.callTool({ name: 'echo', arguments: { message: 'after' } });
          await sleep(200);
        } catch (err) {
          refusal = err as Error;
        }
      }
      const elapsed = Date.now() - applied;
      assert.ok(refusal, 'the open session is refused once the server is quarantined');
      assert.ok(elapsed < 6000, `refused after ${elapsed} ms`);
      // Refused by the relay (-32002) or, once the session is closed, by the gateway (HTTP 404 whose
      // JSON-RPC error keeps -32002 and the reason): either way the caller learns the advisory.
      const code = (refusal as { code?: number }).code;
      assert.ok(code === -32002 || code === 404, refusal.message);
      assert.match(refusal.message, /GHSA-live-qrnt-0016, high: mcp-remote@0\.1\.16; fixed in 0\.1\.17/);
      if (code === 404) assert.match(refusal.message, /"code":-32002/);
      assert.deepEqual(await waitNoLeftovers(serverCwd(), 5000), [], 'the quarantined server is stopped, not only refused');
    } finally {
      await c.close();
    }
    // New sessions are refused too.
    const err = await initializeError(gw.url, t.token);
    assert.ok(err);
    assert.match(err.message, /-32002/);
    assert.match(err.message, /GHSA-live-qrnt-0016/);
    const st = (await status(t.home)).servers.find((s) => s.name === 'remote')?.state;
    assert.equal(st?.state, 'quarantined');
  });
});

describe('airlock up installs a configured package server at start and scans it before serving it', () => {
  let t: TestHome;
  let gw: Gateway | null = null;

  before(async () => {
    t = await makeHome(() => ({
      remote: { package: 'mcp-remote@0.1.15', bin: 'mcp-remote', args: ['http://127.0.0.1:9/mcp'], isolation: 'process' } as unknown as ServerEntry,
    }));
  });

  after(async () => {
    await gw?.stop();
    if (t) {
      assert.deepEqual(await waitNoLeftovers(t.home), [], 'no server process is left running');
      await t.cleanup();
    }
  });

  test('not installed yet: quarantined (fail closed); after up installs it: quarantined for the CVE, refused with -32002', { timeout: 300_000 }, async () => {
    const update = await airlock(t.home, ['vulns', 'update', '--source', FEED, '--json']);
    assert.equal(update.code, 0, update.stderr);
    const before = (await status(t.home)).servers.find((s) => s.name === 'remote')?.state;
    assert.equal(before?.state, 'quarantined', 'a server whose inventory cannot be read is not let through');
    assert.ok(!before.reasons.some((r) => r.advisoryId === 'GHSA-6xpm-ggf7-wc3p'), 'nothing is installed to match yet');

    gw = await startUp(t.home);
    assert.match(gw.stderr(), /installing mcp-remote@0\.1\.15 for remote/);
    const pin = JSON.parse(readFileSync(join(t.home, 'servers', 'remote', 'airlock-pin.json'), 'utf8')) as { version: string; integrity: string };
    assert.equal(pin.version, '0.1.15');
    assert.match(pin.integrity, /^sha512-/);

    const state = (await status(t.home)).servers.find((s) => s.name === 'remote')?.state;
    assert.equal(state?.state, 'quarantined');
    assert.deepEqual(
      state.reasons.map((r) => r.advisoryId),
      ['GHSA-6xpm-ggf7-wc3p'],
      'after the install the reason is the advisory, not the missing inventory',
    );

    const raw = new RawHttp(`${gw.url}/mcp/remote`, t.token);
    const init = await raw.postJson({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
    const error = init.messages[0]?.error as { code: number; message: string } | undefined;
    assert.equal(error?.code, -32002, init.text);
    assert.match(error.message, ADVISORY);

    const entries = await auditEntries(t.home);
    const install = entries.find((e) => e.type === 'servers.install' && e.server === 'remote');
    assert.ok(install, entries.map((e) => e.type).join(', '));
  });

  test('an installation that no longer matches its pin is quarantined, and released when it matches again', { timeout: 300_000 }, async () => {
    assert.ok(gw);
    const upgrade = await airlock(t.home, ['servers', 'upgrade', 'remote', '--to', '0.1.16'], undefined, 240_000);
    assert.equal(upgrade.code, 0, upgrade.stderr);
    assert.equal((await status(t.home)).servers.find((s) => s.name === 'remote')?.state?.state, 'released');

    // Someone edits the pinned lockfile: the tree on disk is no longer the one that was scanned.
    const lockPath = join(t.home, 'servers', 'remote', 'package-lock.json');
    const original = readFileSync(lockPath, 'utf8');
    writeFileSync(lockPath, original.replace('"version": "0.1.16"', '"version": "0.1.15"'));
    const update = await airlock(t.home, ['vulns', 'update', '--source', FEED, '--json']);
    assert.equal(update.code, 0, update.stderr);
    assert.equal((JSON.parse(update.stdout) as { quarantined: number }).quarantined, 1);
    const state = (await status(t.home)).servers.find((s) => s.name === 'remote')?.state as unknown as { state: string; reasons: { kind: string; detail?: string }[] };
    assert.equal(state.state, 'quarantined');
    assert.equal(state.reasons[0]?.kind, 'inventory-unreadable');
    assert.match(state.reasons[0]?.detail ?? '', /package-lock\.json changed since mcp-remote@0\.1\.16 was pinned/);

    // The running gateway refuses it within one watch interval.
    const deadline = Date.now() + 6000;
    let error: { code: number; message: string } | undefined;
    while (Date.now() < deadline) {
      const raw = new RawHttp(`${gw.url}/mcp/remote`, t.token);
      const init = await raw.postJson({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
      await raw.close();
      error = init.messages[0]?.error as typeof error;
      if (error?.code === -32002) break;
      await sleep(250);
    }
    assert.equal(error?.code, -32002, JSON.stringify(error));
    assert.match(error.message, /package-lock\.json changed since mcp-remote@0\.1\.16 was pinned/);

    writeFileSync(lockPath, original);
    const again = await airlock(t.home, ['vulns', 'update', '--source', FEED, '--json']);
    assert.equal(again.code, 0, again.stderr);
    assert.equal((JSON.parse(again.stdout) as { quarantined: number }).quarantined, 0);
    assert.equal((await status(t.home)).servers.find((s) => s.name === 'remote')?.state?.state, 'released');
  });
});
