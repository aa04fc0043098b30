/**
 * audit verify | tail | export.
 */
import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { auditExport, auditPublicKey, auditTail, auditVerify } from '../../audit/index.js';
import { homeOf, printJson } from '../context.js';
import { openStore } from '../../store/index.js';

async function withStore<T>(cmd: Command, fn: (store: Awaited<ReturnType<typeof openStore>>, home: string) => Promise<T>): Promise<T> {
  const home = homeOf(cmd);
  const store = await openStore({ home, ...(process.env.AIRLOCK_DATABASE_URL ? { databaseUrl: process.env.AIRLOCK_DATABASE_URL } : {}) });
  try {
    return await fn(store, home);
  } finally {
    await store.close();
  }
}

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('The tamper-evident audit log.');
  audit
    .command('verify')
    .description('Check the hash chain and signed checkpoints; exits 0 when intact, 1 naming the first bad sequence number.')
    .option('--tenant <id>', 'tenant', 'default')
    .option('--json', 'print as JSON')
    .action(async (opts: { tenant: string; json?: boolean }, cmd: Command) => {
      const result = await withStore(cmd, (store, home) => auditVerify({ store, home, tenant: opts.tenant }));
      if (opts.json) printJson(result);
      else if (result.ok) process.stdout.write(`audit chain of tenant ${result.tenant} intact: ${result.count} entries, ${result.checkpoints} signed checkpoints\n`);
      else process.stdout.write(`audit chain of tenant ${result.tenant} BROKEN at sequence ${result.firstBadSeq}: ${result.reason}\n`);
      process.exitCode = result.ok ? 0 : 1;
    });
  audit
    .command('tail')
    .description('Print the last entries, one JSON object per line; --follow keeps printing new ones.')
    .option('-n, --lines <n>', 'how many', (v) => Number.parseInt(v, 10), 20)
    .option('-f, --follow', 'keep printing new entries')
    .option('--tenant <id>', 'tenant', 'default')
    .action(async (opts: { lines: number; follow?: boolean; tenant: string }, cmd: Command) => {
      const ac = new AbortController();
      process.once('SIGINT', () => ac.abort());
      await withStore(cmd, async (store, home) => {
        for await (const r of auditTail({ store, home, tenant: opts.tenant, n: opts.lines, follow: opts.follow, signal: ac.signal })) {
          process.stdout.write(JSON.stringify(r) + '\n');
        }
      });
    });
  audit
    .command('key')
    .description('Print the public key that signs audit checkpoints, and its id (what a third party pins with --key-id).')
    .option('--json', 'print as JSON')
    .action((opts: { json?: boolean }, cmd: Command) => {
      const key = auditPublicKey(homeOf(cmd));
      if (!key) throw new Error('no audit signing key in this data directory yet; run `airlock init`');
      if (opts.json) printJson(key);
      else process.stdout.write(`key id: ${key.keyId}\n${key.pem}`);
    });
  audit
    .command('export')
    .description('Export the chain with its checkpoints and public keys as JSON lines, verifiable by a third party (scripts/verify-audit-export.mjs).')
    .requiredOption('--jsonl', 'JSON lines (the only format)')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('--tenant <id>', 'tenant', 'default')
    .action(async (opts: { output?: string; tenant: string }, cmd: Command) => {
      const out = opts.output ? createWriteStream(opts.output, { mode: 0o600 }) : process.stdout;
      const summary = await withStore(cmd, (store, home) => auditExport({ store, home, tenant: opts.tenant, out }));
      if (opts.output) {
        await new Promise<void>((r) => (out as ReturnType<typeof createWriteStream>).end(() => r()));
        process.stderr.write(`exported ${JSON.stringify(summary)}\n`);
      }
    });
}
