/**
 * The calibrated combiner: a logistic regression that turns a leaf's explained evidence (which rules
 * fired and how strongly after discounts, whether the evidence was hidden, the learned signal's
 * probability, the hand-set rule score, the surface, the length, and whether the text makes an action wait for
 * the user's consent) into the score the thresholds
 * act on. The hand-set score adds evidence up with fixed weights; the combiner learns from labelled
 * material how much each rule is worth next to the others and next to the learned signal, for
 * example that a lone structural hit in a tool description that the learned model reads as prose is
 * usually a usage note. See docs/adr/0008-calibrated-combiner.md.
 *
 * It is trained by eval/injection/train.ts --combiner on out-of-fold assessments: the learned
 * signal's probability for each case comes from a model that did not see that case, as it will be at
 * run time. Its weights ship in combiner-weights.json, with the operating point folded into the bias
 * so that the configured thresholds keep their meaning (wrap at 0.5).
 *
 * Failure contract: the combiner only ever scores a leaf whose evidence is not a hard rule; hard
 * rules keep their score and action. It cannot move a leaf into the block band on its own (the
 * engine caps it below `thresholds.block` unless the rule score is there too), nor below the wrap
 * threshold when a strong rule fired unquoted (`strongRuleFired`). Weights that do not
 * match the feature layout make the engine constructor throw, so a broken weights file stops the
 * process at start-up instead of scoring with misaligned features.
 */
import type { Surface } from '../types.js';

export interface CombinerWeights {
  version: 1;
  /** Signal ids with a feature each (strongest effective weight, unhidden and hidden). */
  signals: string[];
  /** Standardisation of every feature, in `featureNames(signals)` order. */
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
  /** Raw probability that maps to 0.5 (the operating point chosen at training time), for the record. */
  operatingPoint: number;
  trainedOn: string;
}

/** What the combiner reads of an assessment. */
export interface CombinerInput {
  signals: ReadonlyArray<{ id: string; effective: number; hidden?: unknown }>;
  /** The learned signal's probability for the leaf. */
  probability: number;
  /** The hand-set rule score (after the learned signal's discount). */
  ruleScore: number;
  surface: Surface;
  length: number;
  /** The text makes an action wait for the user's request or consent somewhere ("confirm … with the user"). */
  consent: boolean;
}

const LEARNED_ID = 'learned-lexical';
const GLOBAL_FEATURES = ['learned.p', 'learned.logit', 'rule.score', 'surface.description', 'length.log', 'signals.count', 'rules.combined', 'text.consent'] as const;

/** Feature names in vector order: two per signal id, then the global ones. */
export function featureNames(signalIds: readonly string[]): string[] {
  return [...signalIds.flatMap((id) => [id, `${id}@hidden`]), ...GLOBAL_FEATURES];
}

/** Position of each signal id in the feature vector. */
export const signalIndex = (signalIds: readonly string[]): ReadonlyMap<string, number> => new Map(signalIds.map((id, i) => [id, i]));

/** The feature vector of one assessment; shared by training and run time so the two cannot drift apart. */
export function combinerFeatures(input: CombinerInput, index: ReadonlyMap<string, number>): number[] {
  const x = new Array<number>(index.size * 2 + GLOBAL_FEATURES.length).fill(0);
  let keep = 1;
  let count = 0;
  for (const s of input.signals) {
    if (s.id === LEARNED_ID) continue;
    keep *= 1 - s.effective;
    count++;
    const i = index.get(s.id);
    if (i === undefined) continue;
    const slot = 2 * i + (s.hidden ? 1 : 0);
    x[slot] = Math.max(x[slot]!, s.effective);
  }
  const p = Math.min(Math.max(input.probability, 1e-4), 1 - 1e-4);
  const g = index.size * 2;
  x[g] = p;
  x[g + 1] = Math.log(p / (1 - p)) / 5;
  x[g + 2] = input.ruleScore;
  x[g + 3] = input.surface === 'description' ? 1 : 0;
  x[g + 4] = Math.log(1 + input.length) / 10;
  x[g + 5] = count / 5;
  x[g + 6] = 1 - keep;
  x[g + 7] = input.consent ? 1 : 0;
  return x;
}

/**
 * A rule strong enough to be an attack form on its own (an override of instructions, secrecy from the
 * user, a credential file sent away), matched outside quotation and discussion. Such a leaf is wrapped
 * whatever the combiner says: the labelled material is rich in people writing about these phrases, so
 * the learned weights alone would let the canonical one-line attack through.
 */
export const STRONG_RULE = 0.65;
export function strongRuleFired(signals: CombinerInput['signals']): boolean {
  return signals.some((s) => s.id !== LEARNED_ID && s.effective >= STRONG_RULE);
}

export class Combiner {
  private readonly w: CombinerWeights;
  private readonly index: ReadonlyMap<string, number>;

  constructor(weights: CombinerWeights) {
    const n = featureNames(weights.signals).length;
    if (weights.version !== 1 || weights.mean.length !== n || weights.scale.length !== n || weights.weights.length !== n) {
      throw new Error(`injection combiner weights do not match their feature layout (${n} features expected); retrain with: node --import tsx eval/injection/train-combiner.ts`);
    }
    this.w = weights;
    this.index = signalIndex(weights.signals);
  }

  /** Score in [0, 1]; 0.5 is the operating point the weights were trained for. */
  score(input: CombinerInput): number {
    const x = combinerFeatures(input, this.index);
    let z = this.w.bias;
    for (let i = 0; i < x.length; i++) z += (this.w.weights[i]! * (x[i]! - this.w.mean[i]!)) / this.w.scale[i]!;
    return 1 / (1 + Math.exp(-z));
  }
}
