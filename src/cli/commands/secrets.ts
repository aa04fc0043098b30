/**
 * secrets set | list | rotate | rm | rotate-kek. Values are read without echo from the terminal, or
 * from stdin when it is not a terminal — never from an argument, which would land in shell history.
 */
import type { Command } from 'commander';
import { userInfo } from 'node:os';
import { formatSecretList, openVault, rotateKek, secretsList, secretsRm, secretsRotate, secretsSet, type SecretVault } from '../../vault/index.js';
import type { Runtime } from '../../gateway/runtime.js';
import { openRuntimeFor, printJson } from '../context.js';

function actor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

async function withVault<T>(cmd: Command, fn: (vault: SecretVault, runtime: Runtime) => Promise<T>): Promise<T> {
  const runtime = await openRuntimeFor(cmd);
  try {
    const tenant = runtime.config.gateway.tenant;
    const vault = await openVault({
      home: runtime.home,
      db: runtime.store.db,
      onEvent: async (e) => {
        await runtime.audit.append({ type: e.type, tenant, actor: e.actor ?? actor(), data: { secret: e.secret, version: e.version, kekId: e.kekId, count: e.count } });
      },
    });
    return await fn(vault, runtime);
  } finally {
    await runtime.close();
  }
}

export function registerSecretCommands(program: Command): void {
  const secrets = program.command('secrets').description('Envelope-encrypted server credentials. Refer to them in config as secret:NAME.');
  secrets
    .command('set <name>')
    .description('Store a new version of a secret; the value is read without echo (or from stdin).')
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const r = await withVault(cmd, (vault, rt) => secretsSet({ vault, tenant: rt.config.gateway.tenant, actor: actor() }, name));
      process.stderr.write(`stored ${r.name} version ${r.version}\n`);
    });
  secrets
    .command('rotate <name>')
    .description('Store a new value for an existing secret (a new version; old versions stay until rm).')
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const r = await withVault(cmd, (vault, rt) => secretsRotate({ vault, tenant: rt.config.gateway.tenant, actor: actor() }, name));
      process.stderr.write(`rotated ${r.name} to version ${r.version}\n`);
    });
  secrets
    .command('list')
    .description('Names, versions, who and when — never values.')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const rows = await withVault(cmd, (vault, rt) => secretsList({ vault, tenant: rt.config.gateway.tenant }));
      if (opts.json) printJson(rows);
      else process.stdout.write(formatSecretList(rows) + '\n');
    });
  secrets
    .command('rm <name>')
    .description('Delete a secret and erase its ciphertexts.')
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const r = await withVault(cmd, (vault, rt) => secretsRm({ vault, tenant: rt.config.gateway.tenant, actor: actor() }, name));
      process.stderr.write(`removed ${r.name} (${r.versions} versions)\n`);
    });
  secrets
    .command('rotate-kek')
    .description('Re-wrap every data key under a new key-encryption key, without touching ciphertexts.')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const runtime = await openRuntimeFor(cmd);
      try {
        const tenant = runtime.config.gateway.tenant;
        const report = await rotateKek({
          home: runtime.home,
          db: runtime.store.db,
          actor: actor(),
          onEvent: async (e) => {
            await runtime.audit.append({ type: e.type, tenant, actor: e.actor ?? actor(), data: { kekId: e.kekId, count: e.count } });
          },
        });
        if (opts.json) printJson(report);
        else {
          process.stdout.write(`re-wrapped data keys from ${report.fromKekId} to ${report.toKekId}\n`);
          if (report.followUp) process.stdout.write(`next: ${report.followUp}\n`);
        }
      } finally {
        await runtime.close();
      }
    });
}
