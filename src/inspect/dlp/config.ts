/**
 * DLP configuration: the zod schema is the single source of truth for what an operator can set.
 * Everything here is checked once, when the inspector is created; nothing is re-validated per message.
 */
import { z } from 'zod';
import { PII_TYPES } from './rules/pii.js';
import { validatorNames } from './validators.js';

const action = z.enum(['allow', 'alert', 'redact', 'block']);

const categoryActions = z
  .object({
    secret: action.optional().describe('Action for every secret type without an override.'),
    pii: action.optional().describe('Action for every personal-data type without an override.'),
    overrides: z.record(z.string(), action).optional().describe('Per-type action, keyed by rule id.'),
  })
  .strict();

export const customRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'rule ids are lower-case kebab-case'),
    category: z.enum(['secret', 'pii']).default('secret'),
    pattern: z.string().min(1).max(2000).describe('Regular expression; the whole match (or group 1 if present) is the finding.'),
    caseInsensitive: z.boolean().default(false),
    keywords: z
      .array(z.string().min(2).max(64).regex(/^[\x20-\x7e]+$/, 'keywords must be printable ASCII'))
      .min(1)
      .describe('At least one literal that must occur in the text for the rule to run (prefilter).'),
    validator: z.enum(validatorNames as [string, ...string[]]).optional(),
    score: z.number().min(0).max(1).default(0.8),
    action: action.optional(),
  })
  .strict();

export const dlpConfigSchema = z
  .object({
    enabled: z.boolean().default(true),
    actions: z
      .object({
        secret: action.default('redact'),
        pii: action.default('alert'),
        overrides: z.record(z.string(), action).default({}),
        /** Per direction (`request`, `response`, `description`), applied over the defaults above. */
        surfaces: z
          .object({ request: categoryActions.optional(), response: categoryActions.optional(), description: categoryActions.optional() })
          .strict()
          .default({}),
        /** Per server and optionally per tool; later entries win over earlier ones and over `surfaces`. */
        scopes: z
          .array(categoryActions.extend({ server: z.string().min(1), tool: z.string().min(1).optional() }).strict())
          .default([]),
      })
      .strict()
      .default({ secret: 'redact', pii: 'alert', overrides: {}, surfaces: {}, scopes: [] }),
    redaction: z
      .object({
        style: z.enum(['label', 'mask', 'hash']).default('label'),
        /** Keyed-hash key for `hash` style; the token is stable for one key and unlinkable without it. */
        hashKey: z.string().min(16).optional(),
        maskChar: z.string().length(1).default('*'),
        /** Characters left visible at the end of a masked value of 12 or more characters. */
        keepLast: z.number().int().min(0).max(8).default(4),
      })
      .strict()
      .default({ style: 'label', maskChar: '*', keepLast: 4 })
      .refine((r) => r.style !== 'hash' || r.hashKey !== undefined, {
        message: 'redaction.style "hash" needs redaction.hashKey (at least 16 characters); set one or choose "label" or "mask"',
      }),
    pii: z
      .object({
        types: z.array(z.enum(PII_TYPES)).default([...PII_TYPES]).describe('Personal-data types to detect.'),
        ipPublicOnly: z.boolean().default(true),
        /** Region used to read national phone numbers without a country code (ISO 3166 alpha-2). */
        defaultRegion: z.string().regex(/^[A-Z]{2}$/).default('US'),
      })
      .strict()
      .default({ types: [...PII_TYPES], ipPublicOnly: true, defaultRegion: 'US' }),
    /** Built-in rule ids to switch off. */
    disabledRules: z.array(z.string()).default([]),
    /** Findings scoring below this are dropped. */
    minScore: z.number().min(0).max(1).default(0.5),
    decode: z
      .object({
        maxDepth: z.number().int().min(0).max(4).default(2),
        base64: z.boolean().default(true),
        hex: z.boolean().default(true),
        percent: z.boolean().default(true),
        escapes: z.boolean().default(true),
      })
      .strict()
      .default({ maxDepth: 2, base64: true, hex: true, percent: true, escapes: true }),
    customRules: z.array(customRuleSchema).default([]),
    /**
     * Regex engine for custom rules. `re2` runs them in linear time (native `re2` package); `js` uses
     * the built-in engine and refuses, at load time, patterns that can backtrack catastrophically.
     */
    customRegexEngine: z.enum(['re2', 'js']).default('re2'),
  })
  .strict();

export type DlpConfig = z.infer<typeof dlpConfigSchema>;
export type DlpConfigInput = z.input<typeof dlpConfigSchema>;
export type CustomRule = z.infer<typeof customRuleSchema>;

/** Parses and defaults a config; throws a readable error naming the offending field. */
export function parseDlpConfig(input: unknown): DlpConfig {
  const r = dlpConfigSchema.safeParse(input ?? {});
  if (!r.success) {
    const msg = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`invalid DLP config: ${msg}`);
  }
  return r.data;
}
