/**
 * Every labelled set in the repository, grouped by when it was written. Training and
 * cross-validation (train.ts) work on these groups so that a fold never mixes a set's cases
 * between training and testing.
 */
import type { EvalCase } from './cases.js';
import { loadDataset, loadHeldOut, loadHoldout, loadHoldout2, loadHoldout3, loadHoldout4, loadHoldout5, loadHoldout6, loadHoldout7, loadHoldout8 } from './dataset.js';
import { HOLDOUT9_NEGATIVES, HOLDOUT9_POSITIVES } from './holdout9.js';
import { HOLDOUT10_NEGATIVES, HOLDOUT10_POSITIVES } from './holdout10.js';
import { HOLDOUT11_NEGATIVES, HOLDOUT11_POSITIVES } from './holdout11.js';
import { HOLDOUT12_NEGATIVES, HOLDOUT12_POSITIVES } from './holdout12.js';

export interface CaseGroup {
  name: string;
  cases: EvalCase[];
}

/** Development set, held-out sets 1–9 (all used while writing rules) and sets 10–11 (now development material too). */
export function loadGroups(): CaseGroup[] {
  return [
    { name: 'dev', cases: loadDataset() },
    { name: 'h1', cases: loadHoldout() },
    { name: 'h2', cases: loadHoldout2() },
    { name: 'h3', cases: loadHoldout3() },
    { name: 'h4', cases: loadHoldout4() },
    { name: 'h5', cases: loadHoldout5() },
    { name: 'h6', cases: loadHoldout6() },
    { name: 'h7', cases: loadHoldout7() },
    { name: 'h8', cases: loadHoldout8() },
    { name: 'h9', cases: loadHeldOut(HOLDOUT9_POSITIVES, HOLDOUT9_NEGATIVES, 'h9') },
    { name: 'h10', cases: loadHeldOut(HOLDOUT10_POSITIVES, HOLDOUT10_NEGATIVES, 'h10') },
    { name: 'h11', cases: loadHeldOut(HOLDOUT11_POSITIVES, HOLDOUT11_NEGATIVES, 'h11') },
  ];
}

/**
 * Held-out set 12 (first run P 0.885 R 0.835 FPR 8.7 %; the rules were generalised on it afterwards).
 * Kept apart from loadGroups(): train.ts --cv decides whether training on it helps. The newest blind
 * set (holdout13.ts) is not imported anywhere in training.
 */
export function loadSet12(): CaseGroup {
  return { name: 'h12', cases: loadHeldOut(HOLDOUT12_POSITIVES, HOLDOUT12_NEGATIVES, 'h12') };
}
