#!/usr/bin/env node
/**
 * The `airlock` command. Each subcommand parses its options, calls the part that owns the work and
 * prints the result; no logic lives here that a part should own.
 */
import { Command, Option } from 'commander';
import { registerCoreCommands } from './commands/core.js';
import { registerAuditCommands } from './commands/audit.js';
import { registerConfigCommands } from './commands/config.js';
import { registerSecretCommands } from './commands/secrets.js';
import { registerServerCommands } from './commands/servers.js';
import { registerVulnCommands } from './commands/vulns.js';
import { compileRegexpsEagerly } from './regexp-tier.js';

compileRegexpsEagerly();

const program = new Command();
program
  .name('airlock')
  .description('Security gateway and sandbox for MCP servers.\nData directory: $AIRLOCK_HOME (default ~/.airlock). Database: SQLite there, or PostgreSQL when AIRLOCK_DATABASE_URL is set.')
  .version('0.1.0')
  .enablePositionalOptions()
  .showHelpAfterError('(run with --help for usage)')
  .addOption(new Option('--home <dir>', 'data directory').env('AIRLOCK_HOME'));

registerCoreCommands(program);
registerAuditCommands(program);
registerConfigCommands(program);
registerSecretCommands(program);
registerServerCommands(program);
registerVulnCommands(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`airlock: ${(err as Error).message}\n`);
  process.exit(process.exitCode && process.exitCode !== 0 ? process.exitCode : 1);
});
