/**
 * The DLP engine: finds secrets and personal data in text leaves.
 *
 * One pass over each leaf runs a case-insensitive Aho–Corasick automaton over every rule keyword and,
 * in the same loop, collects base64/hex runs and (for short leaves) computes the gates of the
 * keyword-less detectors (digits, colons, dashes, number-shaped stretches, capitals before a digit).
 * Only the rules whose keywords occur run, anchored at the keyword where the format allows it.
 * Checksums and shape judgements are plain TypeScript. Decoded layers (escapes, base64, hex,
 * percent-encoding) are rescanned recursively; their findings cover the encoded run in the outer leaf.
 *
 * Failure contract: the inspector is pure and total over strings. A configuration it cannot honour
 * (an unsafe custom pattern, a missing hash key, RE2 unavailable when requested) throws at creation,
 * before any traffic flows; the pipeline treats an inspector that throws while inspecting as a block.
 */
import { createRequire } from 'node:module';
import { endianness } from 'node:os';
import type { Action, Finding, InspectContext, Inspector, TextLeaf } from '../types.js';
import { buildAhoCorasick, type AhoCorasick } from './aho-corasick.js';
import { parseDlpConfig, type CustomRule, type DlpConfig, type DlpConfigInput } from './config.js';
import { decodeBase64, decodeHex, isHexRun, percentRuns, unescape } from './decode.js';
import { replacementFor, type RedactionOptions } from './redact.js';
import {
  bech32Address, btcLegacy, dateOfBirth, dateOfBirthValue, email, ethAddress, ibanOrNino, ipv6s, macs, numericPii,
  passport, passportValue, ContextSource, type PiiOptions,
} from './rules/pii.js';
import { secretRules } from './rules/secrets.js';
import {
  assignment, basicCredentials, bearerToken, judgeValue, keyKind, PASSWORD_ENDINGS, privateKey, puttyKey, SECRET_ENDINGS,
  scannedTo as pemScannedTo,
  urlCredentials, type RawHit,
} from './rules/structured.js';
import type { RuleSpec } from './rules/types.js';
import { assertSafePattern } from './safe-regex.js';
import { entropy, randomEnough } from './shape.js';
import { namedValidators, type ValidatorName } from './validators.js';

interface CompiledRule {
  readonly spec: RuleSpec;
  readonly index: number;
  readonly re: RegExp;
  /** Capture group (with the `d` flag) that holds the secret; -1 = whole match. */
  readonly groupIndex: number;
  /** How far before the keyword hit the match may start. */
  readonly back: number;
  /** Whole-leaf pattern used when the leaf's key names the service. */
  readonly valueRe: RegExp | null;
  readonly validate: ((v: string) => boolean) | null;
  readonly custom: boolean;
}

/** Detectors implemented in code, dispatched from keyword hits. */
const enum H {
  Pem, Putty, Url, Bearer, HeaderToken, Basic, Assign, Email, Eth, Bech32, Dob, Passport, Count,
}

const HANDLER_KEYWORDS: readonly [H, readonly string[]][] = [
  [H.Pem, ['-----BEGIN ']],
  [H.Putty, ['PuTTY-User-Key-File-']],
  [H.Url, ['://']],
  [H.Bearer, ['bearer ', 'bearer\t']],
  [H.HeaderToken, ['token ', 'bot ']],
  [H.Basic, ['basic ']],
  [H.Assign, ['password', 'passwd', 'pwd', 'passphrase', 'pass', 'secret', 'token', 'apikey', 'api_key', 'api-key', 'accesskey', 'access_key', 'privatekey', 'private_key', 'credential', 'auth', 'pat', '_key', '-key', '.key', 'key=', 'key:', 'key"', 'signing', 'dsn']],
  [H.Email, ['@']],
  [H.Eth, ['0x']],
  [H.Bech32, ['bc1']],
  [H.Dob, ['dob', 'd.o.b', 'birth', 'born', 'geburtsdatum', 'nacimiento', 'naissance']],
  [H.Passport, ['passport', 'reisepass', 'pasaporte', 'passeport']],
];

const HANDLER_PII: Partial<Record<H, string>> = {
  [H.Email]: 'email', [H.Eth]: 'crypto-wallet-eth', [H.Bech32]: 'crypto-wallet-btc', [H.Dob]: 'date-of-birth', [H.Passport]: 'passport-number',
};

// Action encoding in the keyword table: kind in the high bits, index in the low 16.
const K_PREFIX = 1 << 16;
const K_SCAN = 2 << 16;
const K_HANDLER = 3 << 16;
const K_MASK = 0xffff;

/** Characters of base64/base64url/hex runs (decoding candidates). */
const B64 = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  // '=' is left out: padding ends a run, and `key=` before a value must not join it.
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47 || c === 95 || c === 45) B64[c] = 1;
}

/**
 * The hot loop for long texts: one pass of the keyword automaton over the text, collecting
 * base64/hex runs. Kept small and monomorphic so the JIT compiles it to a tight loop; keyword hits
 * call back into the engine.
 */
function prefilter(engine: DlpEngine, text: string, path: string, sc: Scratch): void {
  const ac = engine.ac;
  const classes = ac.classes;
  // One load per character: automaton class (low byte) and the base64/hex run bit (bit 12). The
  // table covers every UTF-16 code unit (zero beyond ASCII), so the loop has no range check.
  const info = engine.charInfo;
  const delta = ac.delta;
  const firstOutRow = ac.firstOutRow;
  let row = 0;
  let run = 0;
  let maxRun = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const inf = info[text.charCodeAt(i)]!;
    row = delta[row + (inf & 0xff)]!;
    // Branch-free run length; the only branch is taken at the end of a long run. A mask, not a
    // multiplication: V8 guards an integer product against overflow and -0, which cost more than the
    // whole automaton step. The run length is tested first: it is rarely 20 or more, so that branch
    // predicts well, while "this character ends a run" flips at every word of ordinary text.
    const next = (run + 1) & -((inf >> C_B64) & 1);
    if (run >= MIN_HEX_RUN && next === 0) {
      sc.pushRun(i - run, i);
      if (run > maxRun) maxRun = run;
    }
    run = next;
    if (row >= firstOutRow) emitKeywords(engine, text, path, row / classes, i + 1, sc);
  }
  if (run >= MIN_HEX_RUN) {
    sc.pushRun(n - run, n);
    if (run > maxRun) maxRun = run;
  }
  sc.maxRun = maxRun;
  openGates(sc);
}

/** Long texts open every gate: counting would slow the scan down more than the gated passes cost. */
function openGates(sc: Scratch): void {
  sc.digits = 99;
  sc.colons = 99;
  sc.dashes = 99;
  sc.numStretch = 99;
  sc.capsDigit = true;
  sc.escOrPct = true;
}

/** Texts at least this long are scanned as four interleaved streams (`prefilterStreams`). */
const STREAMS_MIN = 16 * 1024;
/**
 * Largest UTF-16 copy (in characters) a scratch keeps for the next message: 16 MiB of memory, enough
 * for 10 MiB messages. Reusing it matters: a fresh buffer of that size costs page faults on every write.
 */
