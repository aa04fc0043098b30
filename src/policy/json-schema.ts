/**
 * The published JSON Schema of airlock.yaml, derived from the zod schema (never written by hand).
 */
import { z } from 'zod';
import { configSchema } from './schema.js';

export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { title: 'Airlock configuration', ...schema };
}
