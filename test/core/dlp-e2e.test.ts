/**
 * DLP through the real relay: server-filesystem reads a file full of fake credentials; through
 * `airlock run` and through `airlock up` the agent gets them redacted, and the audit log holds
 * rule ids and hashes but none of the values. Without Airlock (direct), the values come through —
 * the control that shows the test can fail. Uses dist/ (scripts/test.sh builds it first).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeServer, repoRoot, serverFilesystem, startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const fsServer = serverFilesystem;
const cli = join(repoRoot, 'dist/cli/main.js');

const SECRETS = {
  awsId: 'AKIAZ4XQ7RSTUVWX2345',
  awsSecret: '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',
  stripe: 'sk_live_51Hq3Kx9Lm2Pq8Rs7Tu6Vw5Xy4',
  dbPassword: 'S3cretPassw0rd',
};
const FILE = `# production settings
AWS_ACCESS_KEY_ID=${SECRETS.awsId}
AWS_SECRET_ACCESS_KEY=${SECRETS.awsSecret}
STRIPE_KEY=${SECRETS.stripe}
DATABASE_URL=postgres://app:${SECRETS.dbPassword}@db.internal:5432/prod
`;

let data: string;
let t: TestGateway;

before(async () => {
  data = mkdtempSync(join(tmpdir(), 'airlock-dlp-data-'));
  writeFileSync(join(data, 'settings.env'), FILE);
  t = await startTestGateway(`gateway: { port: 0 }\nservers:\n  fs: ${nodeServer(fsServer, [data])}\n`);
});

after(async () => {
  await t.close();
  rmSync(data, { recursive: true, force: true });
});

async function readThrough(transport: StdioClientTransport | StreamableHTTPClientTransport): Promise<string> {
  const c = new Client({ name: 't', version: '1' });
  await c.connect(transport);
  try {
    const r = await c.callTool({ name: 'read_text_file', arguments: { path: join(data, 'settings.env') } });
    return (r.content as { text: string }[]).map((x) => x.text).join('\n');
  } finally {
    await c.close();
  }
}

function assertRedacted(text: string): void {
  for (const [what, value] of Object.entries(SECRETS)) assert.ok(!text.includes(value), `${what} must not reach the agent`);
  assert.match(text, /\[REDACTED:aws-access-key-id\]/);
  assert.match(text, /\[REDACTED:stripe-secret-key\]/);
  assert.match(text, /# production settings/, 'the rest of the file is intact');
}

test('control: without Airlock the agent sees every credential', async () => {
  const text = await readThrough(new StdioClientTransport({ command: process.execPath, args: [fsServer, data], stderr: 'ignore' }));
  for (const value of Object.values(SECRETS)) assert.ok(text.includes(value));
});

test('through airlock run, credentials in a tool result are redacted', async () => {
  const runHome = mkdtempSync(join(tmpdir(), 'airlock-dlp-run-'));
  try {
    const text = await readThrough(
      new StdioClientTransport({
        command: process.execPath,
        args: [cli, 'run', '--isolation', 'process', '--name', 'fs', '--', process.execPath, fsServer, data],
        env: { ...process.env, AIRLOCK_HOME: runHome } as Record<string, string>,
        stderr: 'ignore',
      }),
    );
    assertRedacted(text);
    const exported = execFileSync(process.execPath, [cli, 'audit', 'export', '--jsonl'], { env: { ...process.env, AIRLOCK_HOME: runHome }, encoding: 'utf8' });
    assert.match(exported, /aws-access-key-id/, 'the finding is audited by rule id');
    for (const value of Object.values(SECRETS)) assert.ok(!exported.includes(value), 'no value in the audit log');
    for (const f of readdirSync(runHome)) {
      if (!f.startsWith('airlock.db')) continue;
      const bytes = readFileSync(join(runHome, f));
      for (const value of Object.values(SECRETS)) assert.ok(!bytes.includes(value), `no value in ${f}`);
    }
  } finally {
    rmSync(runHome, { recursive: true, force: true });
  }
});

test('through airlock up, credentials in a tool result are redacted', async () => {
  const text = await readThrough(new StreamableHTTPClientTransport(new URL(`${t.gateway.url}/mcp/fs`)));
  assertRedacted(text);
});

test('a credential passed as a tool argument does not reach the server', async () => {
  const c = new Client({ name: 't', version: '1' });
  await c.connect(new StreamableHTTPClientTransport(new URL(`${t.gateway.url}/mcp/fs`)));
  try {
    await c.callTool({ name: 'write_file', arguments: { path: join(data, 'note.txt'), content: `deploy with ${SECRETS.awsId} ${SECRETS.awsSecret}` } });
  } finally {
    await c.close();
  }
  const written = readFileSync(join(data, 'note.txt'), 'utf8');
  assert.ok(!written.includes(SECRETS.awsId) && !written.includes(SECRETS.awsSecret), 'the server received the redacted argument');
  assert.match(written, /deploy with \[REDACTED:aws-access-key-id\]/);
});
