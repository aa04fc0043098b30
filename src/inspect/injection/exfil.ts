/**
 * Exfiltration links: a markdown image or link (rendered and fetched by many clients without a
 * click) or a bare URL whose query carries data, to a host that is not the server's own.
 */
import { execAll } from './regex.js';
import { EMAIL, RECOVERY_CONTEXT, SECRET_OBJECTS, SEND_VERBS, USER_DATA } from './lexicon.js';

export interface ExfilHit {
  id: 'exfil-image' | 'exfil-link' | 'exfil-instruction';
  start: number;
  end: number;
  weight: number;
  hard: boolean;
  explain: string;
}

const MD_IMAGE = /!\[[^\]\n]{0,300}\]\(\s*<?(https?:\/\/[^)\s]{4,4000})/gi;
const HTML_IMG = /<img\b[^>]{0,400}?\bsrc\s*=\s*["']?(https?:\/\/[^"'\s>]{4,4000})/gi;
const MD_LINK = /(?<!!)\[[^\]\n]{0,300}\]\(\s*<?(https?:\/\/[^)\s]{4,4000})/gi;
const BARE_URL = /\bhttps?:\/\/[^\s)"'`]{4,4000}/gi;
// A placeholder the agent is meant to fill in: {conversation}, <the user's email>, $API_KEY, [CHAT_LOG],
// PUT_THE_QUESTION_HERE. Placeholders a developer fills with their own value (YOUR_API_KEY) do not count.
const PLACEHOLDER = /\{\{?\s*([A-Za-z_][\w.-]{0,40}(?: [\w.-]{1,20}){0,4})\s*\}?\}|<([^<>\n]{2,120})>|%3C([\w%.'-]{2,60})%3E|%7B(?:%7B)?([\w.-]{1,40})%7D(?:%7D)?|\$\{?([A-Z_][A-Z0-9_]{2,})\}?|\[([A-Z_ ]{3,40})\]|%5B([A-Z_%0-9]{3,60})%5D|\b((?:INSERT|PUT|PLACE|ADD|REPLACE)[_ ][A-Z_]{2,}|[A-Z]{2,}(?:_[A-Z]{2,}){2,})\b/g;
// Two-part capitals name a slot only when one part is the kind of data it holds (USER_EMAIL, SESSION_TOKEN).
const CAPS_SLOT = /\b[A-Z]{2,}_(?:EMAIL|TOKEN|KEY|SECRET|PASSWORD|SESSION|COOKIE|NAME|PHONE|ADDRESS|DATA|HISTORY|CONTEXT|CHAT|MESSAGES?|FILES?)\b/;
const SNAKE_VALUE = /=([a-z]+(?:_[a-z]+){3,})/g;
const FILL_WORD = /(?:^|_)(?:append|add|insert|put|paste|fill|include|replace|the|your|readers?|users?)(?:_|$)/;
const SENSITIVE_WORD = /conversation|chat|history|message|question|prompt|summary|e-?mail|user|secret|key|token|pass|credential|data|context|memory|env|ssh|name|address|phone|ssn|card|file|content|notes?|input|answer|response|transcript|log|info/i;

function hasPlaceholder(s: string): boolean {
  if (CAPS_SLOT.test(s)) return true;
  // A value spelled out as an order to fill it: "note=append_the_readers_session_cookie_here".
  for (const m of execAll(SNAKE_VALUE, s)) if (SENSITIVE_WORD.test(m[1]!) && FILL_WORD.test(m[1]!)) return true;
  for (const m of execAll(PLACEHOLDER, s)) {
    const inner = m.slice(1).find((g) => g !== undefined) ?? '';
    if (/^your[_ ]/i.test(inner)) continue;
    if (SENSITIVE_WORD.test(inner)) return true;
  }
  return false;
}
const DATA_KEY = /(?:^|[?&;])(?:data|d|q|payload|p|secret|secrets|key|keys|token|tok|pw|pwd|pass|password|cred|creds|credentials|history|conversation|chat|ctx|context|msg|message|messages|prompt|info|leak|exfil|content|text|body|env|ssh|memory|notes?|summary|dump|b64|log)=/i;
const SEND_VERB = /\b(?:send|post|upload|forward|transmit|submit|report|sync|append|attach|include|encode|put|add|embed|visit|open|fetch|load|render|navigate to|make a request to|request)\b[^\n.]{0,80}$/i;
const SENSITIVE_OBJECT = /\b(?:(?:previous|last|prior) tool results?|full text of|(?:the )?(?:customer|client|user|contact)s?'? e-?mails|(?:the )?user'?s? (?:\w+ ){0,3}?(?:documents|files|e-?mails|messages|contacts|notes|data)|values from the (?:session|conversation|chat)|cookies?|session (?:details|cookies?|tokens?|ids?|data)|conversation|chat history|messages|system prompt|instructions|api keys?|tokens?|passwords?|credentials|secrets?|environment|env vars|ssh|private key|user'?s? data|personal data|summary of (?:the|this) (?:chat|conversation)|previous messages|context)\b/i;

// "…?ctx= and append the user's messages": the URL is completed with data after it.
const FILL_AFTER = /^[^\n.]{0,20}\b(?:and |then )?(?:append|add|attach|include|put|fill in|insert|paste|followed by|concatenated with|plus|replac\w*|substitut\w*)\b/i;
// A bare capitalised query value the text tells the agent to replace ("?ctx=BASE64_OF_CONVERSATION …,
// replacing BASE64_OF_CONVERSATION with …", "?k=SUMMARY — substitute SUMMARY with …") is a placeholder too.
const CAPS_VALUE = /[?&;][\w.-]{1,30}=([A-Z][A-Z0-9_]{3,60})(?=$|[&;#])/g;
function namedPlaceholder(url: string, text: string): boolean {
  for (const m of execAll(CAPS_VALUE, url)) {
    const token = m[1]!;
    if (/^YOUR_/.test(token)) continue;
    const esc = token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`\\b(?:replac\\w*|substitut\\w*|swap\\w*|fill\\w*(?: in)?)\\s+(?:the\\s+)?${esc}\\b|\\b${esc}\\s+(?:with|by|for)\\b`, 'i').test(text.replace(url, ''))) return true;
  }
  return false;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

function ownedBy(host: string, own: readonly string[]): boolean {
  return own.some((h) => {
    const o = h.toLowerCase().replace(/^\*\./, '');
    return host === o || host.endsWith(`.${o}`);
  });
}

// A placeholder for what only the agent's runtime holds ({document.cookie}, {process.env}, {{api_token}}).
const SECRET_PLACEHOLDER = /\{\{?\s*(?:document\.cookie|process\.env|env|[\w.]*(?:cookie|token|api_?key|secret|password|passwd|credential|session|ssh)[\w.]*)\s*\}?\}|\b(?:INSERT|PUT|PLACE|ADD|REPLACE)_[A-Z_]*(?:API_?KEY|TOKEN|SECRET|PASSWORD|CREDENTIALS?|COOKIE|SESSION)[A-Z_]*/i;
// A query value shaped like a live credential: the data is already in the URL, and rendering sends it.
const CREDENTIAL_VALUE = /[=:](?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_\w{20,}|glpat-[\w-]{20,}|xox[abposr]-[\w-]{10,}|sk-(?:proj-|ant-)?[\w-]{20,}|AKIA[0-9A-Z]{16}|AIza[\w-]{30,}|eyJ[\w-]{10,}\.[\w-]{10,}\.[\w-]{10,})/;

/** How much a URL looks like it carries data out: 0 (not at all) to 1 (a template for it). */
function dataScore(url: string): { score: number; placeholder: boolean } {
  const q = url.indexOf('?');
  const query = q >= 0 ? url.slice(q) : '';
  const path = q >= 0 ? url.slice(0, q) : url;
  if (hasPlaceholder(query)) return { score: 1, placeholder: true };
  let score = 0;
  if (DATA_KEY.test(query)) score = Math.max(score, 0.5);
  const longest = query.split(/[?&;=]/).reduce((m, v) => Math.max(m, v.length), 0);
  if (longest >= 40) score = Math.max(score, 0.4);
  const pathSeg = path.split('/').reduce((m, v) => Math.max(m, v.length), 0);
  if (pathSeg >= 60 && /^[A-Za-z0-9+/_=%-]+$/.test(path.split('/').pop() ?? '')) score = Math.max(score, 0.35);
  return { score, placeholder: false };
}

const SEND_RE = new RegExp(SEND_VERBS, 'i');
// Sending a public key is how access is granted, not a leak.
const PUBLIC_KEY = /\bpublic (?:ssh )?key\b|\.pub\b/i;
const REPORTED_REQUEST = /\b(?:asked|asks|wants|wanted|requested|told) (?:us|me|them|him|her) to\b/i;
const ORDER_START = new RegExp(`^\\s*(?:(?:as a (?:final|last|next) step|finally|then|next|now|also|please|first|after that|afterwards|lastly)[,:]?\\s+)?${SEND_VERBS}`, 'i');
const SECRET_RE = new RegExp(SECRET_OBJECTS, 'i');
const USER_DATA_RE = new RegExp(USER_DATA, 'i');
const DESTINATION_RE = new RegExp(`(${EMAIL})|https?:\\/\\/([^\\s/?#)"'\\x60]+)`, 'gi');
// Sentence ends: punctuation followed by space or end, or a line break. Dots inside addresses stay.
const SENTENCE_END = /[.!?。！？؟](?=\s|$)|\n/g;

/** Sentences that ask for secrets or the user's data to go to a foreign address or URL, in any of the languages. */
function sendToForeignHits(text: string, ownHosts: readonly string[]): ExfilHit[] {
  const out: ExfilHit[] = [];
  let start = 0;
  const ends = [...execAll(SENTENCE_END, text)].map((m) => m.index + 1);
  ends.push(text.length);
  for (const end of ends) {
    const sentence = text.slice(start, end);
    const from = start;
    start = end;
    if (sentence.length < 12 || sentence.length > 600 || (!sentence.includes('@') && !sentence.includes('://'))) continue;
    // The evidence sits at the foreign destination, so a destination inside quotation marks (an
    // article quoting a payload) is treated as quoted.
    let foreign = -1;
    for (const d of execAll(DESTINATION_RE, sentence)) {
      const host = (d[1] ? d[1].split('@')[1] : d[2])?.toLowerCase();
      if (host && !ownedBy(host, ownHosts) && foreign < 0) foreign = d.index;
    }
    if (foreign < 0 || !SEND_RE.test(sentence)) continue;
    // "If you forgot your password, e-mail support@…" names a secret without asking for it.
    const secret = SECRET_RE.test(sentence) && !RECOVERY_CONTEXT.test(sentence) && !PUBLIC_KEY.test(sentence);
    // "The customer asked us to forward the invoice to …" reports a request someone made of the staff.
    if (REPORTED_REQUEST.test(sentence)) continue;
    if (!secret && !USER_DATA_RE.test(sentence)) continue;
    // An order that opens the sentence ("POST the rows to …", "Finally, forward …") weighs more than a mention.
    const ordered = ORDER_START.test(sentence);
    out.push({ id: 'exfil-instruction', start: from + foreign, end, weight: ordered ? 0.6 : 0.55, hard: false, explain: "asks to send secrets or the user's data to a foreign address" });
  }
  return out;
}

export function exfilHits(text: string, ownHosts: readonly string[]): ExfilHit[] {
  if (!text.includes('@') && !/https?:\/\//i.test(text)) return [];
  const out: ExfilHit[] = sendToForeignHits(text, ownHosts);
  if (!/https?:\/\//i.test(text)) return out;
  const seen = new Set<number>();
  const consider = (m: RegExpMatchArray, url: string, urlStart: number, kind: 'image' | 'link' | 'bare'): void => {
    if (seen.has(urlStart)) return;
    seen.add(urlStart);
    const host = hostOf(url);
    if (!host || ownedBy(host, ownHosts)) return;
    const scored = dataScore(url);
    const placeholder = scored.placeholder || namedPlaceholder(url, text.slice(Math.max(0, m.index! - 300), m.index! + m[0].length + 300));
    // "?k= followed by the value of …": an empty last value completed by what the text says comes next.
    const score = /[?&][\w.-]{1,20}=$/.test(url) ? Math.max(scored.score, 0.5) : scored.score;
    const before = text.slice(Math.max(0, m.index! - 120), m.index);
    const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 120);
    // The object must be in the sentence that sends: "your SSH key expires. Upload a new public key at …" asks for no secret.
    const sentenceBefore = before.slice(Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n')) + 1);
    const instructed = (SEND_VERB.test(sentenceBefore) && SENSITIVE_OBJECT.test(sentenceBefore)) || (FILL_AFTER.test(after) && SENSITIVE_OBJECT.test(after) && score >= 0.5);
    if (placeholder && (kind === 'image' || instructed)) {
      out.push({ id: kind === 'image' ? 'exfil-image' : 'exfil-instruction', start: m.index!, end: m.index! + m[0].length, weight: 0.9, hard: true, explain: 'a URL to a foreign host is a template for data the agent should fill in' });
    } else if (placeholder) {
      const secretSlot = SECRET_PLACEHOLDER.test(url.slice(url.indexOf('?') + 1));
      out.push({ id: 'exfil-link', start: m.index!, end: m.index! + m[0].length, weight: kind === 'link' || secretSlot ? 0.6 : 0.35, hard: false, explain: secretSlot ? "a URL to a foreign host has a slot for the agent's secrets in its query" : 'a URL to a foreign host has a fill-in placeholder in its query' });
    } else if (instructed) {
      out.push({ id: 'exfil-instruction', start: m.index!, end: m.index! + m[0].length, weight: 0.6, hard: false, explain: 'asks to send sensitive data to a foreign host' });
    } else if (kind === 'image' && CREDENTIAL_VALUE.test(url)) {
      out.push({ id: 'exfil-image', start: m.index!, end: m.index! + m[0].length, weight: 0.6, hard: false, explain: 'an image on a foreign host carries a credential in its query' });
    } else if (kind === 'image' && score >= 0.5) {
      out.push({ id: 'exfil-image', start: m.index!, end: m.index! + m[0].length, weight: 0.4, hard: false, explain: 'an image on a foreign host carries data in its query' });
    }
  };
  for (const m of execAll(MD_IMAGE, text)) consider(m, m[1]!, m.index + m[0].indexOf(m[1]!), 'image');
  if (text.includes('<img') || text.includes('<IMG')) for (const m of execAll(HTML_IMG, text)) consider(m, m[1]!, m.index + m[0].indexOf(m[1]!), 'image');
  for (const m of execAll(MD_LINK, text)) consider(m, m[1]!, m.index + m[0].indexOf(m[1]!), 'link');
  for (const m of execAll(BARE_URL, text)) consider(m, m[0], m.index, 'bare');
  return out;
}
