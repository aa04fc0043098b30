/**
 * Trains the injection engine's calibrated combiner (src/inspect/injection/combiner.ts) and reports
 * how it generalises. Deterministic: same data, same weights.
 *
 *   node --import tsx eval/injection/train-combiner.ts          cross-validation report, then write combiner-weights.json
 *   node --import tsx eval/injection/train-combiner.ts --cv     the report only (nothing written)
 *
 * Out-of-fold stacking. The material (development set and held-out sets 1–34) is cut into folds: the
 * early groups three at a time, each blind-written set 12–34 on its own. For every fold the learned
 * signal is retrained without it and the fold's cases are assessed with the combiner off, so each
 * case's learned probability comes from a model that never saw the case, as on real traffic. The
 * combiner is a logistic regression over those assessments (hard rules left out: they keep their
 * action). Its operating point is the highest raw probability at which out-of-fold recall on the
 * blind-written sets stays at TARGET_RECALL (counting what the engine wraps whatever the combiner says: hard
 * and strong rules); the bias is shifted so that point scores 0.5, the engine's default wrap threshold.
 *
 * The report scores each fold with a combiner fitted on the other folds (its operating point chosen
 * on those too) next to the hand-set rule score on the same assessments. Rules were generalised on
 * sets 12–34 after their first runs, so both columns are optimistic there; the blind sets written
 * after the combiner are the honest measure.
 *
 * Rules changed? Retrain this after the learned signal (train.ts), since it reads both.
 */
import { writeFileSync } from 'node:fs';
import { compileRegexpsEagerly } from '../../src/cli/regexp-tier.js';
import { Combiner, combinerFeatures, featureNames, signalIndex, strongRuleFired, type CombinerInput, type CombinerWeights } from '../../src/inspect/injection/combiner.js';
import { InjectionEngine } from '../../src/inspect/injection/inspector.js';
import type { EvalCase } from './cases.js';
import { loadGroups, loadLateSets, type CaseGroup } from './corpus.js';
import { add, empty as tally, fmt, train, type Row as Tally } from './train.js';

const TARGET_RECALL = 0.94;
const LAMBDA = 1e-3;
const ITERATIONS = 2000;
/** Signals seen fewer times than this in the training material get no feature of their own. */
const MIN_SIGNAL_COUNT = 5;

interface Assessed {
  fold: string;
  group: string;
  label: boolean;
  /** Hard rule: detected whatever the combiner says. */
  hard: boolean;
  /** Detected by the hand-set rule score at the default wrap threshold. */
  ruleHit: boolean;
  input?: CombinerInput;
}

function folds(groups: CaseGroup[]): string[][] {
  const blindWritten = (g: CaseGroup): boolean => Number(g.name.slice(1)) >= 12;
  const early = groups.filter((g) => !blindWritten(g));
  const out: string[][] = [];
  for (let i = 0; i < early.length; i += 3) out.push(early.slice(i, i + 3).map((g) => g.name));
  for (const g of groups) if (blindWritten(g)) out.push([g.name]);
  return out;
}

/** Assess every case with a learned signal trained without its fold, combiner off. */
function outOfFold(groups: CaseGroup[]): Assessed[] {
  const rows: Assessed[] = [];
  const all = folds(groups);
  for (const [k, fold] of all.entries()) {
    const weights = train(groups.filter((g) => !fold.includes(g.name)).flatMap((g) => g.cases));
    const engine = new InjectionEngine({}, { lexicalWeights: weights, combinerWeights: null });
    for (const g of groups.filter((x) => fold.includes(x.name))) {
      for (const c of g.cases) {
        const a = engine.assess(c.text, ctxOf(c));
        rows.push({ fold: fold.join('+'), group: g.name, label: c.label, hard: a.hard, ruleHit: a.hard || a.score >= engine.config.thresholds.wrap, ...(a.combinerInput ? { input: a.combinerInput } : {}) });
      }
    }
    process.stderr.write(`\rout-of-fold assessments: fold ${k + 1}/${all.length}`);
  }
  process.stderr.write('\n');
  return rows;
}

const ctxOf = (c: EvalCase) => ({ surface: c.surface, server: c.server ?? 'web', tools: c.tools ?? [], ownHosts: c.ownHosts ?? [] });

function signalIdsOf(rows: Assessed[]): string[] {
  const n = new Map<string, number>();
  for (const r of rows) for (const s of r.input?.signals ?? []) if (s.id !== 'learned-lexical') n.set(s.id, (n.get(s.id) ?? 0) + 1);
  return [...n].filter(([, c]) => c >= MIN_SIGNAL_COUNT).map(([id]) => id).sort();
}

