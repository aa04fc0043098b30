/**
 * Scores the DLP engine on eval/dlp/corpus.jsonl and prints recall and false positives per type,
 * the hard-negative flag rate, and secretlint's recall (recommended preset) on the same secret
 * positives.   npm run eval:dlp   (regenerate the corpus with eval/dlp/generate.ts)
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintSource } from '@secretlint/core';
import { creator as recommended } from '@secretlint/secretlint-rule-preset-recommend';
import { createDlpInspector, PII_TYPES } from '../../src/inspect/dlp/index.js';
import type { Finding, TextLeaf } from '../../src/inspect/types.js';
import type { Case } from './generate.js';
import { leavesOf } from './walk.js';

const here = dirname(fileURLToPath(import.meta.url));
const cases: Case[] = readFileSync(join(here, 'corpus.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Case);
const dlp = createDlpInspector({});
const piiSet = new Set<string>(PII_TYPES);
const verbose = process.argv.includes('--verbose');

interface Row { n: number; hit: number; exact: number; fp: number; slN: number; slHit: number }
const rows = new Map<string, Row>();
const row = (t: string): Row => {
  let r = rows.get(t);
  if (!r) rows.set(t, (r = { n: 0, hit: 0, exact: 0, fp: 0, slN: 0, slHit: 0 }));
  return r;
};

function leaves(c: Case): TextLeaf[] {
  return c.format === 'json' ? leavesOf(JSON.parse(c.content)) : [{ path: '$', text: c.content }];
}

function forms(v: string): string[] {
  const once = JSON.stringify(v).slice(1, -1);
  return [v, once, JSON.stringify(once).slice(1, -1)];
}

/** Where a planted value sits: leaf path and span. */
function locate(ls: TextLeaf[], v: string): { path: string; start: number; end: number }[] {
  const out: { path: string; start: number; end: number }[] = [];
  for (const l of ls) {
    for (const f of forms(v)) {
      const i = l.text.indexOf(f);
      if (i >= 0) {
        out.push({ path: l.path, start: i, end: i + f.length });
        break;
      }
    }
  }
  return out;
}

const overlaps = (f: { start: number; end: number }, s: { start: number; end: number }): boolean => f.start < s.end && s.start < f.end;

const bySource = { spec: { n: 0, hit: 0 }, pattern: { n: 0, hit: 0 } };
let negFlagged = 0;
let negTotal = 0;
let negSlFlagged = 0;
const misses: string[] = [];
const fpSamples: string[] = [];

for (const c of cases) {
  const ls = leaves(c);
  const findings: Finding[] = dlp.inspect(ls, { surface: c.format === 'json' && c.content.includes('"result"') ? 'response' : 'request', server: 'eval' });
  const matched = new Set<Finding>();
  if (c.kind === 'negative') {
    negTotal++;
    if (findings.length > 0) negFlagged++;
    for (const f of findings) {
      row(f.type).fp++;
      if (fpSamples.length < 40) fpSamples.push(`${c.id} ${f.type} ${JSON.stringify(ls.find((l) => l.path === f.path)!.text.slice(f.start, f.end)).slice(0, 80)}`);
    }
    const sl = await lintSource({ source: { filePath: '/eval/input.txt', content: c.content, contentType: 'text' }, options: { config: { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: recommended }] } } });
    if (sl.messages.length > 0) negSlFlagged++;
    continue;
  }
  for (const p of c.expect) {
    const r = row(p.type);
    r.n++;
    const isPii = piiSet.has(p.type);
    const spots = locate(ls, p.value);
    let hit = false;
    let exact = false;
    for (const s of spots) {
      for (const f of findings) {
        if (f.path !== s.path || !overlaps(f, s)) continue;
        if (isPii ? f.type === p.type : f.category === 'secret') {
          hit = true;
          matched.add(f);
          if (f.type === p.type || f.type.replace(/-v2$/, '') === p.type) exact = true;
        }
      }
    }
    if (hit) r.hit++;
    if (exact) r.exact++;
    const src = c.source ?? 'spec';
    bySource[src].n++;
    if (hit) bySource[src].hit++;
    if (!hit) misses.push(`${c.id} ${p.type} [${c.format}] ${JSON.stringify(p.value).slice(0, 70)}`);
    if (!isPii) {
      // secretlint on the raw content: found when a message range overlaps the planted value.
      r.slN++;
      const sl = await lintSource({ source: { filePath: '/eval/input.txt', content: c.content, contentType: 'text' }, options: { config: { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: recommended }] } } });
      const spans: { start: number; end: number }[] = [];
      for (const f of forms(p.value)) {
        let i = c.content.indexOf(f);
        while (i >= 0) {
          spans.push({ start: i, end: i + f.length });
          i = c.content.indexOf(f, i + 1);
        }
      }
      if (sl.messages.some((m) => spans.some((s) => overlaps({ start: m.range[0], end: m.range[1] }, s)))) r.slHit++;
    }
  }
  for (const f of findings) {
    if (matched.has(f)) continue;
    // A second finding on the same planted value (e.g. a key id inside a decoded run) is not a false positive.
    const onPlanted = c.expect.some((p) => locate(ls, p.value).some((s) => s.path === f.path && overlaps(f, s)));
    if (onPlanted) continue;
    row(f.type).fp++;
    if (fpSamples.length < 40) fpSamples.push(`${c.id} ${f.type} ${JSON.stringify(ls.find((l) => l.path === f.path)!.text.slice(f.start, f.end)).slice(0, 80)}`);
  }
}