const UNITS_KEPT = 8 * 1024 * 1024;

/**
 * `prefilter` for very long texts, with the same results in the same order.
 *
 * The automaton's next state depends on the previous one, so a single pass waits on one table load
 * per character. Four independent passes over four quarters of the text, advanced together in one
 * loop, keep four loads in flight instead. Each quarter starts at a character outside any base64/hex
 * run (so no run spans two quarters) and from the automaton's root, which finds every keyword that
 * starts inside it; a quarter's pass runs on for the longest keyword's length past its end to finish
 * the keywords that start inside it and end in the next one. Hits are queued per quarter and
 * replayed in text order, exactly as the single pass reports them: by end, and at one end longest
 * (earliest start) first. The text is read from a UTF-16 copy (typed-array loads are cheaper than
 * `charCodeAt`, and the code units are the same).
 *
 * Returns false, having done nothing, when the text cannot be split that way (a run that long).
 */
function prefilterStreams(engine: DlpEngine, text: string, path: string, sc: Scratch): boolean {
  const n = text.length;
  const info = engine.charInfo;
  const overlap = engine.ac.maxKeywordLength - 1;
  const quarter = n >> 2;
  const b1 = streamStart(text, info, quarter, quarter * 2 - overlap);
  const b2 = streamStart(text, info, quarter * 2, quarter * 3 - overlap);
  const b3 = streamStart(text, info, quarter * 3, n - overlap);
  if (b1 < 0 || b2 < 0 || b3 < 0 || b1 - 0 <= overlap || b2 - b1 <= overlap || b3 - b2 <= overlap || n - b3 <= overlap) return false;
  const q = sc.streamHits;
  const w = sc.streamRuns;
  for (let k = 0; k < 4; k++) q[k]!.length = w[k]!.length = 0;
  // Common length of the four quarters: advanced together; each finishes alone afterwards.
  const common = Math.min(b1, b2 - b1, b3 - b2, n - b3);
  const st = sc.streamState;
  st.fill(0);
  const units = sc.unitsFor(n);
  if (LITTLE_ENDIAN) sc.unitBytes.write(text, 0, 'utf16le');
  else for (let i = 0; i < n; i++) units[i] = text.charCodeAt(i);
  for (let j = 0; j < common; j += SCAN_SLICE) {
    scanQuarters(engine, units, b1, b2, b3, j, Math.min(common, j + SCAN_SLICE), q[0]!, q[1]!, q[2]!, q[3]!, w[0]!, w[1]!, w[2]!, w[3]!, st);
  }
  finishStream(engine, text, 0 + common, b1, b1 + overlap, st[0]!, st[4]!, q[0]!, w[0]!);
  finishStream(engine, text, b1 + common, b2, b2 + overlap, st[1]!, st[5]!, q[1]!, w[1]!);
  finishStream(engine, text, b2 + common, b3, b3 + overlap, st[2]!, st[6]!, q[2]!, w[2]!);
  finishStream(engine, text, b3 + common, n, n, st[3]!, st[7]!, q[3]!, w[3]!);
  sc.releaseUnits();
  replayStreams(engine, text, path, sc, b1, b2, b3, n);
  openGates(sc);
  return true;
}

/**
 * Characters of each quarter per call of `scanQuarters`. Short calls matter: one call with a loop
 * over megabytes gets compiled mid-loop (on-stack replacement) before every branch in it has run,
 * and the first time a new branch runs V8 drops back to the interpreter for the rest of the text;
 * in practice it did so on every message. Many short calls get the function compiled whole, with
 * complete type feedback.
 */
const SCAN_SLICE = 8192;

/**
 * The interleaved loop of `prefilterStreams` over offsets [from, to) of each quarter. The automaton
 * rows and open run lengths carry over between calls in `state` (rows 0–3, runs 4–7).
 */
function scanQuarters(
  engine: DlpEngine, units: Uint16Array, b1: number, b2: number, b3: number, from: number, to: number,
  q0: number[], q1: number[], q2: number[], q3: number[], w0: number[], w1: number[], w2: number[], w3: number[],
  state: Int32Array,
): void {
  const info = engine.charInfo;
  const delta = engine.ac.delta;
  const firstOutRow = engine.ac.firstOutRow;
  let r0 = state[0]!, r1 = state[1]!, r2 = state[2]!, r3 = state[3]!;
  let run0 = state[4]!, run1 = state[5]!, run2 = state[6]!, run3 = state[7]!;
  for (let j = from; j < to; j++) {
    const f0 = info[units[j]!]!;
    const f1 = info[units[b1 + j]!]!;
    const f2 = info[units[b2 + j]!]!;
    const f3 = info[units[b3 + j]!]!;
    r0 = delta[r0 + (f0 & 0xff)]!;
    r1 = delta[r1 + (f1 & 0xff)]!;
    r2 = delta[r2 + (f2 & 0xff)]!;
    r3 = delta[r3 + (f3 & 0xff)]!;
    const n0 = (run0 + 1) & -((f0 >> C_B64) & 1);
    const n1 = (run1 + 1) & -((f1 >> C_B64) & 1);
    const n2 = (run2 + 1) & -((f2 >> C_B64) & 1);
    const n3 = (run3 + 1) & -((f3 >> C_B64) & 1);
    if (run0 >= MIN_HEX_RUN && n0 === 0) w0.push(j - run0, j);
    if (run1 >= MIN_HEX_RUN && n1 === 0) w1.push(b1 + j - run1, b1 + j);
    if (run2 >= MIN_HEX_RUN && n2 === 0) w2.push(b2 + j - run2, b2 + j);
    if (run3 >= MIN_HEX_RUN && n3 === 0) w3.push(b3 + j - run3, b3 + j);
    run0 = n0;
    run1 = n1;
    run2 = n2;
    run3 = n3;
    if (r0 >= firstOutRow) q0.push(r0, j + 1);
    if (r1 >= firstOutRow) q1.push(r1, b1 + j + 1);
    if (r2 >= firstOutRow) q2.push(r2, b2 + j + 1);
    if (r3 >= firstOutRow) q3.push(r3, b3 + j + 1);
  }
  state[0] = r0;
  state[1] = r1;
  state[2] = r2;
  state[3] = r3;
  state[4] = run0;
  state[5] = run1;
  state[6] = run2;
  state[7] = run3;
}

