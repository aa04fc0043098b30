/**
 * Unicode normalisation for scanning: NFKC, confusable folding inside mixed-script words, and
 * removal of invisible characters that can hide or split words. Every character of the scan text
 * keeps the index of the original character it came from, so findings point into the leaf as given.
 */

/** A run of invisible characters that was removed or decoded, in original-text coordinates. */
export interface InvisibleRun {
  kind: 'unicode-tags' | 'zero-width' | 'bidi-control';
  start: number;
  end: number;
  /** Number of invisible code points in the run. */
  count: number;
  /** ASCII decoded from Unicode tag characters (tags only). */
  decoded?: string;
}

export interface NormalizedText {
  /** Text used by the rules. */
  text: string;
  /** map[i] = index in the original text of scan character i; map[text.length] = original length. */
  map: number[];
  invisible: InvisibleRun[];
}

const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x180e, 0x2061, 0x2062, 0x2063, 0x2064, 0x034f]);
/** Soft hyphen: a legitimate hyphenation hint, removed for matching but not reported. */
const SOFT_HYPHEN = 0x00ad;
const NEEDS_WORK = /[\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]|[\u{E0000}-\u{E007F}]/u;
const BIDI = new Set([0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);
const BLACK_FLAG = 0x1f3f4;

// Scripts where ZWNJ/ZWJ are part of correct spelling (Persian, Arabic, Indic, Sinhala).
const JOINER_SCRIPT = /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Script=Khmer}\p{Script=Myanmar}]/u;
// Scripts written without spaces between words, where a zero-width space is the word-break hint.
const UNSPACED_SCRIPT = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const EMOJI_SIDE = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\u{FE0F}\u{20E3}\p{Regional_Indicator}]/u;
const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u;
const MARK = /\p{M}/u;

/** Latin look-alikes from Cyrillic, Greek and other scripts; applied only in mixed-script words. */
const CONFUSABLES: Record<string, string> = {
  'а': 'a', 'в': 'b', 'е': 'e', 'ё': 'e', 'к': 'k', 'м': 'm', 'н': 'h', 'о': 'o', 'р': 'p', 'с': 'c', 'т': 't', 'у': 'y', 'х': 'x',
  'і': 'i', 'ї': 'i', 'ј': 'j', 'ѕ': 's', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w', 'һ': 'h', 'ӏ': 'l', 'ɡ': 'g', 'ɑ': 'a', 'ı': 'i',
  'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T', 'Х': 'X', 'І': 'I', 'Ј': 'J', 'Ѕ': 'S',
  'α': 'a', 'ε': 'e', 'ι': 'i', 'κ': 'k', 'ν': 'v', 'ο': 'o', 'ρ': 'p', 'τ': 't', 'υ': 'u', 'χ': 'x', 'γ': 'y',
  'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N', 'Ο': 'O', 'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X',
};
const LATIN = /\p{Script=Latin}/u;
const FOLDABLE = /[\p{Script=Cyrillic}\p{Script=Greek}\u0261\u0251\u0131]/u;

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7e || (text.charCodeAt(i) < 0x20 && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d && text.charCodeAt(i) !== 0x09)) return false;
  return true;
}

function charAt(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

function prevChar(text: string, i: number): string {
  if (i <= 0) return '';
  const lo = text.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) return text.slice(i - 2, i);
  return text[i - 1] ?? '';
}

/** Whether a zero-width joiner/non-joiner at `i` is doing its legitimate job (emoji, Persian/Indic). */
function legitimateJoiner(text: string, i: number, cp: number): boolean {
  if (cp !== 0x200c && cp !== 0x200d) return false;
  const before = prevChar(text, i);
  const after = charAt(text, i + 1);
  if (cp === 0x200d && EMOJI_SIDE.test(before) && EMOJI_SIDE.test(after)) return true;
  const beforeOk = JOINER_SCRIPT.test(before) || (MARK.test(before) && JOINER_SCRIPT.test(prevChar(text, i - before.length)));
  return beforeOk || JOINER_SCRIPT.test(after);
}

