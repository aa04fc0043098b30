/**
 * The OSV record format (https://ossf.github.io/osv-schema/) as a zod schema. Unknown fields are kept
 * (the format grows); the fields matching depends on are checked strictly, so a record we would
 * misread is rejected and reported rather than half-understood.
 */
import { z } from 'zod';

const timestamp = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/, 'RFC 3339 timestamp');

const event = z.union([
  z.strictObject({ introduced: z.string().min(1) }),
  z.strictObject({ fixed: z.string().min(1) }),
  z.strictObject({ last_affected: z.string().min(1) }),
  z.strictObject({ limit: z.string().min(1) }),
]);

const range = z
  .looseObject({
    type: z.enum(['GIT', 'SEMVER', 'ECOSYSTEM']),
    repo: z.string().optional(),
    events: z.array(event).min(1),
    database_specific: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((r) => r.events.some((e) => 'introduced' in e), { message: 'a range needs an introduced event' })
  .refine((r) => r.type !== 'GIT' || !!r.repo, { message: 'GIT ranges need a repo' });

const severity = z.looseObject({
  type: z.enum(['CVSS_V2', 'CVSS_V3', 'CVSS_V4', 'Ubuntu']),
  score: z.string().min(1),
});

const affected = z.looseObject({
  package: z
    .looseObject({
      ecosystem: z.string().min(1),
      name: z.string().min(1),
      purl: z.string().optional(),
    })
    .optional(),
  severity: z.array(severity).optional(),
  ranges: z.array(range).optional(),
  versions: z.array(z.string()).optional(),
  ecosystem_specific: z.record(z.string(), z.unknown()).optional(),
  database_specific: z.record(z.string(), z.unknown()).optional(),
});

export const osvRecordSchema = z.looseObject({
  schema_version: z.string().optional(),
  id: z.string().regex(/^[A-Za-z0-9]+(-[A-Za-z0-9.:_]+)+$/, 'OSV id'),
  modified: timestamp,
  published: timestamp.optional(),
  withdrawn: timestamp.optional(),
  aliases: z.array(z.string()).optional(),
  related: z.array(z.string()).optional(),
  upstream: z.array(z.string()).optional(),
  summary: z.string().optional(),
  details: z.string().optional(),
  severity: z.array(severity).optional(),
  affected: z.array(affected).optional(),
  references: z.array(z.looseObject({ type: z.string(), url: z.string() })).optional(),
  database_specific: z.record(z.string(), z.unknown()).optional(),
});

export type OsvRecord = z.infer<typeof osvRecordSchema>;
export type OsvAffected = z.infer<typeof affected>;
export type OsvRange = z.infer<typeof range>;
export type OsvEvent = z.infer<typeof event>;

export type ValidationResult = { ok: true; record: OsvRecord } | { ok: false; id: string | null; errors: string[] };

/** Validates one parsed JSON value as an OSV record; on failure says which fields are wrong. */
export function validateOsv(value: unknown): ValidationResult {
  const r = osvRecordSchema.safeParse(value);
  if (r.success) return { ok: true, record: r.data };
  const id =
    value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string'
      ? (value as { id: string }).id
      : null;
  return {
    ok: false,
    id,
    errors: r.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
  };
}
