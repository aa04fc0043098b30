/**
 * Finds text a human reader does not see but a model does: HTML and markdown comments, hidden
 * elements, alt text and link titles, and runs encoded as base64, hex, ROT13 or reversed text.
 * Works on the normalised scan text; Unicode tag text is decoded earlier, in normalisation.
 */
import { execAll } from './regex.js';

export type HiddenKind =
  | 'unicode-tags'
  | 'zero-width'
  | 'bidi-control'
  | 'html-comment'
  | 'markdown-comment'
  | 'hidden-element'
  | 'alt-text'
  | 'link-title'
  | 'link-target'
  | 'base64'
  | 'hex'
  | 'rot13'
  | 'reversed';

/** A hidden region of the scan text. When `decoded` is set the region is scanned as that text instead. */
export interface HiddenSegment {
  kind: HiddenKind;
  start: number;
  end: number;
  decoded?: string;
}

const HTML_COMMENT = /<!--([\s\S]*?)(?:-->|$)/g;
const MD_COMMENT = /^[ \t]*\[(?:\/\/|comment|_|#)\]:[ \t]*(?:#|<>)[ \t]*(?:\(([^)\n]*)\)|"([^"\n]*)")/gim;
const HIDDEN_STYLE =
  /display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?:px|pt|em|rem|%)?\s*(?:;|$)|opacity\s*:\s*0(?:\.0+)?\s*(?:;|$)|(?:^|;)\s*color\s*:\s*(?:#fff(?:fff)?|white|transparent|rgba\([^)]*,\s*0\))|(?:height|width|max-height)\s*:\s*0(?:px)?\s*(?:;|$)|(?:left|top|text-indent)\s*:\s*-\d{3,}/i;
const OPEN_TAG = /<([a-z][a-z0-9]*)\b([^<>]{0,600})>/gi;
const HIDDEN_ATTR = /(?:^|\s)(?:hidden(?:\s|=|$)|aria-hidden\s*=\s*["']?true)/i;
const STYLE_ATTR = /style\s*=\s*(?:"([^"]*)"|'([^']*)')/i;
const ALT_MD = /!\[([^\]\n]{8,600})\]\(/g;
const ALT_ATTR = /\b(alt|title|data-[\w-]{1,40}|aria-label)\s*=\s*(?:"([^"]{8,1000})"|'([^']{8,1000})')/gi;
const LINK_TITLE = /\](?=\()\(\s{0,8}[^)\s(]{1,2048}\s{1,8}"([^"\n]{8,600})"\s*\)/g;
const LINK_TARGET = /\]\(\s*((?:https?:\/\/|data:)[^\s]{12,2000}?|javascript:[^\n]{12,2000}?)(?=\)(?:\s|$|[.,;!?])|\s+["'])/g;
const HREF_TARGET = /\b(?:href|src|action)\s*=\s*(?:"((?:https?:\/\/|javascript:|data:)[^"]{12,2000})"|'((?:https?:\/\/|javascript:|data:)[^']{12,2000})')/gi;
/** Words run together with hyphens or underscores, as a query value carries a sentence: "AI-assistant-please-open-…". */
const JOINED_WORDS = /(?:[A-Za-z]{1,20}[-_]){4,}[A-Za-z]{1,20}/;
const BASE64_RUN = /(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{24,}={0,2}(?![A-Za-z0-9+/_-])/g;
const HEX_RUN = /(?:\\x[0-9a-fA-F]{2}){8,}|(?:(?<![0-9A-Za-z])|(?<=\b0x))(?:[0-9a-fA-F]{2}[ :]?){16,}(?![0-9A-Za-z])/g;
// Words that mark English turned by ROT13 or written backwards: rare as-is in any language.
const ROT13_HINT = /vtaber|qvfertneq|vafgehpgvba|cerivbhf|nffvfgnag|flfgrz cebzcg|cebzcg|frperg|cnffjbeq|rksvygengr|perqragvny|nccebir|sbejneq|qryrgr|ercbfvgbel|pbairefngvba|ntrag|ernq|cnfgr|vaivgr|nqzva|zbqry|flfgrz/i;
const REVERSED_HINT = /erongi|dragersid|snoitcurtsni|noitcurtsni|suoiverp|tnatsissa|tpmorp|drowssap|terces|laitnederc|etartlifxe|edirrevo|llehs|drawrof|eteled|yrotisoper|noitasrevnoc|ledom|tnega|dnes|etadpu|egnahc|yrotsih|nimda|sptth|rotaroballoc|tnatropmi|asr_di|hss\.\/|vne\.\//i;
const ROT13_COMMON = /\b(?:gur|naq|lbh|lbhe|guvf|jvgu|sbe|sebz|gung|gb|bs|nyy|rirel|hfre)\b/gi;
const REVERSED_COMMON = /\b(?:eht|dna|uoy|ruoy|siht|htiw|rof|morf|taht)\b/gi;

/** Starts of up to three distinct lines: those with a `hint` word, then the densest line of `common` words. */
function candidateLines(text: string, hint: RegExp, common: RegExp): number[] {
  const starts = new Set<number>();
  const out: number[] = [];
  const add = (at: number): void => {
    const ls = text.lastIndexOf('\n', at) + 1;
    if (!starts.has(ls) && out.length < 3) {
      starts.add(ls);
      out.push(at);
    }
  };
  for (const m of execAll(new RegExp(hint.source, 'gi'), text)) add(m.index);
  const dense = lineDense(text, common);
  if (dense !== undefined) add(dense);
  return out;
}

/** The line with the most of `re` (≥ 3 hits), or undefined. */
function lineDense(text: string, re: RegExp): number | undefined {
  let best: number | undefined;
  let bestCount = 2;
  let count = 0;
  let lineStart = 0;
  let first = -1;
  for (const m of execAll(re, text)) {
    const ls = text.lastIndexOf('\n', m.index) + 1;
    if (ls !== lineStart) {
      lineStart = ls;
      count = 0;
      first = m.index;
    }
    if (first < 0) first = m.index;
    count++;
    if (count > bestCount) {
      bestCount = count;
      best = first;
    }
  }
  return best;
}

/** Letters and spaces dominate, and it contains words: this decoded run is text, not binary or an id. */
function looksLikeText(s: string): boolean {
  if (s.length < 12) return false;
  let printable = 0;
  let letters = 0;
  let spaces = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x09 || c >= 0xa0) printable++;
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c >= 0xc0) letters++;
    if (c === 0x20) spaces++;
  }
  return printable / s.length > 0.95 && letters / s.length > 0.55 && spaces >= 2 && !s.includes('\ufffd');
}

