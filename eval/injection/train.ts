/**
 * Trains the injection engine's learned signal (src/inspect/injection/learned.ts) and checks how it
 * generalises. Deterministic: same data, same weights.
 *
 *   node --import tsx eval/injection/train.ts            train on every group, write learned-weights.json
 *   node --import tsx eval/injection/train.ts --cv       cross-validation report (nothing written)
 *   node --import tsx eval/injection/train.ts --grid     pick regularisation, weight and floor by
 *                                                        leave-one-set-out over dev + sets 1–9 only
 *
 * Training material: the development set and held-out sets 1–34 in this folder. --cv setups A–C use the
 * development set and sets 1–11; D holds out each of the blind-written sets 12–34 in turn and shows what
 * the extra training material adds. Sets 35–36 (run once on the final engine, never tuned on) and newer blind sets must not be imported here.
 */
import { writeFileSync } from 'node:fs';
import { InjectionEngine } from '../../src/inspect/injection/inspector.js';
import { familyFeatures, features, tokenize, windowFeatures, type LexicalWeights } from '../../src/inspect/injection/learned.js';
import { IMPERATIVE_ANY_LANGUAGE } from '../../src/inspect/injection/lexicon.js';
import { scanSentences, StructureScanner } from '../../src/inspect/injection/structure.js';
import { INJECTION_LANGUAGES } from '../../src/inspect/injection/config.js';
import { normalizeForScan } from '../../src/inspect/injection/unicode.js';
import type { InspectContext } from '../../src/inspect/types.js';
import type { EvalCase } from './cases.js';
import { loadGroups, loadLateSets, type CaseGroup } from './corpus.js';

export const DEFAULTS = { lambda: 1e-4, epochs: 250, minDf: 2 };
/** How the learned signal combines with the rules (the engine's config.lexical). */
export interface Combine { weight: number; floor: number; discountBelow: number; discount: number }
export const COMBINE: Combine = { weight: 1, floor: 0.65, discountBelow: 0.35, discount: 0.85 };

interface Example { feats: string[]; label: number }

// The same scanner the engine builds with its default configuration (all twelve languages).
const scanner = new StructureScanner([...INJECTION_LANGUAGES], IMPERATIVE_ANY_LANGUAGE);

/** Feature sets of a case: the whole text, plus every scoring window of a long negative. */
function examplesOf(c: EvalCase): Example[] {
  const text = normalizeForScan(c.text).text;
  const tools = c.tools ?? [];
  const own = c.ownHosts ?? [];
  const scan = scanSentences(text, scanner);
  const whole = features(tokenize(text, tools, own), familyFeatures(scan, 0, text.length));
  const out: Example[] = [{ feats: [...whole], label: c.label ? 1 : 0 }];
  if (!c.label) {
    const wins = windowFeatures(text, tools, own, scan);
    if (wins.length > 1) for (const w of wins) out.push({ feats: [...w.features], label: 0 });
  }
  return out;
}