const SPECIAL = /[\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|\u{1F3F4}|[\u{E0000}-\u{E007F}]/gu;

/** Whether the tag character at `i` continues a black-flag subdivision sequence. */
/** NFKC per base character with its combining marks, keeping the map. */
function normalizeUnits(input: string, from: number, to: number, out: string[], map: number[]): void {
  let i = from;
  while (i < to) {
    const cp = input.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (cp < 0x80) {
      out.push(input[i]!);
      map.push(i);
      i++;
      continue;
    }
    let j = i + width;
    while (j < to) {
      const next = input.codePointAt(j)!;
      if (!MARK.test(String.fromCodePoint(next)) || next === 0x034f) break;
      j += next > 0xffff ? 2 : 1;
    }
    const unit = input.slice(i, j).normalize('NFKC');
    for (let k = 0; k < unit.length; k++) {
      out.push(unit[k]!);
      map.push(i);
    }
    i = j;
  }
}

/**
 * Normalise a leaf for scanning. ASCII-only input takes a fast path that copies nothing but the map.
 */
export function normalizeForScan(input: string): NormalizedText {
  if (isAscii(input) || (!NEEDS_WORK.test(input) && input.normalize('NFKC') === input)) {
    // Nothing to remove and already normalised: folding below keeps lengths, so the map is the identity.
    const map = new Array<number>(input.length + 1);
    for (let i = 0; i <= input.length; i++) map[i] = i;
    const text = !isAscii(input) && FOLDABLE.test(input) && LATIN.test(input) ? foldMixedScriptWords(input) : input;
    return { text, map, invisible: [] };
  }
  const rtl = RTL_SCRIPT.test(input);
  const out: string[] = [];
  const map: number[] = [];
  const invisible: InvisibleRun[] = [];
  const note = (kind: InvisibleRun['kind'], start: number, end: number, ch?: string): void => {
    const last = invisible[invisible.length - 1];
    if (last && last.kind === kind && last.end === start) {
      last.end = end;
      last.count++;
      if (ch !== undefined) last.decoded = (last.decoded ?? '') + ch;
    } else invisible.push({ kind, start, end, count: 1, ...(ch !== undefined ? { decoded: ch } : {}) });
  };
  // Plain stretches between special characters, line by line: most are already NFKC and copy as is.
  const copyPlain = (from: number, to: number): void => {
    let lineStart = from;
    while (lineStart < to) {
      let lineEnd = input.indexOf('\n', lineStart);
      lineEnd = lineEnd < 0 || lineEnd >= to ? to : lineEnd + 1;
      const piece = input.slice(lineStart, lineEnd);
      if (piece.normalize('NFKC') === piece) {
        out.push(piece);
        for (let k = lineStart; k < lineEnd; k++) map.push(k);
      } else normalizeUnits(input, lineStart, lineEnd, out, map);
      lineStart = lineEnd;
    }
  };
  let plainFrom = 0;
  // Where the run of tag characters that a black flag starts ends: tags up to here belong to a
  // subdivision flag. Tracked while scanning, so a long run of tags costs linear time.
  let flagTagsEnd = -1;
  SPECIAL.lastIndex = 0;
  for (let m = SPECIAL.exec(input); m; m = SPECIAL.exec(input)) {
    const i = m.index;
    const cp = input.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (cp === BLACK_FLAG) {
      flagTagsEnd = i + width;
      continue;
    }
    copyPlain(plainFrom, i);
    plainFrom = i + width;
    if (cp >= 0xe0000 && cp <= 0xe007f) {
      // Subdivision flags (England, Scotland, Wales) are a black flag followed by tag letters.
      const partOfFlag = flagTagsEnd === i;
      if (partOfFlag) flagTagsEnd = i + width;
      if (!partOfFlag) note('unicode-tags', i, i + width, cp >= 0xe0020 && cp <= 0xe007e ? String.fromCharCode(cp - 0xe0000) : '');
      continue;
    }
    if (cp === SOFT_HYPHEN) continue;
    if (ZERO_WIDTH.has(cp)) {
      // Removed for matching like a soft hyphen, but not reported: nothing Latin can hide between two Thai letters.
      if (cp === 0x200b && UNSPACED_SCRIPT.test(prevChar(input, i)) && UNSPACED_SCRIPT.test(charAt(input, i + 1))) continue;
      if (legitimateJoiner(input, i, cp)) {
        out.push(input[i]!);
        map.push(i);
      } else note('zero-width', i, i + width);
      continue;
    }
    // Bidi controls and marks: removed. In right-to-left text only the overrides (LRO, RLO) are reported;
    // embeddings, isolates and marks are how such text is written correctly.
    if (!rtl || cp === 0x202d || cp === 0x202e) note('bidi-control', i, i + width);
  }
  copyPlain(plainFrom, input.length);
  map.push(input.length);
  let text = out.join('');
  if (FOLDABLE.test(text) && LATIN.test(text)) text = foldMixedScriptWords(text);
  // BIDI run merge keeps reports small; invisible bidi in RTL text is legitimate and already skipped.
  return { text, map, invisible };
}

/** Replace look-alike letters in words that mix Latin with Cyrillic or Greek. Lengths are preserved. */
// Only words around a foldable letter are looked at: on a long English text with a little Cyrillic,
// testing every word was a measurable share of the scan.
const FOLDABLE_ALL = /[\p{Script=Cyrillic}\p{Script=Greek}\u0261\u0251\u0131]/gu;
const WORD_CHAR = /[\p{L}\p{M}]/u;
function foldMixedScriptWords(text: string): string {
  let out = '';
  let done = 0;
  FOLDABLE_ALL.lastIndex = 0;
  for (let m = FOLDABLE_ALL.exec(text); m !== null; m = FOLDABLE_ALL.exec(text)) {
    if (m.index < done) continue;
    let a = m.index;
    while (a > 0 && WORD_CHAR.test(text[a - 1]!)) a--;
    let b = m.index + m[0].length;
    while (b < text.length && WORD_CHAR.test(text[b]!)) b++;
    FOLDABLE_ALL.lastIndex = b;
    const word = text.slice(a, b);
    if (word.length < 2 || !LATIN.test(word)) continue;
    let folded = '';
    for (const ch of word) {
      const f = CONFUSABLES[ch];
      folded += f !== undefined && f.length === ch.length ? f : ch;
    }
    out += text.slice(done, a) + folded;
    done = b;
  }
  FOLDABLE_ALL.lastIndex = 0;
  return done === 0 ? text : out + text.slice(done);
}
