/**
 * Load-time refusal of regular expressions that can backtrack catastrophically in a backtracking
 * engine. Used for custom rules when they are compiled with the built-in engine (`customRegexEngine:
 * 'js'`); under RE2 every pattern runs in linear time and this check is not needed.
 *
 * Refused, each with a message that names the construct and how to rewrite it:
 * - a quantified element inside another unbounded quantifier (`(a+)+`, `(\w+\s?)*`),
 * - alternatives that can start with the same character under an unbounded quantifier (`(a|ab)*`, `(\w|\d)+`),
 * - a quantified group that can match the empty string (`(a?)*`),
 * - back-references (`(a+)\1`), whose matching is not bounded by any automaton.
 */

const LARGE = 16;

type Node =
  | { k: 'seq'; items: Node[] }
  | { k: 'alt'; alts: Node[] }
  | { k: 'group'; child: Node; look: boolean }
  | { k: 'rep'; min: number; max: number; child: Node }
  | { k: 'set'; set: Uint8Array; nullable: false }
  | { k: 'empty' };

export class UnsafePatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafePatternError';
  }
}

function newSet(): Uint8Array {
  return new Uint8Array(129); // 0..127 ASCII, 128 = any non-ASCII
}

function fillRange(s: Uint8Array, a: number, b: number): void {
  for (let c = a; c <= b && c < 128; c++) s[c] = 1;
  if (b >= 128) s[128] = 1;
}

function classEscape(ch: string, s: Uint8Array): boolean {
  switch (ch) {
    case 'd': fillRange(s, 48, 57); return true;
    case 'w': fillRange(s, 48, 57); fillRange(s, 65, 90); fillRange(s, 97, 122); s[95] = 1; return true;
    case 's': s[32] = 1; s[9] = 1; s[10] = 1; s[11] = 1; s[12] = 1; s[13] = 1; s[128] = 1; return true;
    case 'D': case 'W': case 'S': {
      const t = newSet();
      classEscape(ch.toLowerCase(), t);
      for (let i = 0; i < 129; i++) if (!t[i]) s[i] = 1;
      s[128] = 1;
      return true;
    }
    default: return false;
  }
}

class Parser {
  i = 0;
  constructor(private readonly src: string, private readonly ci: boolean) {}

  parse(): Node {
    const n = this.alt();
    if (this.i < this.src.length) throw new UnsafePatternError(`unbalanced ")" at ${this.i}`);
    return n;
  }

  private alt(): Node {
    const alts = [this.seq()];
    while (this.src[this.i] === '|') {
      this.i++;
      alts.push(this.seq());
    }
    return alts.length === 1 ? alts[0]! : { k: 'alt', alts };
  }

  private seq(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      let atom = this.atom();
      atom = this.quant(atom);
      items.push(atom);
    }
    return items.length === 0 ? { k: 'empty' } : { k: 'seq', items };
  }

  private quant(atom: Node): Node {
    const c = this.src[this.i];
    let min = -1;
    let max = -1;
    if (c === '*') { min = 0; max = Infinity; this.i++; }
    else if (c === '+') { min = 1; max = Infinity; this.i++; }
    else if (c === '?') { min = 0; max = 1; this.i++; }
    else if (c === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.src.slice(this.i));
      if (m) {
        min = Number(m[1]);
        max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
        this.i += m[0].length;
      }
    }
    if (min < 0) return atom;
    if (this.src[this.i] === '?' || this.src[this.i] === '+') this.i++;
    return this.quant({ k: 'rep', min, max, child: atom });
  }

  private atom(): Node {
    const c = this.src[this.i]!;
    if (c === '(') {
      this.i++;
      let look = false;
      if (this.src[this.i] === '?') {
        const rest = this.src.slice(this.i);
        const m = /^\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(rest);
        if (!m) throw new UnsafePatternError(`unsupported group syntax at ${this.i}`);
        look = m[0] !== '?:' && !m[0].startsWith('?<') ? true : m[0] === '?<=' || m[0] === '?<!';
        this.i += m[0].length;
      }
      const child = this.alt();
      if (this.src[this.i] !== ')') throw new UnsafePatternError('missing ")"');
      this.i++;
      return { k: 'group', child, look };
    }
    if (c === '[') return this.cls();
    if (c === '\\') {
      const e = this.src[this.i + 1] ?? '';
      if (/[1-9]/.test(e) || e === 'k') {
        throw new UnsafePatternError('back-references are not allowed in custom rules: they make matching time unbounded; match the text explicitly instead');
      }
      this.i += 2;
      const s = newSet();
      if (classEscape(e, s)) return { k: 'set', set: s, nullable: false };
      if (e === 'b' || e === 'B') return { k: 'empty' };
      if (e === 'x') { this.i += 2; s[128] = 1; fillRange(s, 0, 127); return { k: 'set', set: s, nullable: false }; }
      if (e === 'u') { this.i += this.src[this.i] === '{' ? this.src.indexOf('}', this.i) - this.i + 1 : 4; s[128] = 1; fillRange(s, 0, 127); return { k: 'set', set: s, nullable: false }; }
      const code = e === 'n' ? 10 : e === 'r' ? 13 : e === 't' ? 9 : e.charCodeAt(0);
      this.addChar(s, code);
      return { k: 'set', set: s, nullable: false };
    }
    if (c === '^' || c === '$') {
      this.i++;
      return { k: 'empty' };
    }
    if (c === '*' || c === '+' || c === '?' || c === '{') throw new UnsafePatternError(`nothing to repeat at ${this.i}`);
    this.i++;
    const s = newSet();
    if (c === '.') fillRange(s, 0, 128);
    else this.addChar(s, c.charCodeAt(0));
    return { k: 'set', set: s, nullable: false };
  }

  private addChar(s: Uint8Array, code: number): void {
    if (code >= 128) { s[128] = 1; return; }
    s[code] = 1;
    if (this.ci && code >= 65 && code <= 90) s[code + 32] = 1;
    if (this.ci && code >= 97 && code <= 122) s[code - 32] = 1;
  }

  private cls(): Node {
    this.i++;
    let neg = false;
    if (this.src[this.i] === '^') { neg = true; this.i++; }
    const s = newSet();
    let first = true;
    while (this.i < this.src.length && (this.src[this.i] !== ']' || first)) {
      first = false;
      let a: number;
      if (this.src[this.i] === '\\') {
        const e = this.src[this.i + 1] ?? '';
        this.i += 2;
        if (classEscape(e, s)) continue;
        a = e === 'n' ? 10 : e === 'r' ? 13 : e === 't' ? 9 : e === 'x' || e === 'u' ? 128 : e.charCodeAt(0);
        if (e === 'x') this.i += 2;
        if (e === 'u') this.i += 4;
      } else {
        a = this.src.charCodeAt(this.i++);
      }
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']' && this.i + 1 < this.src.length) {
        this.i++;
        let b: number;
        if (this.src[this.i] === '\\') { b = this.src.charCodeAt(this.i + 1); this.i += 2; }
        else b = this.src.charCodeAt(this.i++);
        fillRange(s, a, b);
        if (this.ci) { fillRange(s, Math.max(a, 65) + 32, Math.min(b, 90) + 32); fillRange(s, Math.max(a, 97) - 32, Math.min(b, 122) - 32); }
      } else this.addChar(s, a);
    }
    if (this.src[this.i] !== ']') throw new UnsafePatternError('missing "]"');
    this.i++;
    if (neg) for (let k = 0; k < 129; k++) s[k] = s[k] ? 0 : 1;
    return { k: 'set', set: s, nullable: false };
  }
}