function replayStreams(engine: DlpEngine, text: string, path: string, sc: Scratch, b1: number, b2: number, b3: number, n: number): void {
  const ac = engine.ac;
  // Replay hits in text order. Hits of quarter k past its end (its overlap) and hits of quarter
  // k+1 near its start interleave by end; at the same end the earlier quarter's keywords (which
  // start before the boundary, so are longer) come first, as in the single pass.
  const classes = ac.classes;
  const queues = sc.streamHits;
  const bounds = sc.streamBounds;
  bounds[0] = 0;
  bounds[1] = b1;
  bounds[2] = b2;
  bounds[3] = b3;
  bounds[4] = n;
  let from = 0; // first entry of the current queue not yet replayed
  for (let k = 0; k < 4; k++) {
    const q = queues[k]!;
    const limit = bounds[k + 1]!;
    let h = from;
    for (; h < q.length && q[h + 1]! <= limit; h += 2) emitKeywords(engine, text, path, q[h]! / classes, q[h + 1]!, sc);
    from = 0;
    if (k === 3) break;
    const next = queues[k + 1]!;
    let g = 0;
    while (h < q.length) {
      const end = q[h + 1]!;
      while (g < next.length && next[g + 1]! < end) {
        emitKeywords(engine, text, path, next[g]! / classes, next[g + 1]!, sc);
        g += 2;
      }
      emitKeywordsBefore(engine, text, path, q[h]! / classes, end, limit, sc);
      h += 2;
    }
    from = g;
  }
  let maxRun = 0;
  for (let k = 0; k < 4; k++) {
    const w = sc.streamRuns[k]!;
    for (let r = 0; r < w.length; r += 2) {
      const len = w[r + 1]! - w[r]!;
      if (len > maxRun) maxRun = len;
      sc.pushRun(w[r]!, w[r + 1]!);
    }
  }
  sc.maxRun = maxRun;
}

/**
 * A stream start at or after `from` (and before `before`): a character that is not part of a
 * base64/hex run. -1 when there is none.
 */
function streamStart(text: string, info: Int32Array, from: number, before: number): number {
  for (let i = from; i < before; i++) if (((info[text.charCodeAt(i)]! >> C_B64) & 1) === 0) return i;
  return -1;
}

/**
 * Runs one quarter of `prefilterStreams` on from `from` alone: to its end with run tracking, then,
 * without, over the overlap up to `scanEnd`. Usually a few characters, so it reads the string.
 */
function finishStream(
  engine: DlpEngine, text: string, from: number, end: number, scanEnd: number,
  row: number, run: number, q: number[], w: number[],
): void {
  const info = engine.charInfo;
  const delta = engine.ac.delta;
  const firstOutRow = engine.ac.firstOutRow;
  for (let i = from; i < end; i++) {
    const inf = info[text.charCodeAt(i)]!;
    row = delta[row + (inf & 0xff)]!;
    const next = (run + 1) & -((inf >> C_B64) & 1);
    if (run >= MIN_HEX_RUN && next === 0) w.push(i - run, i);
    run = next;
    if (row >= firstOutRow) q.push(row, i + 1);
  }
  // A quarter ends before a non-run character (or at the text's end), so a run still open here
  // ends here.
  if (run >= MIN_HEX_RUN) w.push(end - run, end);
  for (let i = end; i < scanEnd; i++) {
    row = delta[row + (info[text.charCodeAt(i)]! & 0xff)]!;
    if (row >= firstOutRow) q.push(row, i + 1);
  }
}

/** The typed-array view reads code units in the platform's byte order; `utf16le` writes little-endian. */
const LITTLE_ENDIAN = endianness() === 'LE';

/**
 * `prefilter` for short texts (most JSON fields), which also computes the gates of the keyword-less
 * detectors in the same pass (a tally table and the gate automaton below, indexed by the same code
 * unit): a second pass over the characters costs about as much as the automaton on a field this size.
 */
function prefilterCounting(engine: DlpEngine, text: string, path: string, sc: Scratch): void {
  const ac = engine.ac;
  const classes = ac.classes;
  const info = engine.charInfo;
  const delta = ac.delta;
  const firstOutRow = ac.firstOutRow;
  const tallies = engine.charTallies;
  const gateDelta = GATE_DELTA;
  const gateOut = GATE_OUT;
  let row = 0;
  let run = 0;
  let maxRun = 0;
  // Digits, colons and dashes, one byte each (a short text has fewer than 256 characters).
  let tally = 0;
  // State of the gate automaton (see `GATE_DELTA`) and the flags it and the character table raised.
  let gate = 0;
  let flags = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const inf = info[c]!;
    row = delta[row + (inf & 0xff)]!;
    const next = (run + 1) & -((inf >> C_B64) & 1);
    if (run >= MIN_HEX_RUN && next === 0) {
      sc.pushRun(i - run, i);
      if (run > maxRun) maxRun = run;
    }
    run = next;
    tally += tallies[c]!;
    const gi = gate + (inf >> C_GATE);
    flags |= gateOut[gi]! | inf;
    gate = gateDelta[gi]!;
    if (row >= firstOutRow) emitKeywords(engine, text, path, row / classes, i + 1, sc);
  }
  if (run >= MIN_HEX_RUN) {
    sc.pushRun(n - run, n);
    if (run > maxRun) maxRun = run;
  }
  sc.maxRun = maxRun;
  sc.digits = tally & 0xff;
  sc.colons = (tally >> 8) & 0xff;
  sc.dashes = tally >> 16;
  // Only "at least 7" is ever asked of the stretch length.
  sc.numStretch = (flags & GATE_STRETCH7) !== 0 ? 7 : 0;
  sc.capsDigit = (flags & GATE_CAPS_DIGIT) !== 0;
  sc.escOrPct = (flags & (1 << C_ESC_PCT)) !== 0;
}

/*
 * The gate automaton of `prefilterCounting`: one table step per character instead of a handful of
 * counters and comparisons. A state is (length of the current stretch of digits and ` ./()-`, capped
 * at 7; capitals ending at the previous character, capped at 2; the same one character earlier;
 * whether the previous character is a space). A transition raises GATE_STRETCH7 when the stretch
 * reaches 7 characters, and GATE_CAPS_DIGIT on a digit right after two capitals, or after a space
 * that follows two capitals (`GB82…`, `AB 12…`): the shapes IBANs and UK NI numbers start with.
 * Character classes: 0 other, 1 digit, 2 ` ./()-` but not space, 3 space, 4 capital letter.
 */
const GATE_CLASSES = 5;
const GATE_STRETCH7 = 1 << 24;
const GATE_CAPS_DIGIT = 1 << 25;
const [GATE_DELTA, GATE_OUT] = ((): [Int32Array, Int32Array] => {
  const id = (s: number, c1: number, c2: number, sp: number): number => (((s * 3 + c1) * 3 + c2) * 2 + sp) * GATE_CLASSES;
  const states = 8 * 3 * 3 * 2;
  const next = new Int32Array(states * GATE_CLASSES);
  const out = new Int32Array(states * GATE_CLASSES);
  for (let s = 0; s <= 7; s++) {
    for (let c1 = 0; c1 <= 2; c1++) {
      for (let c2 = 0; c2 <= 2; c2++) {
        for (let sp = 0; sp <= 1; sp++) {
          for (let k = 0; k < GATE_CLASSES; k++) {
            const isNum = k === 1 || k === 2 || k === 3;
            const s2 = isNum ? Math.min(s + 1, 7) : 0;
            const capsDigit = k === 1 && (c1 >= 2 || (sp === 1 && c2 >= 2));
            const c1n = k === 4 ? Math.min(c1 + 1, 2) : 0;
            const at = id(s, c1, c2, sp) + k;
            next[at] = id(s2, c1n, c1, k === 3 ? 1 : 0);
            out[at] = (s2 >= 7 ? GATE_STRETCH7 : 0) | (capsDigit ? GATE_CAPS_DIGIT : 0);
          }
        }
      }
    }
  }
  return [next, out];
})();

