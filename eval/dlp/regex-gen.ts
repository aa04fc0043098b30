/**
 * Generates a random string that matches a (simple) regular expression: literals, escapes, classes,
 * groups, alternation and bounded quantifiers. Used to fill the long tail of token formats in the
 * corpus; the major formats have hand-written generators in generate.ts that follow the issuers'
 * published specs instead.
 */
export type Rand = () => number;

type Node =
  | { k: 'lit'; ch: string }
  | { k: 'set'; chars: string }
  | { k: 'seq'; items: Node[] }
  | { k: 'alt'; alts: Node[] }
  | { k: 'rep'; min: number; max: number; child: Node }
  | { k: 'none' };

const DIGITS = '0123456789';
/** Characters a negated class draws from: what real tokens and passwords are made of. */
const SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#%&*+-./:=?@^_~';
const WORD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_';

function parse(src: string, ci: boolean): Node {
  let i = 0;
  const alt = (): Node => {
    const alts = [seq()];
    while (src[i] === '|') {
      i++;
      alts.push(seq());
    }
    return alts.length === 1 ? alts[0]! : { k: 'alt', alts };
  };
  const seq = (): Node => {
    const items: Node[] = [];
    while (i < src.length && src[i] !== '|' && src[i] !== ')') items.push(quant(atom()));
    return { k: 'seq', items };
  };
  const quant = (a: Node): Node => {
    const c = src[i];
    let min = -1, max = -1;
    if (c === '*') { min = 0; max = 3; i++; }
    else if (c === '+') { min = 1; max = 4; i++; }
    else if (c === '?') { min = 0; max = 1; i++; }
    else if (c === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(src.slice(i));
      if (m) {
        min = Number(m[1]);
        max = m[2] ? (m[3] ? Number(m[3]) : min + 8) : min;
        i += m[0].length;
      }
    }
    if (min < 0) return a;
    if (src[i] === '?') i++;
    return { k: 'rep', min, max, child: a };
  };
  const cls = (): Node => {
    i++;
    let neg = false;
    if (src[i] === '^') { neg = true; i++; }
    let chars = '';
    let first = true;
    while (i < src.length && (src[i] !== ']' || first)) {
      first = false;
      let a: string;
      if (src[i] === '\\') {
        const e = src[i + 1]!;
        i += 2;
        if (e === 'd') { chars += DIGITS; continue; }
        if (e === 'w') { chars += WORD; continue; }
        if (e === 's') { chars += ' '; continue; }
        a = e === 'n' ? '\n' : e === 't' ? '\t' : e;
      } else a = src[i++]!;
      if (src[i] === '-' && src[i + 1] !== ']') {
        i++;
        let b = src[i++]!;
        if (b === '\\') b = src[i++]!;
        for (let c = a.charCodeAt(0); c <= b.charCodeAt(0); c++) chars += String.fromCharCode(c);
      } else chars += a;
    }
    i++;
    if (ci) chars = [...new Set((chars.toLowerCase() + chars.toUpperCase()).split(''))].join('');
    if (neg) chars = SAFE.split('').filter((c) => !chars.includes(c)).join('');
    return { k: 'set', chars };
  };
  const atom = (): Node => {
    const c = src[i]!;
    if (c === '(') {
      i++;
      if (src[i] === '?') {
        const m = /^\?(?::|=|!|<=|<!|<[A-Za-z]\w*>)/.exec(src.slice(i))!;
        i += m[0].length;
        const look = m[0] !== '?:' && !/^\?<[A-Za-z]/.test(m[0]);
        const inner = alt();
        i++;
        return look ? { k: 'none' } : inner;
      }
      const inner = alt();
      i++;
      return inner;
    }
    if (c === '[') return cls();
    if (c === '\\') {
      const e = src[i + 1]!;
      i += 2;
      if (e === 'd') return { k: 'set', chars: DIGITS };
      if (e === 'w') return { k: 'set', chars: WORD };
      if (e === 's') return { k: 'set', chars: ' ' };
      if (e === 'b') return { k: 'none' };
      return { k: 'lit', ch: e === 'n' ? '\n' : e };
    }
    i++;
    if (c === '^' || c === '$') return { k: 'none' };
    if (c === '.') return { k: 'set', chars: WORD };
    return { k: 'lit', ch: c };
  };
  return alt();
}

function gen(n: Node, r: Rand): string {
  switch (n.k) {
    case 'lit': return n.ch;
    case 'none': return '';
    case 'set': return n.chars[Math.floor(r() * n.chars.length)]!;
    case 'seq': return n.items.map((x) => gen(x, r)).join('');
    case 'alt': return gen(n.alts[Math.floor(r() * n.alts.length)]!, r);
    case 'rep': {
      const k = n.min + Math.floor(r() * (n.max - n.min + 1));
      let s = '';
      for (let j = 0; j < k; j++) s += gen(n.child, r);
      return s;
    }
  }
}

export function fromPattern(src: string, r: Rand, caseInsensitive = false): string {
  return gen(parse(src, caseInsensitive), r);
}