function nullable(n: Node): boolean {
  switch (n.k) {
    case 'empty': return true;
    case 'set': return false;
    case 'group': return n.look || nullable(n.child);
    case 'rep': return n.min === 0 || nullable(n.child);
    case 'seq': return n.items.every(nullable);
    case 'alt': return n.alts.some(nullable);
  }
}

function first(n: Node, out: Uint8Array): void {
  switch (n.k) {
    case 'empty': return;
    case 'set': for (let i = 0; i < 129; i++) if (n.set[i]) out[i] = 1; return;
    case 'group': if (!n.look) first(n.child, out); return;
    case 'rep': first(n.child, out); return;
    case 'alt': for (const a of n.alts) first(a, out); return;
    case 'seq':
      for (const it of n.items) {
        first(it, out);
        if (!nullable(it)) return;
      }
  }
}

function intersects(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < 129; i++) if (a[i] && b[i]) return true;
  return false;
}

function containsLargeRep(n: Node): boolean {
  switch (n.k) {
    case 'rep': return n.max >= LARGE || containsLargeRep(n.child);
    case 'group': return containsLargeRep(n.child);
    case 'seq': return n.items.some(containsLargeRep);
    case 'alt': return n.alts.some(containsLargeRep);
    default: return false;
  }
}

function altsUnder(n: Node, out: Node[][]): void {
  if (n.k === 'alt') out.push(n.alts);
  if (n.k === 'group') altsUnder(n.child, out);
  if (n.k === 'seq') for (const it of n.items) altsUnder(it, out);
  if (n.k === 'alt') for (const a of n.alts) altsUnder(a, out);
}

function check(n: Node): void {
  switch (n.k) {
    case 'rep':
      if (n.max >= LARGE || n.max === Infinity) {
        if (containsLargeRep(n.child)) {
          throw new UnsafePatternError('nested quantifiers (a repeated element inside another unbounded repetition, like "(a+)+") can backtrack exponentially; make the inner element fixed-length or the outer repetition bounded and small');
        }
        if (nullable(n.child)) {
          throw new UnsafePatternError('a repeated group that can match the empty string (like "(a?)*") can backtrack catastrophically; make the group match at least one character');
        }
        const alts: Node[][] = [];
        altsUnder(n.child, alts);
        for (const group of alts) {
          const sets = group.map((a) => {
            const s = newSet();
            first(a, s);
            return s;
          });
          for (let i = 0; i < sets.length; i++) {
            for (let j = i + 1; j < sets.length; j++) {
              if (intersects(sets[i]!, sets[j]!)) {
                throw new UnsafePatternError('alternatives that can start with the same character inside an unbounded repetition (like "(a|ab)*" or "(\\w|\\d)+") can backtrack exponentially; merge them into one character class or make them start differently');
              }
            }
          }
        }
      }
      check(n.child);
      return;
    case 'group': check(n.child); return;
    case 'seq': n.items.forEach(check); return;
    case 'alt': n.alts.forEach(check); return;
    default: return;
  }
}

/**
 * Throws {@link UnsafePatternError} when `source` contains a construct that can make a backtracking
 * regex engine take exponential time. Returns normally for patterns without such constructs.
 */
export function assertSafePattern(source: string, caseInsensitive = false): void {
  const ast = new Parser(source, caseInsensitive).parse();
  check(ast);
}