/** Texts shorter than this get the counting prefilter. */
const SHORT_TEXT = 256;

// Bits of the per-character table above the automaton class (low byte).
/** base64/base64url/hex run character. */
const C_B64 = 12;
/** `\` or `%`: the text may hold escapes or percent-encoding. */
const C_ESC_PCT = 15;
/** Bits 16–18: the gate automaton's character class (`GATE_DELTA`); the gate flags sit above. */
const C_GATE = 16;

function emitKeywords(engine: DlpEngine, text: string, path: string, state: number, end: number, sc: Scratch): void {
  const ac = engine.ac;
  for (let o = ac.outStart[state]!; o < ac.outStart[state + 1]!; o++) {
    const kw = ac.outIds[o]!;
    engine.onKeyword(text, path, kw, end - ac.lengths[kw]!, end, sc);
  }
}

/** `emitKeywords` for the keywords that start before `limit` (a state lists its longest first). */
function emitKeywordsBefore(engine: DlpEngine, text: string, path: string, state: number, end: number, limit: number, sc: Scratch): void {
  const ac = engine.ac;
  for (let o = ac.outStart[state]!; o < ac.outStart[state + 1]!; o++) {
    const kw = ac.outIds[o]!;
    const start = end - ac.lengths[kw]!;
    if (start >= limit) return;
    engine.onKeyword(text, path, kw, start, end, sc);
  }
}

const MIN_B64_RUN = 20;
const MIN_HEX_RUN = 20;

/** Per-depth scratch space so scanning a leaf allocates nothing unless something is found. */
class Scratch {
  hits: RawHit[] = [];
  firstHit: Int32Array;
  touched: Int32Array;
  nTouched = 0;
  runs = new Int32Array(64);
  nRuns = 0;
  lastStart = new Int32Array(H.Count).fill(-1);
  /** Set when a handler ran, so `lastStart` is reset only for leaves that had a handler keyword. */
  handlersRan = false;
  lastKeyEnd = -1;
  pemUntil = 0;
  maxRun = 0;
  /** Gates for the keyword-less detectors (see `prefilterCounting`). */
  digits = 0;
  colons = 0;
  dashes = 0;
  numStretch = 0;
  capsDigit = false;
  escOrPct = false;
  ctx = new ContextSource();
  /** `prefilterStreams`' UTF-16 copy of the text and its view (little-endian, see `LITTLE_ENDIAN`). */
  unitBytes = Buffer.alloc(0);
  units = new Uint16Array(0);
  /** Per quarter: queued keyword hits (state row, end) and base64/hex runs (start, end). */
  streamHits: number[][] = [[], [], [], []];
  streamRuns: number[][] = [[], [], [], []];
  streamBounds = new Int32Array(5);
  streamState = new Int32Array(8);
  unitsFor(n: number): Uint16Array {
    if (this.units.length < n) {
      this.unitBytes = Buffer.allocUnsafe(n * 2);
      this.units = new Uint16Array(this.unitBytes.buffer, this.unitBytes.byteOffset, n);
    }
    return this.units;
  }
  /** Drops a copy too big to keep between messages, so one huge message does not pin its size. */
  releaseUnits(): void {
    if (this.units.length > UNITS_KEPT) {
      this.unitBytes = Buffer.alloc(0);
      this.units = new Uint16Array(0);
    }
  }
  constructor(nRules: number) {
    this.firstHit = new Int32Array(nRules).fill(-1);
    this.touched = new Int32Array(nRules);
  }
  pushRun(s: number, e: number): void {
    if (this.nRuns * 2 + 2 > this.runs.length) {
      const bigger = new Int32Array(this.runs.length * 2);
      bigger.set(this.runs);
      this.runs = bigger;
    }
    this.runs[this.nRuns * 2] = s;
    this.runs[this.nRuns * 2 + 1] = e;
    this.nRuns++;
  }
}

/** Receives hits from a (possibly decoded) text, mapped to the leaf's coordinates. */
type Sink = (hit: RawHit, category: 'secret' | 'pii', via: string | null) => void;

interface KnownVariant {
  name: string;
  value: string;
  form: string;
}

function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
}

function loadRe2(): (new (source: string, flags?: string) => RegExp) | null {
  try {
    const require = createRequire(import.meta.url);
    return require('re2') as new (source: string, flags?: string) => RegExp;
  } catch {
    return null;
  }
}

function compileCustom(rule: CustomRule, engine: 're2' | 'js'): RegExp {
  const flags = `g${rule.caseInsensitive ? 'i' : ''}`;
  if (engine === 're2') {
    const RE2 = loadRe2();
    if (!RE2) {
      throw new Error(`custom DLP rule "${rule.id}": customRegexEngine is "re2" but the re2 package cannot be loaded here; install it (npm install re2) or set customRegexEngine to "js"`);
    }
    try {
      return new RE2(rule.pattern, flags + 'u');
    } catch (e) {
      throw new Error(`custom DLP rule "${rule.id}": RE2 refuses the pattern (${(e as Error).message}); RE2 has no look-behind or back-references`);
    }
  }
  try {
    assertSafePattern(rule.pattern, rule.caseInsensitive);
  } catch (e) {
    throw new Error(`custom DLP rule "${rule.id}" refused: ${(e as Error).message}`);
  }
  try {
    return new RegExp(rule.pattern, flags);
  } catch (e) {
    throw new Error(`custom DLP rule "${rule.id}": invalid regular expression (${(e as Error).message})`);
  }
}

export class DlpEngine implements Inspector {
  readonly name = 'dlp';
  private readonly rules: CompiledRule[] = [];
  readonly ac: AhoCorasick;
  /** Per UTF-16 code unit (zero beyond ASCII): automaton class, run and escape bits, gate class. */
  readonly charInfo: Int32Array;
  /** Per code unit: what it adds to `prefilterCounting`'s digit, colon and dash tallies. */
  readonly charTallies: Int32Array;
  readonly kwActions: Int32Array[];
  private readonly pathAc: AhoCorasick;
  private readonly pathRules: Int32Array[];
  private readonly scratch: Scratch[] = [];
  private readonly pii: PiiOptions;
  private readonly piiOn: ReadonlySet<string>;
  // The per-leaf gates read these instead of hashing type names for every leaf.
  private readonly ibanOrNinoOn: boolean;
  private readonly macOn: boolean;
  private readonly ipOn: boolean;
  private readonly btcOn: boolean;
  private readonly redaction: RedactionOptions;
  private readonly disabled: ReadonlySet<string>;
  private readonly knownCache = new WeakMap<object, KnownVariant[]>();
  private readonly customActions = new Map<string, Action>();
  private readonly categories = new Map<string, 'secret' | 'pii'>();

