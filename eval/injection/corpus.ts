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
import { HOLDOUT13_NEGATIVES, HOLDOUT13_POSITIVES } from './holdout13.js';
import { HOLDOUT14_NEGATIVES, HOLDOUT14_POSITIVES } from './holdout14.js';
import { HOLDOUT15_NEGATIVES, HOLDOUT15_POSITIVES } from './holdout15.js';
import { HOLDOUT16_NEGATIVES, HOLDOUT16_POSITIVES } from './holdout16.js';
import { HOLDOUT17_NEGATIVES, HOLDOUT17_POSITIVES } from './holdout17.js';
import { HOLDOUT18_NEGATIVES, HOLDOUT18_POSITIVES } from './holdout18.js';
import { HOLDOUT19_NEGATIVES, HOLDOUT19_POSITIVES } from './holdout19.js';
import { HOLDOUT20_NEGATIVES, HOLDOUT20_POSITIVES } from './holdout20.js';
import { HOLDOUT21_NEGATIVES, HOLDOUT21_POSITIVES } from './holdout21.js';
import { HOLDOUT22_NEGATIVES, HOLDOUT22_POSITIVES } from './holdout22.js';
import { HOLDOUT23_NEGATIVES, HOLDOUT23_POSITIVES } from './holdout23.js';
import { HOLDOUT24_NEGATIVES, HOLDOUT24_POSITIVES } from './holdout24.js';
import { HOLDOUT25_NEGATIVES, HOLDOUT25_POSITIVES } from './holdout25.js';
import { HOLDOUT26_NEGATIVES, HOLDOUT26_POSITIVES } from './holdout26.js';
import { HOLDOUT27_NEGATIVES, HOLDOUT27_POSITIVES } from './holdout27.js';
import { HOLDOUT28_NEGATIVES, HOLDOUT28_POSITIVES } from './holdout28.js';
import { HOLDOUT29_NEGATIVES, HOLDOUT29_POSITIVES } from './holdout29.js';
import { HOLDOUT30_NEGATIVES, HOLDOUT30_POSITIVES } from './holdout30.js';
import { HOLDOUT31_NEGATIVES, HOLDOUT31_POSITIVES } from './holdout31.js';
import { HOLDOUT32_NEGATIVES, HOLDOUT32_POSITIVES } from './holdout32.js';
import { HOLDOUT33_NEGATIVES, HOLDOUT33_POSITIVES } from './holdout33.js';
import { HOLDOUT34_NEGATIVES, HOLDOUT34_POSITIVES } from './holdout34.js';

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
 * Sets 12–34, each written blind to the rules and first run before any change was made with it in view
 * (first runs: 12 P 0.885 R 0.835 FPR 8.7 %, 13 P 0.893 R 0.783 FPR 6.8 %, 14 P 0.923 R 0.861 FPR 6.8 %, 15 P 0.938 R 0.630 FPR 3.8 %, 16 P 0.920 R 0.852 FPR 6.3 %, 17 P 0.925 R 0.920 FPR 6.2 %, 18 P 0.941 R 0.917 FPR 5.9 %, 19 P 0.918 R 0.909 FPR 7.0 %, 20 P 0.907 R 0.946 FPR 8.5 %, 21 P 0.944 R 0.864 FPR 4.6 %, 22 P 0.911 R 0.925 FPR 8.4 %, 23 P 0.968 R 0.938 FPR 2.8 %, 24 P 0.928 R 0.918 FPR 6.5 %, 25 P 0.966 R 0.929 FPR 2.7 %, 26 P 0.945 R 0.940 FPR 5.2 %, 27 P 0.935 R 0.940 FPR 5.4 %, 28 P 0.919 R 0.968 FPR 7.5 %, 29 P 0.959 R 0.954 FPR 3.6 %, 30 P 0.933 R 0.966 FPR 5.7 %, 31 P 0.940 R 0.918 FPR 4.8 %, 32 P 0.915 R 0.945 FPR 7.5 %, 33 P 0.953 R 0.935 FPR 4.7 %, 34 P 0.970 R 0.936 FPR 2.9 %);
 * the rules were generalised on them afterwards, and the learned signal trains on them. Kept apart from
 * loadGroups() so that train.ts --cv can show what they add. Sets 35–36 (run once on the final engine, never
 * tuned on) and newer blind sets must not be imported anywhere in training.
 */
