/**
 * Evaluates the injection engine on the development set.
 *   npm run eval:injection            table of precision, recall, FPR per technique and surface, timing
 *   npm run eval:injection -- --list  also lists every miss and false positive with its detail
 *   npm run eval:injection -- --techniques  per-technique slices for every held-out set (default: the newest three)
 *   npm run eval:injection -- --skip-blind  leave out the blind sets (holdout37.ts, holdout38.ts, when present) while tuning
 * A case counts as detected when the engine asks to wrap (redact) or block it; `alert` does not count.
 * Timing: each case is inspected REPEAT times after a warm-up; ms per KiB uses max(size, 1 KiB) so
 * that fixed per-call cost on short strings is not blown up into a per-KiB figure.
 */
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { compileRegexpsEagerly } from '../../src/cli/regexp-tier.js';
import { createInjectionInspector } from '../../src/inspect/injection/index.js';
import { InjectionEngine } from '../../src/inspect/injection/inspector.js';
import type { Finding, InspectContext } from '../../src/inspect/types.js';
import type { EvalCase } from './cases.js';
import { HOLDOUT9_NEGATIVES, HOLDOUT9_POSITIVES } from './holdout9.js';
import { HOLDOUT10_NEGATIVES, HOLDOUT10_POSITIVES } from './holdout10.js';
import { HOLDOUT11_NEGATIVES, HOLDOUT11_POSITIVES } from './holdout11.js';
import { loadLateSets } from './corpus.js';
import { HOLDOUT35_NEGATIVES, HOLDOUT35_POSITIVES } from './holdout35.js';
import { HOLDOUT36_NEGATIVES, HOLDOUT36_POSITIVES } from './holdout36.js';
import { loadDataset, loadHeldOut, loadHoldout, loadHoldout2, loadHoldout3, loadHoldout4, loadHoldout5, loadHoldout6, loadHoldout7, loadHoldout8 } from './dataset.js';

// As the airlock process does (src/cli/main.ts), before the engine is built.
compileRegexpsEagerly();
const REPEAT = 5;
const list = process.argv.includes('--list');
const inspector = createInjectionInspector({});
const cases = loadDataset();

function ctxOf(c: EvalCase): InspectContext {
  return { surface: c.surface, server: c.server ?? 'web', tools: c.tools ?? [], ownHosts: c.ownHosts ?? [] };
}
const detected = (f: Finding[]): boolean => f.some((x) => x.action === 'block' || x.action === 'redact');

// Warm-up: a gateway runs in steady state, so compile and tier up every expression first.
for (const c of cases) inspector.inspect([{ path: '$', text: c.text }], ctxOf(c));

interface Row { tp: number; fp: number; fn: number; tn: number }
const empty = (): Row => ({ tp: 0, fp: 0, fn: 0, tn: 0 });
const byTechnique = new Map<string, Row>();
const bySurface = new Map<string, Row>();
const total = empty();
const perKiB: number[] = [];
// CPU time as well as wall time: on a shared machine wall time mostly measures waiting for a core.
const cpuPerKiB: number[] = [];
const misses: string[] = [];

for (const c of cases) {
  const ctx = ctxOf(c);
  let findings: Finding[] = [];
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < REPEAT; i++) findings = inspector.inspect([{ path: '$', text: c.text }], ctx);
  const cpu = process.cpuUsage(c0);
  const ms = (performance.now() - t0) / REPEAT;
  const kibOf = Math.max(1, Buffer.byteLength(c.text) / 1024);
  perKiB.push(ms / kibOf);
  cpuPerKiB.push((cpu.user + cpu.system) / 1000 / REPEAT / kibOf);
  const hit = detected(findings);
  const key = c.label ? c.technique : `neg:${c.technique}`;
  for (const row of [total, byTechnique.get(key) ?? byTechnique.set(key, empty()).get(key)!, bySurface.get(c.surface) ?? bySurface.set(c.surface, empty()).get(c.surface)!]) {
    if (c.label && hit) row.tp++;
    else if (c.label) row.fn++;
    else if (hit) row.fp++;
    else row.tn++;
  }
  if (list && c.label !== hit) {
    const f = findings.find((x) => x.action !== 'allow');
    misses.push(`${c.label ? 'MISS' : 'FP  '} ${c.id} [${c.technique}/${c.surface}] ${JSON.stringify(c.text.slice(0, 110))}\n       ${f?.detail ?? 'no finding'}`);
  }
}

