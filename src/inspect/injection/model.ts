/**
 * Optional local classifier adapter. Off by default; nothing is downloaded. An operator who runs an
 * ONNX (or any other local) prompt-injection classifier wraps it in this interface and passes it to
 * `createInjectionInspector(config, { model })` with `config.model.enabled = true`.
 *
 * Failure contract: `score` must be synchronous and pure for a given text. If it throws, the
 * exception propagates out of `inspect`, and the pipeline treats a throwing inspector as a block.
 * A returned value outside [0, 1] or NaN is treated the same way (the inspector throws).
 */
export interface ScoreModel {
  /** Probability in [0, 1] that `text` is a prompt injection. */
  score(text: string): number;
}

/** Combine the rule score with a model score: independent evidence, the model scaled by `weight`. */
export function combineWithModel(ruleScore: number, modelScore: number, weight: number): number {
  if (!Number.isFinite(modelScore) || modelScore < 0 || modelScore > 1) {
    throw new Error(`injection model adapter returned ${String(modelScore)}; expected a number in [0, 1]. Fix or disable config.model.`);
  }
  return 1 - (1 - ruleScore) * (1 - weight * modelScore);
}
