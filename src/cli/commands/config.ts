/**
 * config schema | validate.
 */
import type { Command } from 'commander';
import { join } from 'node:path';
import { configJsonSchema } from '../../policy/json-schema.js';
import { loadConfig } from '../../policy/load.js';
import { homeOf, printJson } from '../context.js';

export function registerConfigCommands(program: Command): void {
  const config = program.command('config').description('The configuration file (airlock.yaml).');
  config
    .command('schema')
    .description('Print the JSON Schema of airlock.yaml (generated from the same zod schema that validates it).')
    .action(() => printJson(configJsonSchema()));
  config
    .command('validate [file]')
    .description('Validate a configuration file; exits non-zero with every problem listed.')
    .action((file: string | undefined, _opts: unknown, cmd: Command) => {
      const path = file ?? join(homeOf(cmd), 'airlock.yaml');
      const loaded = loadConfig(path);
      if (!loaded.path) throw new Error(`no configuration file at ${path}`);
      process.stdout.write(`${path}: valid (${Object.keys(loaded.config.servers).length} servers, sha256 ${loaded.sha256.slice(0, 12)})\n`);
    });
}