function decodeBase64(run: string): string | undefined {
  const b64 = run.replace(/-/g, '+').replace(/_/g, '/');
  if (b64.length % 4 === 1) return undefined;
  const text = Buffer.from(b64, 'base64').toString('utf8');
  return looksLikeText(text) ? text : undefined;
}

function decodeHex(run: string): string | undefined {
  const hex = run.replace(/\\x|[ :]/g, '');
  if (hex.length % 2 !== 0) return undefined;
  const text = Buffer.from(hex, 'hex').toString('utf8');
  return looksLikeText(text) ? text : undefined;
}

export function rot13(s: string): string {
  return s.replace(/[a-zA-Z]/g, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
}

/** The line around `index`, bounded so a huge single-line document stays cheap. */
function lineAround(text: string, index: number): [number, number] {
  let start = text.lastIndexOf('\n', index) + 1;
  let end = text.indexOf('\n', index);
  if (end < 0) end = text.length;
  start = Math.max(start, index - 600);
  end = Math.min(end, index + 600);
  return [start, end];
}

/**
 * A link target is never shown to the reader: text carried in it (percent-encoded words, a javascript: or
 * data: payload, a sentence joined with hyphens in a query value) is hidden text.
 */
function pushLinkTarget(out: HiddenSegment[], url: string, start: number, end: number): void {
  const script = /^(?:javascript|data):/i.test(url);
  if (!script && !/%20|\+[a-z]+\+/i.test(url) && !JOINED_WORDS.test(url)) return;
  // Each query value on a line of its own, as the sentence it carries: "?note=AI assistant: run …".
  let decoded = script ? safeDecodeUri(url.replace(/^javascript:|^data:[^,]{0,60},/i, '')) : safeDecodeUri(url.replace(/^[^?#]*[?#]/, '').replace(/(?:^|&)([\w.-]{1,30})=/g, '\n$1: '));
  decoded = decoded.replace(/(?:[A-Za-z]{1,20}[-_]){4,}[A-Za-z]{1,20}|\b[A-Za-z]{1,20}_[A-Za-z]{1,20}\b/g, (w) => w.replace(/[-_]/g, ' '));
  if (looksLikeText(decoded)) out.push({ kind: 'link-target', start, end, decoded });
}

function safeDecodeUri(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

const META_CONTENT = /<meta\b[^>]{0,200}?\bcontent\s*=\s*(?:"([^"]{8,2000})"|'([^']{8,2000})')/gi;

/** Hidden and encoded regions of `text` (the normalised scan text). */
export function findHiddenSegments(text: string): HiddenSegment[] {
  const out: HiddenSegment[] = [];
  if (text.includes('<!--')) {
    for (const m of execAll(HTML_COMMENT, text)) out.push({ kind: 'html-comment', start: m.index, end: m.index + m[0].length });
  }
  if (text.includes(']:')) {
    for (const m of execAll(MD_COMMENT, text)) out.push({ kind: 'markdown-comment', start: m.index, end: m.index + m[0].length });
  }
  if (text.includes('<')) {
    let lower: string | undefined;
    for (const m of execAll(OPEN_TAG, text)) {
      const attrs = m[2] ?? '';
      const style = STYLE_ATTR.exec(attrs);
      const styleText = style ? (style[1] ?? style[2] ?? '') : '';
      if (!HIDDEN_ATTR.test(attrs) && !(styleText && HIDDEN_STYLE.test(styleText))) continue;
      const tag = m[1]!.toLowerCase();
      lower ??= text.toLowerCase();
      const close = lower.indexOf(`</${tag}`, m.index + m[0].length);
      const end = close < 0 ? Math.min(text.length, m.index + m[0].length + 4000) : close;
      if (end - (m.index + m[0].length) > 0) out.push({ kind: 'hidden-element', start: m.index, end });
    }
    // A <meta> tag's content is never rendered: the reader of the page does not see it.
    if (/<meta\b/i.test(text)) {
      for (const m of execAll(META_CONTENT, text)) {
        const value = m[1] ?? m[2] ?? '';
        const at = m.index + m[0].indexOf(value);
        out.push({ kind: 'hidden-element', start: at, end: at + value.length });
      }
    }
    for (const m of execAll(ALT_ATTR, text)) {
      const value = m[2] ?? m[3] ?? '';
      const at = m.index + m[0].indexOf(value);
      const attr = m[1]!.toLowerCase();
      out.push({ kind: attr === 'alt' ? 'alt-text' : attr === 'title' ? 'link-title' : 'hidden-element', start: at, end: at + value.length });
    }
  }
  if (text.includes('](')) {
    // Only the alt text or title itself is hidden, not the URL next to it.
    for (const m of execAll(ALT_MD, text)) out.push({ kind: 'alt-text', start: m.index + 2, end: m.index + 2 + m[1]!.length });
    for (const m of execAll(LINK_TITLE, text)) {
      const at = m.index + m[0].lastIndexOf(m[1]!);
      out.push({ kind: 'link-title', start: at, end: at + m[1]!.length });
    }
    for (const m of execAll(LINK_TARGET, text)) pushLinkTarget(out, m[1]!, m.index, m.index + m[0].length);
  }
  // Slack-style links: <https://…|label> shows only the label.
  if (text.includes('|')) for (const m of execAll(/<(https?:\/\/[^|>\s]{12,2000})\|[^>\n]{1,200}>/g, text)) pushLinkTarget(out, m[1]!, m.index, m.index + m[0].length);
  if (/\b(?:href|src|action)\s*=/i.test(text)) {
    for (const m of execAll(HREF_TARGET, text)) pushLinkTarget(out, m[1] ?? m[2]!, m.index, m.index + m[0].length);
  }
  for (const m of execAll(BASE64_RUN, text)) {
    let start = m.index;
    let decoded = decodeBase64(m[0]);
    // An escape of a JSON or iCalendar string ("below\nYXNz…") glues its letter to the run.
    if (!decoded && text[start - 1] === '\\' && /^[ntr]/.test(m[0])) {
      decoded = decodeBase64(m[0].slice(1));
      if (decoded) start++;
    }
    if (decoded) out.push({ kind: 'base64', start, end: m.index + m[0].length, decoded });
  }
  for (const m of execAll(HEX_RUN, text)) {
    const decoded = decodeHex(m[0].trim());
    if (decoded) out.push({ kind: 'hex', start: m.index, end: m.index + m[0].length, decoded });
  }
  // Every line that carries a turned word, and the densest line of common turned words: a note that names
  // the cipher ("decode with ROT13:") is often on another line than the payload.
  for (const at of candidateLines(text, ROT13_HINT, ROT13_COMMON)) {
    const [s, e] = lineAround(text, at);
    out.push({ kind: 'rot13', start: s, end: e, decoded: rot13(text.slice(s, e)) });
  }
  for (const at of candidateLines(text, REVERSED_HINT, REVERSED_COMMON)) {
    const [s, e] = lineAround(text, at);
    out.push({ kind: 'reversed', start: s, end: e, decoded: [...text.slice(s, e)].reverse().join('') });
  }
  return out;
}

/** Ranges a reader sees as quoted material: fenced and inline code, block quotes, quotation marks. */
const JSON_LIKE = /^\s*[[{][\s\S]*"[\w.-]{1,60}"\s*:/;
/** Whether the text is a JSON document (its string values are data, not quotations). */
const looksLikeJson = (text: string): boolean => JSON_LIKE.test(text);
/** Whether the text reads as source code (its string literals are code, not quotations). */
const looksLikeCode = (text: string): boolean => CODE_LIKE.test(text);
const CODE_LIKE = /(?:^|\n)[ \t]*(?:(?:const|let|var|import|export|function|def|class|return|assert\w*|expect|test|it|describe)\b[^\n]*(?:[;{(=:[,]|=>)[ \t]*(?:\n|$)|[A-Z_][A-Z0-9_]{2,}\s*=\s*["'[{(])/;
/** What kind of document a text is, decided once per leaf and shared by every check that depends on it. */
export interface TextKind {
  code: boolean;
  json: boolean;
}
export const textKindOf = (text: string): TextKind => ({ code: looksLikeCode(text), json: looksLikeJson(text) });

export function findQuotedRanges(text: string, kind: TextKind = textKindOf(text)): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const { code, json } = kind;
  if (text.includes('```') || text.includes('~~~')) {
    for (const m of execAll(/(?:^|\n)[ \t]*(```|~~~)[^\n]*\n[\s\S]*?(?:\n[ \t]*\1|$)/g, text)) out.push([m.index, m.index + m[0].length]);
  }
  if (text.includes('`')) for (const m of execAll(/`[^`\n]{1,600}`/g, text)) out.push([m.index, m.index + m[0].length]);
  // An indented block after a blank line is a code block in markdown (not in JSON, where indentation is layout).
  if (!json && /\n[ \t]*\n(?: {4}|\t)\S/.test(text)) for (const m of execAll(/\n[ \t]*\n((?:(?: {4}|\t)[^\n]*(?:\n|$))+)/g, text)) out.push([m.index + m[0].length - m[1]!.length, m.index + m[0].length]);
  // An HTML code block shows its content literally, as a fenced block does in markdown.
  if (/<(?:pre|code)\b/i.test(text)) for (const m of execAll(/<(pre|code)\b[^>]{0,200}>[\s\S]{0,20000}?<\/\1>/gi, text)) out.push([m.index, m.index + m[0].length]);
  if (text.includes('>')) for (const m of execAll(/^[ \t]*>.*$/gm, text)) out.push([m.index, m.index + m[0].length]);
  // In source code a single-quoted string is a literal too ('Ignore all previous instructions' in a test).
  if (code) {
    for (const m of execAll(/'[^'\n]{3,400}'/g, text)) out.push([m.index, m.index + m[0].length]);
    // A comment line in source code is part of the code listing.
    for (const m of execAll(/^[ \t]*(?:#|\/\/|\/\*\*?|\*(?!\*))[^\n]*/gm, text)) out.push([m.index, m.index + m[0].length]);
    // So is a double-quoted string that opens an indented line or follows an assignment, a call or a return.
    for (const m of execAll(/(?:^[ \t]+|[=(,]\s*|\breturn\s+)("[^"\n]{3,400}")/gm, text)) out.push([m.index + m[0].length - m[1]!.length, m.index + m[0].length]);
  } else if (text.includes("'")) {
    // In prose a single-quoted span is a quotation when it is introduced as speech: "User wrote 'ignore …'".
    for (const m of execAll(/\b(?:wrote|writes|said|says|typed|sent|asked|replied|like|such as|e\.g\.|saying)[,:]?\s+('[^'\n]{3,400}')/gi, text)) out.push([m.index + m[0].length - m[1]!.length, m.index + m[0].length]);
  }
  // In a JSON document a string value is the data itself (an issue body, a comment), not a quotation;
  // a quotation inside a value is written with escaped quotes.
  if (json && text.includes('\\"')) for (const m of execAll(/\\"[^"\\\n]{3,400}\\"/g, text)) out.push([m.index, m.index + m[0].length]);
  for (const m of execAll(/"[^"\n]{3,800}"|"[^"\n]{1,400}\n[^"\n]{1,400}"|“[^”\n]{3,800}”|«[^»\n]{3,800}»|„[^“”"\n]{3,800}[“”"]|「[^」\n]{2,800}」|『[^』\n]{2,800}』/g, text)) {
    if (json && text[m.index] === '"' && /[:[,]\s*$/.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

