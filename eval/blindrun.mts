// usage: node --import tsx eval/blindrun.mts N [root]
const n = process.argv[2];
const root = process.argv[3] ?? '/work/main';
const { compileRegexpsEagerly } = await import(`${root}/src/cli/regexp-tier.ts`).catch(() => ({ compileRegexpsEagerly: () => {} }));
compileRegexpsEagerly();
const { InjectionEngine } = await import(`${root}/src/inspect/injection/inspector.ts`);
const { loadHeldOut } = await import(`/work/main/eval/injection/dataset.ts`);
const m = await import(`/work/main/eval/injection/holdout${n}.ts`);
const cases = loadHeldOut(m[`HOLDOUT${n}_POSITIVES`], m[`HOLDOUT${n}_NEGATIVES`], `h${n}`);
const eng = new InjectionEngine({});
const rows = cases.map((c: any) => { const a = eng.assess(c.text, { surface: c.surface, server: c.server ?? 'web', tools: c.tools ?? [], ownHosts: c.ownHosts ?? [] }); return { label: c.label, surface: c.surface, tech: c.technique.replace(/-(?:[a-z]{2})$/, ''), score: a.score, hard: a.hard }; });
const fmt = (rs: any[], w = 0.5) => { const tp = rs.filter((r) => r.label && (r.hard || r.score >= w)).length; const P = rs.filter((r) => r.label).length; const fp = rs.filter((r) => !r.label && (r.hard || r.score >= w)).length; const N = rs.length - P; return `pos ${P} neg ${N}  P ${(tp / Math.max(1, tp + fp)).toFixed(3)} R ${(tp / Math.max(1, P)).toFixed(3)} FPR ${(fp / Math.max(1, N)).toFixed(3)} (fp ${fp})`; };
console.log(`set ${n} engine ${root}`);
console.log('ALL         ', fmt(rows));
for (const s of ['response', 'description']) console.log(s.padEnd(12), fmt(rows.filter((r: any) => r.surface === s)));
for (const w of [0.55, 0.6, 0.65]) console.log(`wrap ${w}    `, fmt(rows, w));
const techs = [...new Set(rows.map((r: any) => (r.label ? '' : 'neg:') + r.tech))].sort();
for (const t of techs) console.log('  ' + String(t).padEnd(24), fmt(rows.filter((r: any) => (r.label ? '' : 'neg:') + r.tech === t)));