/** L2-regularised logistic regression, full-batch Adam; binary features scaled by 1/sqrt(count). */
export function train(cases: EvalCase[], opts: { lambda?: number; epochs?: number; minDf?: number; trainedOn?: string } = {}): LexicalWeights {
  const lambda = opts.lambda ?? DEFAULTS.lambda;
  const epochs = opts.epochs ?? DEFAULTS.epochs;
  const minDf = opts.minDf ?? DEFAULTS.minDf;
  const examples = cases.flatMap(examplesOf);
  const df = new Map<string, number>();
  for (const e of examples) for (const f of e.feats) df.set(f, (df.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [f, n] of df) if (n >= minDf) index.set(f, index.size);
  const docs = examples.map((e) => ({
    idx: Int32Array.from(e.feats.flatMap((f) => (index.has(f) ? [index.get(f)!] : []))),
    // Scale by the full feature count, as scoring does (unknown features still dilute).
    scale: 1 / Math.sqrt(Math.max(1, e.feats.length)),
    y: e.label,
  }));
  // Balance classes so the bias does not simply track the share of positives in the material.
  const nPos = docs.filter((d) => d.y === 1).length;
  const nNeg = docs.length - nPos;
  const cw = [docs.length / (2 * Math.max(1, nNeg)), docs.length / (2 * Math.max(1, nPos))];
  const dim = index.size + 1; // last slot: bias
  const w = new Float64Array(dim);
  const m = new Float64Array(dim);
  const v = new Float64Array(dim);
  const g = new Float64Array(dim);
  const lr = 0.05;
  for (let t = 1; t <= epochs; t++) {
    g.fill(0);
    for (const d of docs) {
      let z = w[dim - 1]!;
      for (const i of d.idx) z += w[i]! * d.scale;
      const p = 1 / (1 + Math.exp(-z));
      const r = (p - d.y) * cw[d.y]!;
      for (const i of d.idx) g[i]! += r * d.scale;
      g[dim - 1]! += r;
    }
    for (let i = 0; i < dim; i++) {
      const gi = g[i]! / docs.length + (i < dim - 1 ? lambda * w[i]! : 0);
      m[i] = 0.9 * m[i]! + 0.1 * gi;
      v[i] = 0.999 * v[i]! + 0.001 * gi * gi;
      const mh = m[i]! / (1 - 0.9 ** t);
      const vh = v[i]! / (1 - 0.999 ** t);
      w[i]! -= (lr * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  const out: Record<string, number> = {};
  for (const [f, i] of [...index].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const x = Math.round(w[i]! * 1000) / 1000;
    if (x !== 0) out[f] = x;
  }
  return { version: 1, bias: Math.round(w[dim - 1]! * 1000) / 1000, features: out, trainedOn: opts.trainedOn ?? `${cases.length} cases`, regularization: lambda };
}

export interface Row { tp: number; fp: number; fn: number; tn: number }
export const empty = (): Row => ({ tp: 0, fp: 0, fn: 0, tn: 0 });
export function add(r: Row, label: boolean, hit: boolean): void {
  if (label && hit) r.tp++;
  else if (label) r.fn++;
  else if (hit) r.fp++;
  else r.tn++;
}
export function fmt(r: Row): string {
  const p = r.tp / Math.max(1, r.tp + r.fp);
  const rec = r.tp / Math.max(1, r.tp + r.fn);
  const fpr = r.fp / Math.max(1, r.fp + r.tn);
  return `P ${p.toFixed(3)}  R ${rec.toFixed(3)}  FPR ${(100 * fpr).toFixed(1).padStart(4)}%  (${r.tp} TP ${r.fp} FP ${r.fn} FN ${r.tn} TN)`;
}
const ctxOf = (c: EvalCase): InspectContext => ({ surface: c.surface, server: c.server ?? 'web', tools: c.tools ?? [], ownHosts: c.ownHosts ?? [] });

/** Rules + learned signal (or rules only when `weights` is undefined) on `cases`. */
export function evaluate(cases: EvalCase[], weights: LexicalWeights | undefined, combine: Combine = COMBINE): Row {
  const engine = weights
    ? new InjectionEngine({ lexical: { enabled: true, ...combine } }, { lexicalWeights: weights })
    : new InjectionEngine({ lexical: { enabled: false } });
  const r = empty();
  for (const c of cases) {
    const f = engine.inspect([{ path: '$', text: c.text }], ctxOf(c));
    add(r, c.label, f.some((x) => x.action === 'block' || x.action === 'redact'));
  }
  return r;
}

/** The learned signal alone: detected when its probability reaches `threshold`. */
function evaluateAlone(cases: EvalCase[], weights: LexicalWeights, threshold = 0.5): Row {
  const engine = new InjectionEngine({ lexical: { enabled: true, weight: 1, floor: threshold, discountBelow: 0 } }, { lexicalWeights: weights });
  const r = empty();
  for (const c of cases) {
    const a = engine.assess(c.text, ctxOf(c));
    add(r, c.label, a.signals.some((s) => s.id === 'learned-lexical'));
  }
  return r;
}

const sum = (rows: Row[]): Row => rows.reduce((a, b) => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn, tn: a.tn + b.tn }), empty());
const casesOf = (gs: CaseGroup[]): EvalCase[] => gs.flatMap((g) => g.cases);

function crossValidate(groups: CaseGroup[], lambda: number, combine: Combine): void {
  const early = groups.filter((g) => g.name !== 'h10' && g.name !== 'h11');
  const late = groups.filter((g) => g.name === 'h10' || g.name === 'h11');
  console.log(`lambda ${lambda}, combination ${JSON.stringify(combine)}\n`);
  console.log('A. train on dev + sets 1–9, test on sets 10 + 11 (written after the rules)');
  const wA = train(casesOf(early), { lambda });
  console.log(`   rules only          ${fmt(evaluate(casesOf(late), undefined))}`);
  console.log(`   learned alone       ${fmt(evaluateAlone(casesOf(late), wA))}`);
  console.log(`   rules + learned     ${fmt(evaluate(casesOf(late), wA, combine))}`);
  console.log('B. train on sets 10 + 11 only, test on dev + sets 1–9 (rules were written on these: rule numbers optimistic)');
  const wB = train(casesOf(late), { lambda });
  console.log(`   rules only          ${fmt(evaluate(casesOf(early), undefined))}`);
  console.log(`   learned alone       ${fmt(evaluateAlone(casesOf(early), wB))}`);
  console.log(`   rules + learned     ${fmt(evaluate(casesOf(early), wB, combine))}`);
  console.log('C. leave one set out (train on all other sets, 10 and 11 included)');
  const rowsRules: Row[] = [];
  const rowsBoth: Row[] = [];
  const rowsAlone: Row[] = [];
  for (const g of groups) {
    const wG = train(casesOf(groups.filter((x) => x !== g)), { lambda });
    const rr = evaluate(g.cases, undefined);
    const rb = evaluate(g.cases, wG, combine);
    const ra = evaluateAlone(g.cases, wG);
    rowsRules.push(rr);
    rowsBoth.push(rb);
    rowsAlone.push(ra);
    console.log(`   ${g.name.padEnd(4)} rules ${fmt(rr)}\n        learned ${fmt(ra)}\n        both  ${fmt(rb)}`);
  }
  console.log(`   pooled rules only      ${fmt(sum(rowsRules))}`);
  console.log(`   pooled learned alone   ${fmt(sum(rowsAlone))}`);
  console.log(`   pooled rules + learned ${fmt(sum(rowsBoth))}`);
  const lateSets = loadLateSets();
  console.log('D. sets 12–34 (written blind, first run before any change; rules generalised on them since: rule numbers optimistic).');
  console.log('   Each held out in turn; the learned signal trained on dev + sets 1–11 only, or on those plus the other late sets');
  const only: Row[] = [];
  const more: Row[] = [];
  for (const g of lateSets) {
    const wOnly = train(casesOf(groups), { lambda });
    const wMore = train(casesOf([...groups, ...lateSets.filter((x) => x !== g)]), { lambda });
    only.push(evaluateAlone(g.cases, wOnly));
    more.push(evaluateAlone(g.cases, wMore));
    console.log(`   ${g.name.padEnd(4)} rules only               ${fmt(evaluate(g.cases, undefined))}`);
    console.log(`        learned alone, ≤ 11      ${fmt(only.at(-1)!)}`);
    console.log(`        learned alone, + others  ${fmt(more.at(-1)!)}`);
    console.log(`        rules + learned (+ others) ${fmt(evaluate(g.cases, wMore, combine))}`);
  }
  console.log(`   pooled, learned alone, ≤ 11     ${fmt(sum(only))}`);
  console.log(`   pooled, learned alone, + others ${fmt(sum(more))}`);
}

/**
 * Hyperparameters by leave-one-set-out over all twelve groups: each group is scored by a model
 * trained on the other eleven. The rules were written on dev and sets 1–9, so the groups that can
 * show a difference are mostly sets 10 and 11.
 */
function grid(groups: CaseGroup[]): void {
  const lambda = DEFAULTS.lambda;
  const folds = groups.map((g) => ({ g, w: train(casesOf(groups.filter((x) => x !== g)), { lambda }) }));
  const late = (g: CaseGroup): boolean => g.name === 'h10' || g.name === 'h11';
  const show = (label: string, score: (g: CaseGroup, w: LexicalWeights) => Row): void => {
    const rows = folds.map(({ g, w }) => ({ g, r: score(g, w) }));
    console.log(`${label}\n    all groups ${fmt(sum(rows.map((x) => x.r)))}\n    10 + 11    ${fmt(sum(rows.filter((x) => late(x.g)).map((x) => x.r)))}`);
  };
  show(`lambda ${lambda}, rules only`, (g) => evaluate(g.cases, undefined));
  for (const weight of [1]) {
    for (const floor of [0.5, 0.6, 0.65]) {
      for (const [discountBelow, discount] of [[0, 1], [0.35, 0.85]] as const) {
        const combine = { weight, floor, discountBelow, discount };
        show(`  ${JSON.stringify(combine)}`, (g, w) => evaluate(g.cases, w, combine));
      }
    }
  }
}

/** Setup A only, with the learned signal alone at several thresholds and a few combinations. */
function sweep(groups: CaseGroup[], lambda: number): void {
  const early = groups.filter((g) => g.name !== 'h10' && g.name !== 'h11');
  const late = casesOf(groups.filter((g) => g.name === 'h10' || g.name === 'h11'));
  const w = train(casesOf(early), { lambda });
  console.log(`lambda ${lambda}: ${Object.keys(w.features).length} features`);
  for (const t of [0.5, 0.6, 0.7, 0.8]) console.log(`  alone ≥ ${t}  ${fmt(evaluateAlone(late, w, t))}`);
  console.log(`  combined ${JSON.stringify(COMBINE)}  ${fmt(evaluate(late, w))}`);
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
const lambdaArg = process.argv.find((a) => a.startsWith('--lambda='));
if (lambdaArg) DEFAULTS.lambda = Number(lambdaArg.slice('--lambda='.length));
if (isMain) {
  const groups = loadGroups();
  if (process.argv.includes('--grid')) grid(groups);
  else if (process.argv.includes('--sweep')) for (const l of [1e-4, 3e-4, 1e-3]) sweep(groups, l);
  else if (process.argv.includes('--cv')) crossValidate(groups, DEFAULTS.lambda, COMBINE);
  else {
    const all = casesOf([...groups, ...loadLateSets()]);
    const w = train(all, { trainedOn: `development set and held-out sets 1–34 (${all.length} cases)` });
    const path = new URL('../../src/inspect/injection/learned-weights.json', import.meta.url);
    writeFileSync(path, `${JSON.stringify(w)}\n`);
    console.log(`wrote ${path.pathname}: ${Object.keys(w.features).length} features, bias ${w.bias}`);
  }
}
