/**
 * Shared plumbing for subcommands: where the data directory is and how to open the runtime.
 */
import type { Command } from 'commander';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { openRuntime, type Runtime } from '../gateway/runtime.js';

export function homeOf(cmd: Command): string {
  const opts = cmd.optsWithGlobals() as { home?: string };
  return opts.home && opts.home.length > 0 ? opts.home : process.env.AIRLOCK_HOME || join(homedir(), '.airlock');
}

export function openRuntimeFor(cmd: Command, configPath?: string): Promise<Runtime> {
  return openRuntime({ home: homeOf(cmd), configPath, databaseUrl: process.env.AIRLOCK_DATABASE_URL || undefined });
}

/** Collects a repeatable option into a list. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** Opens the runtime for one command and always closes it. */
export async function withRuntime<T>(cmd: Command, fn: (runtime: Runtime) => Promise<T>): Promise<T> {
  const runtime = await openRuntimeFor(cmd);
  try {
    return await fn(runtime);
  } finally {
    await runtime.close();
  }
}