  constructor(private readonly cfg: DlpConfig) {
    this.disabled = new Set(cfg.disabledRules);
    this.piiOn = new Set(cfg.pii.types);
    this.ibanOrNinoOn = this.piiOn.has('iban') || this.piiOn.has('uk-nino');
    this.macOn = this.piiOn.has('mac-address');
    this.ipOn = this.piiOn.has('ip-address');
    this.btcOn = this.piiOn.has('crypto-wallet-btc');
    this.pii = { enabled: this.piiOn, ipPublicOnly: cfg.pii.ipPublicOnly, defaultRegion: cfg.pii.defaultRegion as PiiOptions['defaultRegion'] };
    this.redaction = cfg.redaction;

    for (const spec of secretRules) {
      if (this.disabled.has(spec.id)) continue;
      let re: RegExp;
      let groupIndex: number;
      let back = 0;
      if (spec.mode === 'prefix') {
        re = new RegExp(spec.pattern, (spec.flags ?? '') + 'y' + (spec.group ? 'd' : ''));
        groupIndex = spec.group ? spec.group : -1;
      } else {
        // Anchored near each keyword hit: a bounded lazy lead-in, then the pattern as group 1. The
        // engine never scans a whole leaf for one rule, so a common keyword costs O(hits), not O(n).
        back = spec.back ?? 0;
        re = new RegExp(`[\\s\\S]{0,${back}}?(${spec.pattern})`, (spec.flags ?? '') + 'yd');
        groupIndex = 1 + (spec.group ?? 0);
      }
      this.rules.push({
        spec,
        index: this.rules.length,
        re,
        groupIndex,
        back,
        valueRe: spec.valuePattern ? new RegExp(`^\\s*(?:${spec.valuePattern})\\s*$`, spec.flags ?? '') : null,
        validate: null,
        custom: false,
      });
    }
    for (const cr of cfg.customRules) {
      const re = compileCustom(cr, cfg.customRegexEngine);
      const spec: RuleSpec = {
        id: cr.id, category: cr.category, family: 'custom', keywords: cr.keywords, mode: 'scan', pattern: cr.pattern,
        back: Number.MAX_SAFE_INTEGER, score: cr.score, minEntropy: 0, group: 0,
      };
      if (cr.action) this.customActions.set(cr.id, cr.action);
      this.rules.push({
        spec, index: this.rules.length, re, groupIndex: -1, back: Number.MAX_SAFE_INTEGER,
        valueRe: null,
        validate: cr.validator ? namedValidators[cr.validator as ValidatorName] : null,
        custom: true,
      });
    }

    for (const r of this.rules) this.categories.set(r.spec.id, r.spec.category);

    // Keyword table: every distinct keyword once, with the list of things it triggers.
    const kwIndex = new Map<string, number>();
    const kwList: string[] = [];
    const acts: number[][] = [];
    const add = (kw: string, act: number): void => {
      const key = kw.toLowerCase();
      let id = kwIndex.get(key);
      if (id === undefined) {
        id = kwList.length;
        kwIndex.set(key, id);
        kwList.push(key);
        acts.push([]);
      }
      if (!acts[id]!.includes(act)) acts[id]!.push(act);
    };
    for (const r of this.rules) {
      const kind = r.custom ? K_SCAN : K_PREFIX;
      for (const kw of r.spec.keywords) add(kw, kind | r.index);
    }
    for (const [h, kws] of HANDLER_KEYWORDS) {
      const piiType = HANDLER_PII[h];
      if (piiType && !this.piiOn.has(piiType)) continue;
      for (const kw of kws) add(kw, K_HANDLER | h);
    }
    this.ac = buildAhoCorasick(kwList);
    this.charInfo = new Int32Array(65536);
    this.charTallies = new Int32Array(65536);
    for (let c = 0; c < 128; c++) {
      const digit = c >= 48 && c <= 57;
      const numSep = c === 46 || c === 47 || c === 40 || c === 41 || c === 45;
      const gateClass = digit ? 1 : numSep ? 2 : c === 32 ? 3 : c >= 65 && c <= 90 ? 4 : 0;
      this.charInfo[c] =
        this.ac.classOf[c]! |
        (B64[c]! << C_B64) |
        ((c === 92 || c === 37 ? 1 : 0) << C_ESC_PCT) |
        (gateClass << C_GATE);
      this.charTallies[c] = (digit ? 1 : 0) | ((c === 58 ? 1 : 0) << 8) | ((c === 45 ? 1 : 0) << 16);
    }
    this.kwActions = acts.map((a) => Int32Array.from(a));

    // Path-key automaton over normalised key names of keyed rules.
    const pIndex = new Map<string, number>();
    const pList: string[] = [];
    const pActs: number[][] = [];
    for (const r of this.rules) {
      for (const pk of r.spec.pathKeys ?? []) {
        let id = pIndex.get(pk);
        if (id === undefined) {
          id = pList.length;
          pIndex.set(pk, id);
          pList.push(pk);
          pActs.push([]);
        }
        pActs[id]!.push(r.index);
      }
    }
    // Key names that make the whole value a date of birth (-1) or a passport number (-2).
    const markers: [string, number][] = [['birth', -1], ['dob', -1], ['passport', -2]];
    for (const e of [...PASSWORD_ENDINGS, ...SECRET_ENDINGS]) markers.push([e, -4]);
    for (const [kw, marker] of markers) {
      let id = pIndex.get(kw);
      if (id === undefined) {
        id = pList.length;
        pIndex.set(kw, id);
        pList.push(kw);
        pActs.push([]);
      }
      pActs[id]!.push(marker);
    }
    this.pathAc = buildAhoCorasick(pList);
    this.pathRules = pActs.map((a) => Int32Array.from(a));
  }

  /** Number of built-in and custom rules compiled (for documentation and tests). */
  get ruleCount(): number {
    return this.rules.length;
  }

  private scratchAt(depth: number): Scratch {
    let s = this.scratch[depth];
    if (!s) {
      s = new Scratch(this.rules.length);
      this.scratch[depth] = s;
    }
    return s;
  }

  inspect(leaves: readonly TextLeaf[], ctx: InspectContext): Finding[] {
    if (!this.cfg.enabled) return [];
    const findings: Finding[] = [];
    const known = this.knownVariants(ctx);
    const resolve = this.actionResolver(ctx);
    let awsLeaves: Set<TextLeaf> | undefined;
    const leafHits: { hit: RawHit; category: 'secret' | 'pii'; via: string | null }[] = [];
    const sink: Sink = (hit, category, via) => {
      leafHits.push({ hit, category, via });
    };
    for (const leaf of leaves) {
      const text = leaf.text;
      if (text.length < 4) continue;
      const before = findings.length;
      if (leafHits.length !== 0) leafHits.length = 0;
      this.scanText(text, leaf.path, 0, known, sink);
      if (leafHits.length === 0) continue;
      this.emit(leaf, leafHits, findings, resolve);
      for (let i = before; i < findings.length; i++) {
        if (findings[i]!.type === 'aws-access-key-id') {
          (awsLeaves ??= new Set()).add(leaf);
        }
      }
    }
    if (awsLeaves && !this.disabled.has('aws-secret-access-key')) this.pairAwsSecrets(leaves, awsLeaves, findings, resolve);
    return findings;
  }