const pct = (n: number, d: number): string => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
function line(name: string, r: Row): string {
  const pos = r.tp + r.fn;
  const neg = r.fp + r.tn;
  return `${name.padEnd(30)} ${String(pos).padStart(4)} ${String(neg).padStart(4)}  ${pct(r.tp, r.tp + r.fp)}  ${pct(r.tp, pos)}  ${pct(r.fp, neg)}`;
}
const header = `${'slice'.padEnd(30)} ${'pos'.padStart(4)} ${'neg'.padStart(4)}  ${'prec'.padStart(6)}  ${'recall'.padStart(6)}  ${'FPR'.padStart(6)}`;

console.log(`injection engine, development set: ${cases.filter((c) => c.label).length} injections, ${cases.filter((c) => !c.label).length} hard negatives\n`);
console.log(header);
console.log(line('ALL', total));
console.log('\nby surface');
for (const [k, r] of [...bySurface].sort()) console.log(line(k, r));
console.log('\nby technique (injections)');
for (const [k, r] of [...byTechnique].filter(([k]) => !k.startsWith('neg:')).sort()) console.log(line(k, r));
console.log('\nby kind (hard negatives)');
for (const [k, r] of [...byTechnique].filter(([k]) => k.startsWith('neg:')).sort()) console.log(line(k.slice(4), r));

perKiB.sort((a, b) => a - b);
const q = (p: number): number => perKiB[Math.min(perKiB.length - 1, Math.floor(p * perKiB.length))]!;
console.log(`\nlatency per case, ms per KiB (size floored at 1 KiB): wall p50 ${q(0.5).toFixed(3)}  p95 ${q(0.95).toFixed(3)}  max ${perKiB[perKiB.length - 1]!.toFixed(3)}`);
cpuPerKiB.sort((a, b) => a - b);
const qc = (p: number): number => cpuPerKiB[Math.min(cpuPerKiB.length - 1, Math.floor(p * cpuPerKiB.length))]!;
console.log(`                                                      cpu  p50 ${qc(0.5).toFixed(3)}  p95 ${qc(0.95).toFixed(3)}  (load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)} on ${(await import('node:os')).cpus().length} cores)`);

