import { z } from 'zod';

/** Languages whose instruction phrasings the rule set knows. */
export const INJECTION_LANGUAGES = ['en', 'es', 'de', 'fr', 'pt', 'it', 'nl', 'ru', 'zh', 'ja', 'ko', 'ar'] as const;
export type InjectionLanguage = (typeof INJECTION_LANGUAGES)[number];

const actionSchema = z.enum(['allow', 'alert', 'redact', 'block']);

/**
 * Configuration of the `injection` engine. Scores are in [0, 1]; a hard rule (hidden Unicode tag
 * text, chat-template role tokens, instructions hidden from the reader, exfiltration placeholders)
 * always takes `hardAction`.
 */
export const injectionConfigSchema = z
  .object({
    enabled: z.boolean().default(true),
    thresholds: z
      .object({
        /** Combined score at or above which the message is blocked. */
        block: z.number().min(0).max(1).default(0.85),
        /** Combined score at or above which the leaf is wrapped as untrusted data (`redact`). */
        wrap: z.number().min(0).max(1).default(0.5),
        /** Combined score at or above which a finding is recorded without changing the message. */
        alert: z.number().min(0).max(1).default(0.3),
      })
      .prefault({}),
    /** Action for a hard rule. */
    hardAction: actionSchema.default('block'),
    /** Action for a score at or above `thresholds.block`. */
    highAction: actionSchema.default('block'),
    /** Action for a score at or above `thresholds.wrap`: `redact` wraps the leaf as untrusted data, hidden parts stripped. */
    mediumAction: actionSchema.default('redact'),
    /**
     * How a `redact` (wrap) is expressed. `replace`: one finding over the whole leaf whose
     * replacement is the wrapped, stripped text. `compose`: an insertion finding at each end plus one
     * empty-replacement finding per hidden range, so redactions by other engines inside the leaf
     * (a DLP secret mask) still apply when all findings are applied together.
     */
    wrapMode: z.enum(['replace', 'compose']).default('compose'),
    /** Action for an exact or near tool-name collision across servers (description surface). */
    collisionAction: actionSchema.default('alert'),
    /** Languages whose phrasings are checked. */
    languages: z.array(z.enum(INJECTION_LANGUAGES)).min(1).default([...INJECTION_LANGUAGES]),
    /** Scanning window (characters) and overlap for long texts; signals only combine inside one window. */
    window: z
      .object({
        size: z.number().int().min(256).default(4096),
        overlap: z.number().int().min(0).default(1024),
      })
      .prefault({})
      .refine((w) => w.overlap < w.size, { message: 'window.overlap must be smaller than window.size' }),
    /**
     * Built-in learned signal (`learned-lexical`, see learned.ts): a logistic regression over word and
     * character n-grams shipped with the engine. Its probability p adds a signal of weight
     * `weight · (p − floor) / (1 − floor)` when p exceeds `floor`; it combines with the rule signals
     * inside a window like any other signal (and is discounted the same way in text that discusses attacks).
     * A very low p is counter-evidence (see `discountBelow`).
     */
    lexical: z
      .object({
        enabled: z.boolean().default(true),
        weight: z.number().min(0).max(1).default(1),
        floor: z.number().min(0).max(0.99).default(0.65),
        /**
         * Below this probability the model reads the text as ordinary prose: a rule score that is
         * not a hard rule is multiplied by `discount`. 0 turns the discount off.
         */
        discountBelow: z.number().min(0).max(1).default(0.35),
        discount: z.number().min(0).max(1).default(0.85),
      })
      .prefault({}),
    /**
     * Calibrated combiner (see combiner.ts): turns the explained evidence and the learned signal's
     * probability into the score the thresholds act on, with weights learned from labelled material.
     * Needs the learned signal; off, the hand-set rule score is used as it is.
     */
    combiner: z
      .object({
        enabled: z.boolean().default(true),
      })
      .prefault({}),
    /** Optional operator-supplied classifier (see ScoreModel). Off unless enabled and an adapter is passed. */
    model: z
      .object({
        enabled: z.boolean().default(false),
        /** How much a model score of 1 counts, combined as 1 − (1 − rule)(1 − weight·model). */
        weight: z.number().min(0).max(1).default(0.6),
      })
      .prefault({}),
  })
  .refine((c) => c.thresholds.alert <= c.thresholds.wrap && c.thresholds.wrap <= c.thresholds.block, {
    message: 'thresholds must satisfy alert <= wrap <= block',
  });

export type InjectionConfig = z.output<typeof injectionConfigSchema>;
export type InjectionConfigInput = z.input<typeof injectionConfigSchema>;