  /**
   * An AWS secret access key has no prefix. Once a key id is seen anywhere in the message, any
   * 40-character base64 value with high entropy in the same message is treated as its secret.
   */
  private pairAwsSecrets(
    leaves: readonly TextLeaf[],
    awsLeaves: Set<TextLeaf>,
    findings: Finding[],
    resolve: (type: string, cat: 'secret' | 'pii') => Action,
  ): void {
    const re = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
    const taken = new Map<string, Finding[]>();
    for (const f of findings) {
      const list = taken.get(f.path);
      if (list) list.push(f);
      else taken.set(f.path, [f]);
    }
    // Windows to search: around each key id in its own leaf.
    const windows = new Map<TextLeaf, [number, number][]>();
    for (const leaf of awsLeaves) {
      const w: [number, number][] = [];
      for (const f of taken.get(leaf.path) ?? []) {
        if (f.type === 'aws-access-key-id') w.push([Math.max(0, f.start - 2048), Math.min(leaf.text.length, f.end + 2048)]);
      }
      windows.set(leaf, w);
    }
    // A leaf that is nothing but a 40-character value (a JSON field of its own) is also a candidate.
    for (const leaf of leaves) if (leaf.text.length >= 40 && leaf.text.length <= 44 && !windows.has(leaf)) windows.set(leaf, [[0, leaf.text.length]]);
    for (const [leaf, spans] of windows) {
      for (const [from, to] of spans) {
        re.lastIndex = from;
        for (let m = re.exec(leaf.text); m && m.index < to; m = re.exec(leaf.text)) {
          const v = m[0];
          const start = m.index;
          if ((taken.get(leaf.path) ?? []).some((f) => f.start < start + 40 && start < f.end)) continue;
          if (!/[a-z]/.test(v) || !/[A-Z]/.test(v) || !/[0-9]/.test(v) || entropy(v) < 4.2 || !randomEnough(v)) continue;
          const action = resolve('aws-secret-access-key', 'secret');
          findings.push({
            engine: 'dlp', category: 'secret', type: 'aws-secret-access-key', start, end: start + 40, path: leaf.path,
            score: 0.85, action, replacement: replacementFor('aws-secret-access-key', v, this.redaction),
            detail: 'high-entropy 40-character value in a message that carries an AWS access key id',
          });
        }
      }
    }
  }

  private emit(
    leaf: TextLeaf,
    hits: { hit: RawHit; category: 'secret' | 'pii'; via: string | null }[],
    out: Finding[],
    resolve: (type: string, cat: 'secret' | 'pii') => Action,
  ): void {
    // Overlaps: keep the highest score; on a tie the secret, then the longer span.
    hits.sort((a, b) => a.hit.start - b.hit.start || b.hit.score - a.hit.score);
    const kept: typeof hits = [];
    for (const h of hits) {
      if (h.hit.score < this.cfg.minScore) continue;
      const last = kept[kept.length - 1];
      if (last && h.hit.start < last.hit.end) {
        const better =
          h.hit.score > last.hit.score ||
          (h.hit.score === last.hit.score && h.category === 'secret' && last.category === 'pii') ||
          (h.hit.score === last.hit.score && h.category === last.category && h.hit.end - h.hit.start > last.hit.end - last.hit.start);
        if (better) kept[kept.length - 1] = h;
        continue;
      }
      kept.push(h);
    }
    for (const { hit, category, via } of kept) {
      const value = leaf.text.slice(hit.start, hit.end);
      out.push({
        engine: 'dlp',
        category,
        type: hit.type,
        start: hit.start,
        end: hit.end,
        path: leaf.path,
        score: Math.round(hit.score * 100) / 100,
        action: resolve(hit.type, category),
        replacement: replacementFor(hit.type, value, this.redaction),
        detail: via ? `${hit.detail} (${via}, ${hit.end - hit.start} chars)` : `${hit.detail} (${hit.end - hit.start} chars)`,
      });
    }
  }

  private actionResolver(ctx: InspectContext): (type: string, cat: 'secret' | 'pii') => Action {
    const a = this.cfg.actions;
    const layers = [{ secret: a.secret, pii: a.pii, overrides: a.overrides }];
    const surf = a.surfaces[ctx.surface];
    if (surf) layers.push({ secret: surf.secret ?? layers[0]!.secret, pii: surf.pii ?? layers[0]!.pii, overrides: surf.overrides ?? {} });
    for (const sc of a.scopes) {
      if (sc.server !== ctx.server) continue;
      if (sc.tool !== undefined && sc.tool !== ctx.tool) continue;
      const top = layers[layers.length - 1]!;
      layers.push({ secret: sc.secret ?? top.secret, pii: sc.pii ?? top.pii, overrides: sc.overrides ?? {} });
    }
    const custom = this.customActions;
    return (type, cat) => {
      for (let i = layers.length - 1; i >= 0; i--) {
        const o = layers[i]!.overrides[type];
        if (o) return o;
      }
      const c = custom.get(type);
      if (c) return c;
      const top = layers[layers.length - 1]!;
      return cat === 'secret' ? top.secret : top.pii;
    };
  }

  private knownVariants(ctx: InspectContext): KnownVariant[] {
    const ks = ctx.knownSecrets;
    if (!ks || ks.length === 0) return [];
    const cached = this.knownCache.get(ks);
    if (cached) return cached;
    const out: KnownVariant[] = [];
    for (const { name, value } of ks) {
      if (value.length < 4) continue;
      const seen = new Set<string>();
      const add = (form: string, v: string): void => {
        if (v.length < 4 || seen.has(v)) return;
        seen.add(v);
        out.push({ name, value: v, form });
      };
      const buf = Buffer.from(value, 'utf8');
      add('raw', value);
      add('base64', buf.toString('base64'));
      add('base64', buf.toString('base64').replace(/=+$/, ''));
      add('base64url', buf.toString('base64url'));
      add('hex', buf.toString('hex'));
      add('hex', buf.toString('hex').toUpperCase());
      add('url-encoded', encodeURIComponent(value));
      add('json-escaped', JSON.stringify(value).slice(1, -1));
    }
    // Longest first, so a value inside a longer form does not shadow it.
    out.sort((x, y) => y.value.length - x.value.length);
    this.knownCache.set(ks, out);
    return out;
  }

