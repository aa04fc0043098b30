/** The shape of one detection rule, as written in the rule tables. */

/**
 * Judges a candidate value after its pattern matched. Returns a score in (0, 1] to keep the finding
 * (it replaces the rule's base score), or 0 to drop it.
 */
export type ValueCheck = (value: string) => number;

export interface RuleSpec {
  /** Stable rule id, also the finding type. */
  readonly id: string;
  readonly category: 'secret' | 'pii';
  /** Family for documentation (cloud, code-host, ai, payment, messaging, registry, infra, …). */
  readonly family: string;
  /** Prefilter keywords (ASCII, any case). The rule runs only when one occurs in the leaf. */
  readonly keywords: readonly string[];
  /**
   * `prefix`: the first keyword is where the match starts; the pattern runs sticky at each hit.
   * `scan`: the pattern runs once from `back` characters before the first hit to the end of the leaf.
   */
  readonly mode: 'prefix' | 'scan';
  /** Regular expression source. */
  readonly pattern: string;
  /** Extra flags (`i`); `y`/`g` are added by the engine. */
  readonly flags?: string;
  /** Capture group that holds the secret (0 = whole match). */
  readonly group?: number;
  /** Characters to look back before the first hit in `scan` mode. */
  readonly back?: number;
  readonly score: number;
  /** Minimum Shannon entropy (bits per char) of the secret group. */
  readonly minEntropy?: number;
  /** Extra validation on the secret group. */
  readonly check?: ValueCheck;
  /**
   * Key names (normalised: lower case, no `_`/`-`/`.`) that, when the leaf's own JSON key contains one,
   * make the whole leaf a candidate for `valuePattern`.
   */
  readonly pathKeys?: readonly string[];
  readonly valuePattern?: string;
  /** For service-keyed rules: the key names as written in the table (`heroku_api_key`). */
  readonly keys?: readonly string[];
}
