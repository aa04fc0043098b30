/** The full labelled development set. */
import { SESSION_TOOLS, type EvalCase } from './cases.js';
import { generatedNegatives, generatedPositives } from './generate.js';
import { HOLDOUT_NEGATIVES, HOLDOUT_POSITIVES } from './holdout.js';
import { HOLDOUT2_NEGATIVES, HOLDOUT2_POSITIVES } from './holdout2.js';
import { HOLDOUT3_NEGATIVES, HOLDOUT3_POSITIVES } from './holdout3.js';
import { HOLDOUT4_NEGATIVES, HOLDOUT4_POSITIVES } from './holdout4.js';
import { HOLDOUT5_NEGATIVES, HOLDOUT5_POSITIVES } from './holdout5.js';
import { HOLDOUT6_NEGATIVES, HOLDOUT6_POSITIVES } from './holdout6.js';
import { HOLDOUT7_NEGATIVES, HOLDOUT7_POSITIVES } from './holdout7.js';
import { HOLDOUT8_NEGATIVES, HOLDOUT8_POSITIVES } from './holdout8.js';
import { HAND_NEGATIVES } from './negatives.js';
import { HAND_POSITIVES } from './positives.js';

export function loadDataset(): EvalCase[] {
  const cases: EvalCase[] = [];
  const add = (list: Array<Omit<EvalCase, 'label' | 'id'>>, label: boolean, prefix: string): void => {
    list.forEach((c, i) => cases.push({ tools: SESSION_TOOLS, server: 'web', ownHosts: [], ...c, label, id: `${prefix}-${i + 1}` }));
  };
  add(HAND_POSITIVES, true, 'pos');
  add(generatedPositives(80), true, 'gpos');
  add(HAND_NEGATIVES, false, 'neg');
  add(generatedNegatives(110), false, 'gneg');
  return cases;
}

/** Cases kept out of rule tuning (see holdout.ts). */
export function loadHoldout(): EvalCase[] {
  const cases: EvalCase[] = [];
  HOLDOUT_POSITIVES.forEach((c, i) => cases.push({ tools: SESSION_TOOLS, server: 'web', ownHosts: [], ...c, label: true, id: `hpos-${i + 1}` }));
  HOLDOUT_NEGATIVES.forEach((c, i) => cases.push({ tools: SESSION_TOOLS, server: 'web', ownHosts: [], ...c, label: false, id: `hneg-${i + 1}` }));
  return cases;
}

/** The second held-out set (see holdout2.ts). */
export function loadHoldout2(): EvalCase[] {
  const cases: EvalCase[] = [];
  HOLDOUT2_POSITIVES.forEach((c, i) => cases.push({ tools: SESSION_TOOLS, server: 'web', ownHosts: [], ...c, label: true, id: `h2pos-${i + 1}` }));
  HOLDOUT2_NEGATIVES.forEach((c, i) => cases.push({ tools: SESSION_TOOLS, server: 'web', ownHosts: [], ...c, label: false, id: `h2neg-${i + 1}` }));
  return cases;
}

/** The third held-out set (see holdout3.ts). */
export function loadHoldout3(): EvalCase[] {
  const cases: EvalCase[] = [];
  HOLDOUT3_POSITIVES.forEach((c, i) => cases.push({ tools: SESSION_TOOLS, server: 'web', ownHosts: [], ...c, label: true, id: `h3pos-${i + 1}` }));
  HOLDOUT3_NEGATIVES.forEach((c, i) => cases.push({ tools: SESSION_TOOLS, server: 'web', ownHosts: [], ...c, label: false, id: `h3neg-${i + 1}` }));
  return cases;
}

/** The fourth held-out set (see holdout4.ts). */
export function loadHoldout4(): EvalCase[] {
  const cases: EvalCase[] = [];
  HOLDOUT4_POSITIVES.forEach((c, i) => cases.push({ tools: SESSION_TOOLS, server: 'web', ownHosts: [], ...c, label: true, id: `h4pos-${i + 1}` }));
  HOLDOUT4_NEGATIVES.forEach((c, i) => cases.push({ tools: SESSION_TOOLS, server: 'web', ownHosts: [], ...c, label: false, id: `h4neg-${i + 1}` }));
  return cases;
}

/** The fifth held-out set (see holdout5.ts). */
export function loadHoldout5(): EvalCase[] {
  const cases: EvalCase[] = [];
  HOLDOUT5_POSITIVES.forEach((c, i) => cases.push({ tools: SESSION_TOOLS, server: 'web', ownHosts: [], ...c, label: true, id: `h5pos-${i + 1}` }));
  HOLDOUT5_NEGATIVES.forEach((c, i) => cases.push({ tools: SESSION_TOOLS, server: 'web', ownHosts: [], ...c, label: false, id: `h5neg-${i + 1}` }));
  return cases;
}

/** The sixth held-out set (see holdout6.ts). */
export function loadHoldout6(): EvalCase[] {
  const cases: EvalCase[] = [];
  HOLDOUT6_POSITIVES.forEach((c, i) => cases.push({ tools: SESSION_TOOLS, server: 'web', ownHosts: [], ...c, label: true, id: `h6pos-${i + 1}` }));
  HOLDOUT6_NEGATIVES.forEach((c, i) => cases.push({ tools: SESSION_TOOLS, server: 'web', ownHosts: [], ...c, label: false, id: `h6neg-${i + 1}` }));
  return cases;
}

/** The seventh held-out set (see holdout7.ts). */
export function loadHoldout7(): EvalCase[] {
  const cases: EvalCase[] = [];
  HOLDOUT7_POSITIVES.forEach((c, i) => cases.push({ tools: SESSION_TOOLS, server: 'web', ownHosts: [], ...c, label: true, id: `h7pos-${i + 1}` }));
  HOLDOUT7_NEGATIVES.forEach((c, i) => cases.push({ tools: SESSION_TOOLS, server: 'web', ownHosts: [], ...c, label: false, id: `h7neg-${i + 1}` }));
  return cases;
}

/** The eighth held-out set (see holdout8.ts). */
export function loadHoldout8(): EvalCase[] {
  const cases: EvalCase[] = [];
  HOLDOUT8_POSITIVES.forEach((c, i) => cases.push({ tools: SESSION_TOOLS, server: 'web', ownHosts: [], ...c, label: true, id: `h8pos-${i + 1}` }));
  HOLDOUT8_NEGATIVES.forEach((c, i) => cases.push({ tools: SESSION_TOOLS, server: 'web', ownHosts: [], ...c, label: false, id: `h8neg-${i + 1}` }));
  return cases;
}

/** Label and default a held-out set's cases. */
export function loadHeldOut(positives: Array<Omit<EvalCase, 'label' | 'id'>>, negatives: Array<Omit<EvalCase, 'label' | 'id'>>, prefix: string): EvalCase[] {
  const cases: EvalCase[] = [];
  positives.forEach((c, i) => cases.push({ tools: SESSION_TOOLS, server: 'web', ownHosts: [], ...c, label: true, id: `${prefix}pos-${i + 1}` }));
  negatives.forEach((c, i) => cases.push({ tools: SESSION_TOOLS, server: 'web', ownHosts: [], ...c, label: false, id: `${prefix}neg-${i + 1}` }));
  return cases;
}
