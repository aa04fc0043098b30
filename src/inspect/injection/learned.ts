/**
 * A small learned component: logistic regression over word unigrams, word bigrams, clause-initial
 * words and the structural families of structure.ts (and their pairs). Session knowledge and the
 * multilingual lexicons are folded into placeholder tokens: a tool this session exposes becomes
 * `ztool`; a URL `zurlown` (the server's own host), `zurlq` (carries a query) or `zurl`; an e-mail
 * address `zmail`; a word for the model in any of the twelve languages `zagent`; secrets `zsecret`;
 * the user's data `zuserdata`; a data-moving verb `zsend`. Weights are trained by
 * `eval/injection/train.ts` on the labelled material in the repository and shipped in
 * `learned-weights.json`; nothing is downloaded or trained at run time.
 *
 * Why it exists: the explained rules catch what they have words for; new plain-prose phrasings of
 * "assistant, do X" share many small pieces (an agent noun before a clause-initial verb, second
 * person, the user's data next to a send verb) that a linear model weighs jointly, and the same
 * pieces tell ordinary documentation apart (its low score discounts soft rule hits).
 *
 * Cost: one pass per pattern over the text, then one pass over the tokens per window (windows of
 * `WINDOW` characters with half overlap), so O(length). No pattern has nested unbounded repetition.
 *
 * Failure contract: the weights are validated when the engine is created; malformed weights throw,
 * so the engine cannot be created (fail closed) instead of silently scoring 0.
 */
import { execAll, hoistLeadingWordBoundary } from './regex.js';
import type { ToolRef } from '../types.js';
import { MODEL_TERMS_ML, SECRET_OBJECTS, SEND_VERBS, USER_DATA } from './lexicon.js';
import type { SentenceScan } from './structure.js';

/** Shipped model: bias, feature → weight, and how it was trained (for the README and findings). */
export interface LexicalWeights {
  version: 1;
  bias: number;
  features: Record<string, number>;
  trainedOn: string;
  regularization: number;
}

