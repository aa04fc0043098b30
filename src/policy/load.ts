/**
 * Reading and validating `airlock.yaml`. Errors name the file, the path inside it and what is wrong.
 */
import { readFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { configSchema, type AirlockConfig } from './schema.js';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export interface LoadedConfig {
  config: AirlockConfig;
  path: string | null;
  /** The text it was parsed from, for versioning. */
  source: string;
  sha256: string;
}

export function formatIssues(error: z.ZodError, where: string): string {
  const lines = error.issues.map((i) => {
    const path = i.path.length ? i.path.map(String).join('.') : '(top level)';
    // A bad record key carries the key schema's own issues; their message says what a key must be.
    const inner = (i as { issues?: { message: string }[] }).issues;
    const message = i.code === 'invalid_key' && inner?.length ? `invalid name: ${inner.map((x) => x.message).join('; ')}` : i.message;
    return `  - ${path}: ${message}`;
  });
  return `invalid configuration in ${where}:\n${lines.join('\n')}`;
}

export function parseConfig(text: string, where: string): AirlockConfig {
  let raw: unknown;
  try {
    raw = parseYaml(text) ?? {};
  } catch (err) {
    throw new ConfigError(`${where} is not valid YAML: ${(err as Error).message}`);
  }
  const result = configSchema.safeParse(raw);
  if (!result.success) throw new ConfigError(formatIssues(result.error, where));
  return result.data;
}

export function loadConfig(path: string | null): LoadedConfig {
  if (path === null || !existsSync(path)) {
    const source = '';
    return { config: configSchema.parse({}), path: null, source, sha256: sha256(source) };
  }
  const source = readFileSync(path, 'utf8');
  return { config: parseConfig(source, path), path, source, sha256: sha256(source) };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