  /**
   * Scans one text at decoding depth `depth` and hands every hit to `sink` in this text's coordinates.
   * `path` is the leaf's JSON path (for key-name context).
   */
  private scanText(text: string, path: string, depth: number, known: KnownVariant[], sink: Sink): void {
    const sc = this.scratchAt(depth);
    const hits = sc.hits;
    if (hits.length !== 0) hits.length = 0;
    sc.nRuns = 0;
    if (sc.handlersRan) {
      sc.lastStart.fill(-1);
      sc.handlersRan = false;
    }
    sc.lastKeyEnd = -1;
    sc.pemUntil = 0;
    const n = text.length;
    if (n < SHORT_TEXT) prefilterCounting(this, text, path, sc);
    else if (n < STREAMS_MIN || !prefilterStreams(this, text, path, sc)) prefilter(this, text, path, sc);
    const maxRun = sc.maxRun;
    // Gates for the keyword-less detectors: exact counts for short texts, all open for long ones
    // (except IPv6, which a native search for a colon rules out cheaply).
    const digits = sc.digits;
    const dashes = sc.dashes;
    const numStretch = sc.numStretch;
    const capsDigit = sc.capsDigit;
    const colons = n >= SHORT_TEXT && text.indexOf(':') < 0 ? 0 : sc.colons;
    const rules = this.rules;

    // Custom rules whose keyword occurred: one pass each over the leaf (RE2 keeps it linear).
    for (let t = 0; t < sc.nTouched; t++) {
      const idx = sc.touched[t]!;
      sc.firstHit[idx] = -1;
      this.runScanRule(rules[idx]!, text, 0, hits);
    }
    sc.nTouched = 0;

    // Keyword-less personal data, gated by the counts above.
    const on = this.piiOn;
    if (n >= 7 && digits >= 4 && numStretch >= 7) numericPii(sc.ctx.reset(text, path), this.pii, hits);
    if (n >= 9 && digits >= 6 && capsDigit && this.ibanOrNinoOn) ibanOrNino(text, on, hits);
    if (n >= 17 && (colons >= 5 || dashes >= 5) && this.macOn) macs(text, hits);
    if (n >= 6 && colons >= 2 && this.ipOn) ipv6s(text, this.pii, hits);
    if (this.btcOn && maxRun >= 26) {
      // Legacy addresses are 26–35 base58 characters starting with 1 or 3: only such runs are tried.
      for (let r = 0; r < sc.nRuns; r++) {
        const rs = sc.runs[r * 2]!;
        const re = sc.runs[r * 2 + 1]!;
        const c0 = text.charCodeAt(rs);
        if (re - rs >= 26 && re - rs <= 35 && (c0 === 49 || c0 === 51)) btcLegacy(text, rs, re, hits);
      }
    }

    // The leaf's own key names a secret or a service: judge the whole value.
    if (depth === 0 && path.length > 1 && n <= 4096) this.keyedLeaf(text, path, hits);

    const before = hits.length;
    for (let h = 0; h < before; h++) {
      const hit = hits[h]!;
      sink(hit, this.categoryOf(hit.type), null);
    }

    if (known.length > 0) this.findKnown(text, known, sink);

    if (depth >= this.cfg.decode.maxDepth) return;
    const dec = this.cfg.decode;
    // Recursive scans use the next depth's scratch, so this level's run list survives them uncopied.
    const nRuns = sc.nRuns;
    const runs = nRuns > 0 ? sc.runs : null;
    if (dec.escapes && sc.escOrPct && text.indexOf('\\') >= 0) {
      const u = unescape(text);
      if (u) {
        const map = u.map;
        this.scanText(u.text, path, depth + 1, known, (hit, cat, via) => {
          sink({ ...hit, start: map[hit.start]!, end: map[hit.end]! }, cat, via ?? 'after unescaping');
        });
      }
    }
    if (runs) {
      for (let r = 0; r < nRuns; r++) {
        const s = runs[r * 2]!;
        const e = runs[r * 2 + 1]!;
        let decoded: string | null = null;
        let form = '';
        if (dec.hex && isHexRun(text, s, e)) {
          decoded = decodeHex(text, s, e);
          form = 'hex-decoded';
        } else if (dec.base64 && e - s >= MIN_B64_RUN) {
          decoded = decodeBase64(text, s, e);
          form = 'base64-decoded';
        }
        if (decoded === null) continue;
        // The span covers the padding too, so redaction removes the whole encoded value.
        let spanEnd = e;
        while (spanEnd < text.length && spanEnd - e < 2 && text.charCodeAt(spanEnd) === 61) spanEnd++;
        this.scanText(decoded, path, depth + 1, known, (hit, cat, via) => {
          sink({ ...hit, start: s, end: spanEnd, score: hit.score * 0.98 }, cat, via ?? form);
        });
      }
    }
    if (dec.percent && sc.escOrPct && text.indexOf('%') >= 0) {
      percentRuns(text, (s, e, decoded) => {
        this.scanText(decoded, path, depth + 1, known, (hit, cat, via) => {
          sink({ ...hit, start: s, end: e }, cat, via ?? 'percent-decoded');
        });
      });
    }
  }

  /** Called by the prefilter for every keyword occurrence; `end` is exclusive. */
  onKeyword(text: string, path: string, kw: number, start: number, end: number, sc: Scratch): void {
    const acts = this.kwActions[kw]!;
    const rules = this.rules;
    for (let a = 0; a < acts.length; a++) {
      const act = acts[a]!;
      const idx = act & K_MASK;
      const kind = act - idx;
      if (kind === K_PREFIX) {
        const rule = rules[idx]!;
        if (rule.back === 0 && start > 0 && isWordCode(text.charCodeAt(start - 1))) continue;
        this.runRule(rule, text, start, end - start, sc.hits);
      } else if (kind === K_SCAN) {
        if (sc.firstHit[idx]! < 0) {
          sc.firstHit[idx] = start;
          sc.touched[sc.nTouched++] = idx;
        }
      } else {
        if (sc.lastStart[idx] === start) continue;
        sc.lastStart[idx] = start;
        sc.handlersRan = true;
        if (idx === H.Assign) {
          // Several keywords can fall in one key (`SIGNING_KEY`): judge each key once.
          let ke = end;
          while (ke < text.length && isWordCode(text.charCodeAt(ke))) ke++;
          if (ke === sc.lastKeyEnd) continue;
          sc.lastKeyEnd = ke;
        }
        this.runHandler(idx as H, text, start, end, sc.hits, path, sc);
      }
    }
  }

  get automaton(): AhoCorasick {
    return this.ac;
  }

  private categoryOf(type: string): 'secret' | 'pii' {
    const c = this.categories.get(type);
    if (c) return c;
    return PII_SET.has(type) ? 'pii' : 'secret';
  }

  private findKnown(text: string, known: KnownVariant[], sink: Sink): void {
    for (const k of known) {
      let at = text.indexOf(k.value);
      while (at >= 0) {
        sink({ type: 'registered-secret', start: at, end: at + k.value.length, score: 1, detail: `registered secret "${k.name}" (${k.form} form)` }, 'secret', null);
        at = text.indexOf(k.value, at + k.value.length);
      }
    }
  }