const WINDOW = 480;
const STEP = 240;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
// Cheap pre-check: Han, kana and Hangul all lie above U+10FF.
const BEYOND_ALPHABETS = /[^\u0000-\u10ff]/;
// Tokens: letter/number runs, and the punctuation that marks structure (addresses, quotes, markup).
const TOKEN = /[\p{L}\p{M}\p{N}_'’]+|[:;!?"“”«»`<>\[\]{}()#*|—=@/\\~.,-]/gu;
const URL_RE = /\bhttps?:\/\/[^\s"'<>)\]]+/gi;
// Starts only where a local part starts and is bounded, so a long run without '@' costs O(run), not O(run²).
const MAIL_RE = /(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}\b/g;
// Concept tokens: the same idea in any of the twelve languages becomes one token, so what the model
// learns from "assistant, send …" carries over to "asistente, envía …" and to agent names it never saw.
// Letters of scripts that separate words with spaces: a concept must not start or end inside such a word.
const ALPHA = '[\\p{Script=Latin}\\p{Script=Cyrillic}\\p{Script=Greek}\\p{Script=Arabic}]';
const CONCEPTS: Array<[RegExp, string]> = [
  [new RegExp(`(?<!${ALPHA})${MODEL_TERMS_ML}(?!${ALPHA})`, 'giu'), 'zagent'],
  [new RegExp(`(?<!${ALPHA})${SECRET_OBJECTS}(?!${ALPHA})`, 'giu'), 'zsecret'],
  [new RegExp(hoistLeadingWordBoundary(USER_DATA), 'giu'), 'zuserdata'],
  [new RegExp(SEND_VERBS, 'giu'), 'zsend'],
];

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isOwnHost(url: string, ownHosts: readonly string[]): boolean {
  if (!ownHosts.length) return false;
  const host = /^https?:\/\/(?:[^@/\s]*@)?([^/:?#\s]+)/i.exec(url)?.[1]?.toLowerCase();
  return host !== undefined && ownHosts.some((h) => host === h.toLowerCase() || host.endsWith(`.${h.toLowerCase()}`));
}

const toolPatterns = new WeakMap<readonly ToolRef[], RegExp | null>();
/** One pattern for the session's tool names, built once per tool list. */
function toolPattern(tools: readonly ToolRef[]): RegExp | null {
  if (!tools.length) return null;
  let re = toolPatterns.get(tools);
  if (re === undefined) {
    const names = [...new Set(tools.map((x) => x.name.toLowerCase()).filter((n) => n.length >= 4))];
    re = names.length ? new RegExp(`(?<![\\w-])(?:${names.map(escapeRe).join('|')})(?![\\w-])`, 'g') : null;
    toolPatterns.set(tools, re);
  }
  return re;
}

interface Token {
  t: string;
  at: number;
}

/**
 * Tokens of the scan text with their positions: lower-cased words and structural punctuation, with
 * URLs, e-mail addresses, the session's tool names and the multilingual concepts replaced by one
 * placeholder token each. One pass per pattern over the whole text, so windows cost nothing extra.
 */
export function tokenize(text: string, tools: readonly ToolRef[] = [], ownHosts: readonly string[] = []): Token[] {
  const lower = text.toLowerCase();
  // Lower-casing can change the length of a few characters; positions must stay those of `text`.
  const src = lower.length === text.length ? lower : text;
  const covered = new Uint8Array(src.length);
  const spans: Array<[number, number, string]> = [];
  const claim = (re: RegExp, token: (m: string) => string): void => {
    re.lastIndex = 0;
    for (const m of execAll(re, src)) {
      const a = m.index;
      const b = a + m[0].length;
      if (b === a || covered.subarray(a, b).some((x) => x === 1)) continue;
      covered.fill(1, a, b);
      spans.push([a, b, token(m[0])]);
    }
  };
  // A link to the server's own host is how it links to itself; only foreign hosts are destinations.
  claim(URL_RE, (u) => (isOwnHost(u, ownHosts) ? 'zurlown' : /[?#][^\s]*=/.test(u) ? 'zurlq' : 'zurl'));
  claim(MAIL_RE, () => 'zmail');
  const toolRe = toolPattern(tools);
  if (toolRe) claim(toolRe, () => 'ztool');
  for (const [re, token] of CONCEPTS) claim(re, () => token);
  spans.sort((x, y) => x[0] - y[0]);
  const out: Token[] = [];
  const words = (from: number, to: number): void => {
    if (to <= from) return;
    TOKEN.lastIndex = 0;
    for (const m of execAll(TOKEN, src.slice(from, to))) {
      const tok = m[0].toLowerCase().replace(/\d+/g, '0');
      const at = from + m.index;
      // No spaces between words: characters stand in for words (and pairs of them for bigrams).
      if (BEYOND_ALPHABETS.test(tok) && CJK.test(tok)) for (const ch of tok) out.push({ t: ch, at });
      else out.push({ t: tok, at });
    }
  };
  let pos = 0;
  for (const [a, b, token] of spans) {
    words(pos, a);
    out.push({ t: token, at: a });
    pos = b;
  }
  words(pos, src.length);
  return out;
}

/** The tokens joined by spaces: a readable view of what the model sees (tests, debugging). */
export function canonicalize(text: string, tools: readonly ToolRef[] = [], ownHosts: readonly string[] = []): string {
  return tokenize(text, tools, ownHosts)
    .map((x) => x.t)
    .join(' ');
}

/**
 * Structural families (see structure.ts: who is addressed, what is asked) of the sentences that
 * overlap [start, end), and every pair of them, as features: the model learns how much each
 * combination counts instead of a hand-set table, and the families carry the twelve languages'
 * lexicons into it.
 */
export function familyFeatures(scan: SentenceScan, start: number, end: number): string[] {
  const fam = new Set<string>();
  for (let i = 0; i < scan.bounds.length; i++) {
    const [a, b] = scan.bounds[i]!;
    if (b <= start) continue;
    if (a >= end) break;
    for (const f of scan.perSentence[i]!.families) fam.add(f);
  }
  const list = [...fam].sort();
  const out = list.map((f) => `f:${f}`);
  for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) out.push(`ff:${list[i]}+${list[j]}`);
  return out;
}

/** Binary features of a token run plus any structural ones. */
export function features(tokens: readonly Token[], extra: readonly string[] = []): Set<string> {
  const out = new Set<string>(extra);
  // The first word of each clause: imperatives lead their clause ("send …", "ignore …"), statements rarely do.
  let atStart = true;
  for (const { t } of tokens) {
    if (/^[.!?:;—|]$/.test(t)) {
      atStart = true;
      continue;
    }
    if (atStart && /\p{L}/u.test(t)) out.add(`s:${t}`);
    atStart = false;
  }
  for (let i = 0; i < tokens.length; i++) {
    out.add(`w:${tokens[i]!.t}`);
    if (i + 1 < tokens.length) out.add(`b:${tokens[i]!.t} ${tokens[i + 1]!.t}`);
  }
  return out;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Scoring windows: the whole text when short, else half-overlapping windows of WINDOW characters. */
export function windows(length: number): Array<[number, number]> {
  if (length <= WINDOW + STEP) return [[0, length]];
  const out: Array<[number, number]> = [];
  for (let s = 0; s < length; s += STEP) {
    out.push([s, Math.min(length, s + WINDOW)]);
    if (s + WINDOW >= length) break;
  }
  return out;
}

/** Feature sets per scoring window of `text`; training and scoring both go through here. */
export function windowFeatures(
  text: string,
  tools: readonly ToolRef[],
  ownHosts: readonly string[],
  scan: SentenceScan | undefined,
): Array<{ start: number; end: number; features: Set<string> }> {
  const tokens = tokenize(text, tools, ownHosts);
  const spans = windows(text.length);
  if (spans.length === 1) return [{ start: 0, end: text.length, features: features(tokens, scan ? familyFeatures(scan, 0, text.length) : []) }];
  // Overlapping windows share tokens: build each token's feature strings once, then assemble every
  // window from them with exactly the semantics of features() on the window's token slice.
  const n = tokens.length;
  const uni = new Array<string>(n);
  const bi = new Array<string>(n);
  const punct = new Uint8Array(n);
  const letter = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!.t;
    uni[i] = `w:${t}`;
    if (i + 1 < n) bi[i] = `b:${t} ${tokens[i + 1]!.t}`;
    punct[i] = /^[.!?:;—|]$/.test(t) ? 1 : 0;
    letter[i] = /\p{L}/u.test(t) ? 1 : 0;
  }
  const out: Array<{ start: number; end: number; features: Set<string> }> = [];
  let lo = 0;
  for (const [start, end] of spans) {
    while (lo < n && tokens[lo]!.at < start) lo++;
    let hi = lo;
    while (hi < n && tokens[hi]!.at < end) hi++;
    const f = new Set<string>(scan ? familyFeatures(scan, start, end) : []);
    let atStart = true;
    for (let i = lo; i < hi; i++) {
      if (punct[i]) {
        atStart = true;
        continue;
      }
      if (atStart && letter[i]) f.add(`s:${tokens[i]!.t}`);
      atStart = false;
    }
    for (let i = lo; i < hi; i++) {
      f.add(uni[i]!);
      if (i + 1 < hi) f.add(bi[i]!);
    }
    out.push({ start, end, features: f });
  }
  return out;
}

export interface LexicalScore {
  probability: number;
  /** Scan-text range of the window that scored highest. */
  start: number;
  end: number;
}

export class LexicalModel {
  private readonly weights: Map<string, number>;
  private readonly bias: number;
  readonly size: number;

  constructor(w: LexicalWeights) {
    if (w.version !== 1 || !Number.isFinite(w.bias) || typeof w.features !== 'object' || w.features === null) {
      throw new Error('injection lexical model weights are malformed (expected version 1, a finite bias and a feature map); re-run eval/injection/train.ts');
    }
    this.weights = new Map();
    for (const [k, v] of Object.entries(w.features)) {
      if (!Number.isFinite(v)) throw new Error('injection lexical model weight for a feature is not finite; re-run eval/injection/train.ts');
      this.weights.set(k, v);
    }
    this.bias = w.bias;
    this.size = this.weights.size;
  }

  /** Probability for one feature set (binary features, scaled by 1/sqrt(count) as in training). */
  probabilityOf(f: ReadonlySet<string>): number {
    if (f.size === 0) return sigmoid(this.bias);
    let z = 0;
    for (const k of f) z += this.weights.get(k) ?? 0;
    return sigmoid(this.bias + z / Math.sqrt(f.size));
  }

  /**
   * Highest window probability of `text` (scan text). `scan` carries the sentence families the engine
   * already computed for its structural rule; without it the model scores words only.
   */
  score(text: string, tools: readonly ToolRef[] = [], ownHosts: readonly string[] = [], scan?: SentenceScan): LexicalScore {
    let best: LexicalScore = { probability: 0, start: 0, end: 0 };
    for (const w of windowFeatures(text, tools, ownHosts, scan)) {
      const p = this.probabilityOf(w.features);
      if (p > best.probability) best = { probability: p, start: w.start, end: w.end };
    }
    return best;
  }
}