/** L2-regularised logistic regression on standardised features, classes balanced, full-batch gradient descent. */
function fit(rows: Assessed[], signals: string[]): CombinerWeights {
  const data = rows.filter((r) => r.input);
  const index = signalIndex(signals);
  const X = data.map((r) => combinerFeatures(r.input!, index));
  const y = data.map((r) => (r.label ? 1 : 0));
  const d = featureNames(signals).length;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const x of X) for (let j = 0; j < d; j++) mean[j]! += x[j]! / X.length;
  for (const x of X) for (let j = 0; j < d; j++) scale[j]! += (x[j]! - mean[j]!) ** 2 / X.length;
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]!) + 1e-6;
  const Z = X.map((x) => x.map((v, j) => (v - mean[j]!) / scale[j]!));
  const nPos = y.filter((v) => v === 1).length;
  const cw = [0.5 / Math.max(1, y.length - nPos), 0.5 / Math.max(1, nPos)];
  const w = new Array<number>(d).fill(0);
  let b = 0;
  const g = new Array<number>(d);
  for (let t = 0; t < ITERATIONS; t++) {
    g.fill(0);
    let gb = 0;
    for (let i = 0; i < Z.length; i++) {
      const z = Z[i]!;
      let s = b;
      for (let j = 0; j < d; j++) s += w[j]! * z[j]!;
      const r = (1 / (1 + Math.exp(-s)) - y[i]!) * cw[y[i]!]!;
      for (let j = 0; j < d; j++) g[j]! += r * z[j]!;
      gb += r;
    }
    for (let j = 0; j < d; j++) w[j]! -= 0.5 * (g[j]! + LAMBDA * w[j]!);
    b -= 0.5 * gb;
  }
  const round = (v: number): number => Math.round(v * 1e6) / 1e6;
  // Unshifted: 0.5 is not yet the operating point (see operatingPoint).
  return { version: 1, signals, mean: mean.map(round), scale: scale.map(round), weights: w.map(round), bias: round(b), operatingPoint: 0.5, trainedOn: 'fold' };
}

const blindWrittenRow = (r: Assessed): boolean => Number(r.group.slice(1)) >= 12;

/** The highest raw probability (0.50–0.95) at which recall over the blind-written sets stays at TARGET_RECALL. */
function operatingPoint(m: Combiner, rows: Assessed[]): number {
  const pos = rows.filter((r) => r.label && blindWrittenRow(r));
  const scores = pos.map((r) => (r.hard || (r.input && strongRuleFired(r.input.signals)) ? 1 : r.input ? m.score(r.input) : 0));
  let best = 0.5;
  for (let t = 0.5; t <= 0.951; t += 0.01) if (scores.filter((s) => s >= t).length / pos.length >= TARGET_RECALL) best = Math.round(t * 100) / 100;
  return best;
}

function report(rows: Assessed[], signals: string[]): void {
  const byFold = [...new Set(rows.map((r) => r.fold))];
  const rules = new Map<string, Tally>();
  const comb = new Map<string, Tally>();
  for (const fold of byFold) {
    const trainRows = rows.filter((r) => r.fold !== fold);
    const m = new Combiner(fit(trainRows.filter((r) => !r.hard), signals));
    const t = operatingPoint(m, trainRows);
    for (const r of rows.filter((x) => x.fold === fold)) {
      const key = blindWrittenRow(r) ? r.group : 'dev + sets 1–11';
      if (!rules.has(key)) rules.set(key, tally());
      if (!comb.has(key)) comb.set(key, tally());
      add(rules.get(key)!, r.label, r.ruleHit);
      add(comb.get(key)!, r.label, r.hard || (r.input !== undefined && (m.score(r.input) >= t || strongRuleFired(r.input.signals))));
    }
  }
  console.log('each fold scored by a combiner fitted on the other folds; same assessments for both columns\n');
  const pooled = { rules: tally(), comb: tally() };
  for (const key of rules.keys()) {
    console.log(`${key.padEnd(16)} rule score  ${fmt(rules.get(key)!)}`);
    console.log(`${''.padEnd(16)} combiner    ${fmt(comb.get(key)!)}`);
    if (key.startsWith('h')) {
      for (const f of ['tp', 'fp', 'fn', 'tn'] as const) {
        pooled.rules[f] += rules.get(key)![f];
        pooled.comb[f] += comb.get(key)![f];
      }
    }
  }
  console.log(`\nsets 12–34 pooled  rule score  ${fmt(pooled.rules)}`);
  console.log(`                   combiner    ${fmt(pooled.comb)}`);
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  compileRegexpsEagerly();
  const groups = [...loadGroups(), ...loadLateSets()];
  const rows = outOfFold(groups);
  const signals = signalIdsOf(rows);
  report(rows, signals);
  if (!process.argv.includes('--cv')) {
    const m = fit(rows.filter((r) => !r.hard), signals);
    const t = operatingPoint(new Combiner(m), rows);
    const weights: CombinerWeights = {
      ...m,
      bias: Math.round((m.bias - Math.log(t / (1 - t))) * 1e6) / 1e6,
      operatingPoint: t,
      trainedOn: `out-of-fold assessments of the development set and held-out sets 1–34 (${rows.filter((r) => r.input).length} cases without a hard rule)`,
    };
    const path = new URL('../../src/inspect/injection/combiner-weights.json', import.meta.url);
    writeFileSync(path, `${JSON.stringify(weights)}\n`);
    console.log(`\nwrote ${path.pathname}: ${signals.length} signals, ${featureNames(signals).length} features, operating point ${t}`);
  }
}