// Held-out sets, each written after the previous round of rule changes. Only a set's first run (in its
// label) estimates unseen material; sets 1-12 were used to generalise rules after their first run, and
// the learned signal (learned-weights.json) is trained on the development set and sets 1-34. Its
// cross-validated numbers: `node --import tsx eval/injection/train.ts --cv`.
const HELD_OUT: Array<[string, EvalCase[]]> = [
  ['held-out 1 (first run P 0.913 R 0.438 FPR 0.040; since used to generalise)', loadHoldout()],
  ['held-out 2 (first run P 0.821 R 0.605 FPR 0.132; since used to generalise)', loadHoldout2()],
  ['held-out 3 (first run P 0.909 R 0.333 FPR 0.033; since used to generalise)', loadHoldout3()],
  ['held-out 4 (first run P 0.846 R 0.550 FPR 0.100; since used to generalise)', loadHoldout4()],
  ['held-out 5 (first run P 0.875 R 0.560 FPR 0.080; since used to generalise)', loadHoldout5()],
  ['held-out 6 (first run P 0.929 R 0.520 FPR 0.040; since used for one change)', loadHoldout6()],
  ['held-out 7 (first run P 1.000 R 0.640 FPR 0.000; since used to generalise)', loadHoldout7()],
  ['held-out 8 (first run P 1.000 R 0.600 FPR 0.000; its misses were seen during the structural rework)', loadHoldout8()],
  ['held-out 9 (written before the structural rework; first run P 0.824 R 0.500 FPR 0.105; since used to generalise)', loadHeldOut(HOLDOUT9_POSITIVES, HOLDOUT9_NEGATIVES, 'h9')],
  ['held-out 10 (written after the structural rework; first run P 0.881 R 0.569 FPR 0.067; now development material: rules generalised on it, learned model trained on it)', loadHeldOut(HOLDOUT10_POSITIVES, HOLDOUT10_NEGATIVES, 'h10')],
  ['held-out 11 (rules frozen; first run P 0.826 R 0.776 FPR 0.127; now development material: rules generalised on it, learned model trained on it)', loadHeldOut(HOLDOUT11_POSITIVES, HOLDOUT11_NEGATIVES, 'h11')],
];
// Sets 12–34, the same groups train.ts learns from, each labelled with its first run (before any change
// made with it in view); the rules were generalised on them afterwards.
const FIRST_RUNS: Record<string, string> = {
  h12: 'P 0.885 R 0.835 FPR 0.087', h13: 'P 0.893 R 0.783 FPR 0.068', h14: 'P 0.923 R 0.861 FPR 0.068', h15: 'P 0.938 R 0.630 FPR 0.038',
  h16: 'P 0.920 R 0.852 FPR 0.063', h17: 'P 0.925 R 0.920 FPR 0.062', h18: 'P 0.941 R 0.917 FPR 0.059', h19: 'P 0.918 R 0.909 FPR 0.070',
  h20: 'P 0.907 R 0.946 FPR 0.085', h21: 'P 0.944 R 0.864 FPR 0.046', h22: 'P 0.911 R 0.925 FPR 0.084', h23: 'P 0.968 R 0.938 FPR 0.028',
  h24: 'P 0.928 R 0.918 FPR 0.065', h25: 'P 0.966 R 0.929 FPR 0.027', h26: 'P 0.945 R 0.940 FPR 0.052', h27: 'P 0.935 R 0.940 FPR 0.054',
  h28: 'P 0.919 R 0.968 FPR 0.075', h29: 'P 0.959 R 0.954 FPR 0.036', h30: 'P 0.933 R 0.966 FPR 0.057',
  h31: 'P 0.940 R 0.918 FPR 0.048 (on the final engine of its round)', h32: 'P 0.915 R 0.945 FPR 0.075 (on the final engine of its round)',
  h33: 'P 0.953 R 0.935 FPR 0.047', h34: 'P 0.970 R 0.936 FPR 0.029',
};
// Sets 35 and 36 were run once, on the engine with the calibrated combiner (0a5b5ff), and not used since:
// neither the rules, the learned signal nor the combiner have seen them.
HELD_OUT.push(
  ['held-out 35 (written blind; first run on the final engine P 0.985 R 0.962 FPR 0.014; never tuned on)', loadHeldOut(HOLDOUT35_POSITIVES, HOLDOUT35_NEGATIVES, 'h35')],
  ['held-out 36 (written blind; first run on the final engine P 0.980 R 0.955 FPR 0.018; never tuned on)', loadHeldOut(HOLDOUT36_POSITIVES, HOLDOUT36_NEGATIVES, 'h36')],
);
HELD_OUT.splice(11, 0, ...loadLateSets().map((g): [string, EvalCase[]] => [`held-out ${g.name.slice(1)} (written blind to the rules; first run ${FIRST_RUNS[g.name] ?? 'not recorded'}; now development material)`, g.cases]));
// Blind sets are loaded only when present and not skipped: whoever tunes the engine runs with
// --skip-blind (or AIRLOCK_EVAL_SKIP_BLIND=1) so their cases are never seen before their first recorded run.
const BLIND: Array<{ n: number; label: string }> = [
  { n: 37, label: 'held-out 37 (written blind to the rules)' },
  { n: 38, label: 'held-out 38 (written blind to the rules)' },
];
const skipBlind = process.argv.includes('--skip-blind') || process.env.AIRLOCK_EVAL_SKIP_BLIND === '1';
const blindPrefixes: string[] = [];
for (const { n, label } of skipBlind ? [] : BLIND) {
  if (!existsSync(new URL(`./holdout${n}.ts`, import.meta.url))) continue;
  // A specifier in a variable: the set is optional, so its absence must not break type-checking.
  const specifier = `./holdout${n}.js`;
  const blind = (await import(specifier)) as Record<string, unknown>;
  const positives = blind[`HOLDOUT${n}_POSITIVES`];
  const negatives = blind[`HOLDOUT${n}_NEGATIVES`];
  if (Array.isArray(positives) && Array.isArray(negatives)) {
    HELD_OUT.push([label, loadHeldOut(positives, negatives, `h${n}`)]);
    blindPrefixes.push(`h${n}`);
  } else {
    console.log(`\nholdout${n}.ts does not export HOLDOUT${n}_POSITIVES and HOLDOUT${n}_NEGATIVES arrays; set ${n} not evaluated`);
  }
}
console.log('\n==== held-out sets (not the development set; only a first run estimates unseen material) ====');
console.log('sets 1-34 are development material now (rules generalised on them; learned signal and combiner trained on them);\n35-36 were run once on the final engine and never tuned on. Honest numbers for the learned signal come from cross-validation: node --import tsx eval/injection/train.ts --cv');
const techniques = process.argv.includes('--techniques');
// The hand-set rule score the calibrated combiner starts from, on the same assessments, so that what the
// combiner adds (or costs) shows on every run.
const assessor = new InjectionEngine({});
for (const [index, [name, set]] of HELD_OUT.entries()) {
  const t = empty();
  const byRules = empty();
  const surf = new Map<string, Row>();
  const tech = new Map<string, Row>();
  for (const c of set) {
    const hit = detected(inspector.inspect([{ path: '$', text: c.text }], ctxOf(c)));
    const a = assessor.assess(c.text, ctxOf(c));
    const ruleHit = a.hard || (a.ruleScore ?? a.score) >= assessor.config.thresholds.wrap;
    if (c.label && ruleHit) byRules.tp++;
    else if (c.label) byRules.fn++;
    else if (ruleHit) byRules.fp++;
    else byRules.tn++;
    // Techniques are grouped by family ("multilingual-es" → "multilingual") to keep slices readable.
    const key = (c.label ? '' : 'neg:') + c.technique.replace(/-(?:[a-z]{2})$/, '');
    for (const row of [t, surf.get(c.surface) ?? surf.set(c.surface, empty()).get(c.surface)!, tech.get(key) ?? tech.set(key, empty()).get(key)!]) {
      if (c.label && hit) row.tp++;
      else if (c.label) row.fn++;
      else if (hit) row.fp++;
      else row.tn++;
    }
    // A blind set's rows are never listed: its first run reports numbers only.
    if (list && c.label !== hit && !blindPrefixes.some((p) => c.id.startsWith(`${p}pos`) || c.id.startsWith(`${p}neg`))) misses.push(`${c.label ? 'MISS' : 'FP  '} ${c.id} [${c.technique}/${c.surface}] ${JSON.stringify(c.text.slice(0, 110))}`);
  }
  console.log(`
${name}`);
  console.log(header);
  console.log(line('ALL', t));
  console.log(line('ALL, rule score alone', byRules));
  for (const [k, r] of [...surf].sort()) console.log(line(k, r));
  // Per-technique slices for the two newest sets (all sets with --techniques).
  if (techniques || index >= HELD_OUT.length - 3) {
    for (const [k, r] of [...tech].filter(([k]) => !k.startsWith('neg:')).sort()) console.log(line(`  ${k}`, r));
    for (const [k, r] of [...tech].filter(([k]) => k.startsWith('neg:')).sort()) console.log(line(`  ${k}`, r));
  }
}