const pct = (a: number, b: number): string => (b === 0 ? '   -  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);
const types = [...rows.keys()].sort((a, b) => Number(piiSet.has(a)) - Number(piiSet.has(b)) || a.localeCompare(b));
console.log('| type | category | positives | recall | exact type | false positives | secretlint recall |');
console.log('|---|---|---:|---:|---:|---:|---:|');
let sN = 0, sHit = 0, pN = 0, pHit = 0, fpS = 0, fpP = 0, slN = 0, slHit = 0, exact = 0;
for (const t of types) {
  const r = rows.get(t)!;
  const pii = piiSet.has(t);
  if (pii) { pN += r.n; pHit += r.hit; fpP += r.fp; } else { sN += r.n; sHit += r.hit; fpS += r.fp; slN += r.slN; slHit += r.slHit; }
  exact += r.exact;
  if (verbose || r.n === 0 || r.hit < r.n || r.fp > 0 || pii || r.n >= 3) {
    console.log(`| ${t} | ${pii ? 'pii' : 'secret'} | ${r.n} | ${pct(r.hit, r.n)} | ${pct(r.exact, r.n)} | ${r.fp} | ${pii ? 'n/a' : pct(r.slHit, r.slN)} |`);
  }
}
const hiddenRows = types.filter((t) => { const r = rows.get(t)!; return !(verbose || r.n === 0 || r.hit < r.n || r.fp > 0 || piiSet.has(t) || r.n >= 3); }).length;
if (hiddenRows) console.log(`| … ${hiddenRows} more secret types, each 100% recall and 0 false positives (--verbose lists them) | | | | | | |`);
console.log('');
console.log('| summary | value |');
console.log('|---|---:|');
console.log(`| secret positives | ${sN} (${rows.size - [...rows.keys()].filter((t) => piiSet.has(t)).length} types) |`);
console.log(`| secret recall (Airlock) | ${pct(sHit, sN)} |`);
console.log(`| secret recall (secretlint recommended) | ${pct(slHit, slN)} |`);
console.log(`| pii positives | ${pN} |`);
console.log(`| pii recall | ${pct(pHit, pN)} |`);
console.log(`| overall recall | ${pct(sHit + pHit, sN + pN)} |`);
console.log(`| exact type on detected | ${pct(exact, sHit + pHit)} |`);
console.log(`| recall, hand-written spec generators | ${pct(bySource.spec.hit, bySource.spec.n)} (${bySource.spec.n}) |`);
console.log(`| recall, rule-pattern generators (long tail) | ${pct(bySource.pattern.hit, bySource.pattern.n)} (${bySource.pattern.n}) |`);
console.log(`| hard negatives | ${negTotal} |`);
console.log(`| hard negatives flagged (Airlock) | ${negFlagged} (${pct(negFlagged, negTotal).trim()}) |`);
console.log(`| hard negatives flagged (secretlint) | ${negSlFlagged} (${pct(negSlFlagged, negTotal).trim()}) |`);
console.log(`| false-positive findings (secret / pii) | ${fpS} / ${fpP} |`);
if (misses.length) {
  console.log(`\nmisses (${misses.length}):`);
  for (const m of misses.slice(0, verbose ? 1000 : 25)) console.log('  ' + m);
}
if (fpSamples.length) {
  console.log(`\nfalse positives (first ${Math.min(fpSamples.length, 25)}):`);
  for (const m of fpSamples.slice(0, verbose ? 1000 : 25)) console.log('  ' + m);
}
