/** The full labelled development set. */
import { SESSION_TOOLS, type EvalCase } from './cases.js';
import { generatedNegatives, generatedPositives } from './generate.js';
import { HOLDOUT_NEGATIVES, HOLDOUT_POSITIVES } from './holdout.js';
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
