/**
 * Writes schema/airlock.schema.json from the zod schema. A test fails when the committed file is
 * out of date, so the published schema can never drift from the one that validates.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { configJsonSchema } from '../src/policy/json-schema.js';

const out = resolve(import.meta.dirname, '../schema/airlock.schema.json');
writeFileSync(out, JSON.stringify(configJsonSchema(), null, 2) + '\n');
console.log(`wrote ${out}`);