export function loadLateSets(): CaseGroup[] {
  return [
    { name: 'h12', cases: loadHeldOut(HOLDOUT12_POSITIVES, HOLDOUT12_NEGATIVES, 'h12') },
    { name: 'h13', cases: loadHeldOut(HOLDOUT13_POSITIVES, HOLDOUT13_NEGATIVES, 'h13') },
    { name: 'h14', cases: loadHeldOut(HOLDOUT14_POSITIVES, HOLDOUT14_NEGATIVES, 'h14') },
    { name: 'h15', cases: loadHeldOut(HOLDOUT15_POSITIVES, HOLDOUT15_NEGATIVES, 'h15') },
    { name: 'h16', cases: loadHeldOut(HOLDOUT16_POSITIVES, HOLDOUT16_NEGATIVES, 'h16') },
    { name: 'h17', cases: loadHeldOut(HOLDOUT17_POSITIVES, HOLDOUT17_NEGATIVES, 'h17') },
    { name: 'h18', cases: loadHeldOut(HOLDOUT18_POSITIVES, HOLDOUT18_NEGATIVES, 'h18') },
    { name: 'h19', cases: loadHeldOut(HOLDOUT19_POSITIVES, HOLDOUT19_NEGATIVES, 'h19') },
    { name: 'h20', cases: loadHeldOut(HOLDOUT20_POSITIVES, HOLDOUT20_NEGATIVES, 'h20') },
    { name: 'h21', cases: loadHeldOut(HOLDOUT21_POSITIVES, HOLDOUT21_NEGATIVES, 'h21') },
    { name: 'h22', cases: loadHeldOut(HOLDOUT22_POSITIVES, HOLDOUT22_NEGATIVES, 'h22') },
    { name: 'h23', cases: loadHeldOut(HOLDOUT23_POSITIVES, HOLDOUT23_NEGATIVES, 'h23') },
    { name: 'h24', cases: loadHeldOut(HOLDOUT24_POSITIVES, HOLDOUT24_NEGATIVES, 'h24') },
    { name: 'h25', cases: loadHeldOut(HOLDOUT25_POSITIVES, HOLDOUT25_NEGATIVES, 'h25') },
    { name: 'h26', cases: loadHeldOut(HOLDOUT26_POSITIVES, HOLDOUT26_NEGATIVES, 'h26') },
    { name: 'h27', cases: loadHeldOut(HOLDOUT27_POSITIVES, HOLDOUT27_NEGATIVES, 'h27') },
    { name: 'h28', cases: loadHeldOut(HOLDOUT28_POSITIVES, HOLDOUT28_NEGATIVES, 'h28') },
    { name: 'h29', cases: loadHeldOut(HOLDOUT29_POSITIVES, HOLDOUT29_NEGATIVES, 'h29') },
    { name: 'h30', cases: loadHeldOut(HOLDOUT30_POSITIVES, HOLDOUT30_NEGATIVES, 'h30') },
    { name: 'h31', cases: loadHeldOut(HOLDOUT31_POSITIVES, HOLDOUT31_NEGATIVES, 'h31') },
    { name: 'h32', cases: loadHeldOut(HOLDOUT32_POSITIVES, HOLDOUT32_NEGATIVES, 'h32') },
    { name: 'h33', cases: loadHeldOut(HOLDOUT33_POSITIVES, HOLDOUT33_NEGATIVES, 'h33') },
    { name: 'h34', cases: loadHeldOut(HOLDOUT34_POSITIVES, HOLDOUT34_NEGATIVES, 'h34') },
  ];
}