// Throughput on one long document (scanned in overlapping windows).
const big = cases.filter((c) => !c.label).map((c) => c.text).join('\n\n');
const bigCtx: InspectContext = { surface: 'response', server: 'web', tools: cases[0]!.tools ?? [], ownHosts: [] };
const runs: number[] = [];
for (let i = 0; i < 7; i++) {
  const t0 = performance.now();
  inspector.inspect([{ path: '$', text: big }], bigCtx);
  runs.push(performance.now() - t0);
}
runs.sort((a, b) => a - b);
const kib = Buffer.byteLength(big) / 1024;
console.log(`long document ${kib.toFixed(0)} KiB: p50 ${(runs[3]! / kib).toFixed(3)} ms/KiB, worst of 7 ${(runs[6]! / kib).toFixed(3)} ms/KiB`);

const precision = total.tp / Math.max(1, total.tp + total.fp);
const recall = total.tp / Math.max(1, total.tp + total.fn);
const fpr = total.fp / Math.max(1, total.fp + total.tn);
console.log(`\ntargets (development set): precision ≥ 0.95 (${precision.toFixed(3)}), recall ≥ 0.90 (${recall.toFixed(3)}), FPR ≤ 0.02 (${fpr.toFixed(3)}), p95 ≤ 2 ms/KiB (wall ${q(0.95).toFixed(3)}, cpu ${qc(0.95).toFixed(3)})`);
if (list) console.log(`\n${misses.join('\n')}`);