  private keyedLeaf(text: string, path: string, hits: RawHit[]): void {
    // The last name segment of the path: `$.a.b`, `$["x-api-key"]`, `$.a[3]` → a.b / x-api-key / a.
    let ke = path.length;
    while (ke > 0 && path.charCodeAt(ke - 1) === 93) {
      const open = path.lastIndexOf('[', ke - 1);
      if (open < 0) break;
      const q = path.charCodeAt(open + 1);
      if (q === 34 || q === 39) {
        ke = ke - 2;
        break;
      }
      ke = open;
    }
    let ks = ke;
    while (ks > 0) {
      const c = path.charCodeAt(ks - 1);
      if (c === 46 || c === 93 || c === 36 || c === 34 || c === 39 || c === 91) break;
      ks--;
    }
    if (ke - ks < 2) return;
    // Service-specific keys (`HEROKU_API_KEY`, `datadogApiKey`): whole value against the service's
    // format. The automaton runs over the key with separators skipped and case folded, in place.
    const { classes, classOf, delta, outStart, outIds, firstOutRow } = this.pathAc;
    let row = 0;
    let special = 0;
    for (let i = ks; i < ke; i++) {
      const c = path.charCodeAt(i);
      if (c === 95 || c === 45 || c === 46 || c === 32) continue;
      row = delta[row + (c < 128 ? classOf[c]! : 0)]!;
      if (row < firstOutRow) continue;
      const state = row / classes;
      for (let o = outStart[state]!; o < outStart[state + 1]!; o++) {
        for (const ri of this.pathRules[outIds[o]!]!) {
          if (ri < 0) {
            special |= -ri;
            continue;
          }
          const r = this.rules[ri]!;
          if (!r.valueRe || !r.valueRe.test(text)) continue;
          const start = text.length - text.trimStart().length;
          const end = text.trimEnd().length;
          if (this.acceptValue(r, text, start, end, 0, hits)) return;
        }
      }
    }
    // A key that ends like a secret name (`DB_PASSWORD`, `clientSecret`): the final state's outputs
    // are the keywords that end at the key's last character.
    let endsLikeSecret = false;
    if (row >= firstOutRow) {
      const state = row / classes;
      for (let o = outStart[state]!; o < outStart[state + 1]!; o++) if (this.pathRules[outIds[o]!]!.includes(-4)) endsLikeSecret = true;
    }
    if (endsLikeSecret) {
      const kind = keyKind(path, ks, ke);
      if (kind !== 0) {
        const v = text.trim();
        const score = judgeValue(v, kind);
        if (score > 0) {
          const start = text.indexOf(v);
          hits.push({ type: kind === 1 ? 'generic-password' : 'generic-api-key', start, end: start + v.length, score, detail: 'value of a secret-named key' });
        }
        return;
      }
    }
    if (special & 1 && this.piiOn.has('date-of-birth')) dateOfBirthValue(text, hits);
    if (special & 2 && this.piiOn.has('passport-number')) passportValue(text, hits);
  }

  runRule(r: CompiledRule, text: string, start: number, kwLen: number, hits: RawHit[]): void {
    const re = r.re;
    re.lastIndex = start > r.back ? start - r.back : 0;
    const m = re.exec(text);
    if (!m) return;
    this.acceptMatch(r, text, m, kwLen, hits);
  }

  private runScanRule(r: CompiledRule, text: string, from: number, hits: RawHit[]): void {
    const re = r.re;
    re.lastIndex = from;
    let guard = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) re.lastIndex++;
      this.acceptMatch(r, text, m, 0, hits);
      if (++guard > 10_000) break;
    }
  }

  private acceptMatch(r: CompiledRule, text: string, m: RegExpExecArray, kwLen: number, hits: RawHit[]): void {
    let start = m.index;
    let end = start + m[0].length;
    const g = r.groupIndex;
    if (r.custom) {
      if (m[1] !== undefined) {
        const off = m[0].indexOf(m[1]);
        start += off;
        end = start + m[1].length;
      }
    } else if (g >= 0) {
      const ind = (m as RegExpExecArray & { indices?: [number, number][] }).indices?.[g];
      if (!ind) return;
      start = ind[0];
      end = ind[1];
    }
    const bodyOffset = r.spec.mode === 'prefix' && (r.spec.group ?? 0) === 0 ? kwLen : 0;
    this.acceptValue(r, text, start, end, bodyOffset, hits);
  }

  private acceptValue(r: CompiledRule, text: string, start: number, end: number, bodyOffset: number, hits: RawHit[]): boolean {
    const spec = r.spec;
    let score = spec.score;
    if (r.custom) {
      if (r.validate && !r.validate(text.slice(start, end))) return false;
    } else {
      const minE = spec.minEntropy ?? 3;
      if (minE > 0 && !randomEnough(text, start + bodyOffset, end, minE)) return false;
      if (spec.check) {
        score = spec.check(text.slice(start, end));
        if (score <= 0) return false;
      }
    }
    hits.push({ type: spec.id, start, end, score, detail: `${spec.family} credential format` + (r.custom ? ' (custom rule)' : '') });
    return true;
  }

  runHandler(h: H, text: string, start: number, end: number, hits: RawHit[], path: string, sc: Scratch): void {
    let hit: RawHit | null = null;
    switch (h) {
      case H.Pem: {
        if (start < sc.pemUntil) return;
        hit = privateKey(text, start);
        sc.pemUntil = pemScannedTo;
        break;
      }
      case H.Putty: hit = puttyKey(text, start); break;
      case H.Url: hit = urlCredentials(text, start); break;
      case H.Bearer: hit = bearerToken(text, start, false); break;
      case H.HeaderToken: hit = bearerToken(text, start, true); break;
      case H.Basic: hit = basicCredentials(text, start); break;
      case H.Assign: hit = assignment(text, start); break;
      case H.Email: email(text, start, hits); return;
      case H.Eth: ethAddress(text, start, hits); return;
      case H.Bech32: bech32Address(text, start, hits); return;
      case H.Dob: dateOfBirth(text, start, hits); return;
      case H.Passport: passport(text, start, hits); return;
      default: return;
    }
    if (hit && !this.disabled.has(hit.type)) hits.push(hit);
  }
}

const PII_SET = new Set<string>([
  'email', 'phone-number', 'credit-card', 'iban', 'us-ssn', 'us-itin', 'uk-nino', 'uk-nhs-number', 'ca-sin',
  'in-aadhaar', 'br-cpf', 'br-cnpj', 'aba-routing-number', 'passport-number', 'ip-address', 'mac-address',
  'crypto-wallet-btc', 'crypto-wallet-eth', 'date-of-birth',
]);

/**
 * Creates the DLP inspector. Everything — rules, keyword automaton, custom patterns — is compiled
 * here; an invalid or unsafe configuration throws now, not on the first message.
 */
export function createDlpInspector(config: DlpConfigInput | DlpConfig = {}): Inspector & { readonly ruleCount: number } {
  return new DlpEngine(parseDlpConfig(config));
}
