/**
 * Case-insensitive Aho–Corasick automaton over ASCII keywords, compiled to a dense transition table.
 *
 * It is the prefilter of the engine: one pass over a leaf reports which keywords occur (and where),
 * so that only the rules those keywords belong to run. Characters are folded to lower case while
 * scanning, so the leaf text is never copied.
 */

export interface AhoCorasick {
  /** Number of character classes (columns of the table). */
  readonly classes: number;
  /** ASCII code → class (0 = a character that appears in no keyword). */
  readonly classOf: Uint8Array;
  /** row offset of a state (state * classes) + class → row offset of the next state. */
  readonly delta: Int32Array;
  /** For each state s, the slice [outStart[s], outStart[s + 1]) of `outIds` lists the matched keyword ids. */
  readonly outStart: Int32Array;
  readonly outIds: Int32Array;
  /** Keyword length per keyword id, to compute a hit's start from its end. */
  readonly lengths: Int32Array;
  /** Length of the longest keyword (0 when there are none). */
  readonly maxKeywordLength: number;
  /**
   * States are numbered so that every state with an output comes last, and `delta` holds row
   * offsets (state * classes): the scan loop tests `next >= firstOutRow` instead of loading the
   * output table for every character.
   */
  readonly firstOutRow: number;
}

/** Builds the automaton. Keywords must be ASCII; they are lower-cased here. */
export function buildAhoCorasick(keywords: readonly string[]): AhoCorasick {
  const classOf = new Uint8Array(128);
  let classes = 1;
  for (const kw of keywords) {
    for (const ch of kw.toLowerCase()) {
      const c = ch.charCodeAt(0);
      if (c >= 128) throw new Error(`keyword ${JSON.stringify(kw)} is not ASCII`);
      if (classOf[c] === 0) {
        classOf[c] = classes++;
        // Upper-case letters share the class of their lower-case form.
        if (c >= 97 && c <= 122) classOf[c - 32] = classOf[c]!;
      }
    }
  }
  // Trie.
  const goto: Map<number, number>[] = [new Map()];
  const outs: number[][] = [[]];
  keywords.forEach((kw, id) => {
    let s = 0;
    for (const ch of kw.toLowerCase()) {
      const cl = classOf[ch.charCodeAt(0)]!;
      let next = goto[s]!.get(cl);
      if (next === undefined) {
        next = goto.length;
        goto.push(new Map());
        outs.push([]);
        goto[s]!.set(cl, next);
      }
      s = next;
    }
    outs[s]!.push(id);
  });
  const n = goto.length;
  const delta = new Int32Array(n * classes);
  const fail = new Int32Array(n);
  const order: number[] = [];
  for (let cl = 0; cl < classes; cl++) {
    const t = goto[0]!.get(cl);
    delta[cl] = t ?? 0;
    if (t !== undefined) {
      fail[t] = 0;
      order.push(t);
    }
  }
  for (let qi = 0; qi < order.length; qi++) {
    const s = order[qi]!;
    outs[s] = outs[s]!.concat(outs[fail[s]!]!);
    for (let cl = 0; cl < classes; cl++) {
      const t = goto[s]!.get(cl);
      if (t !== undefined) {
        fail[t] = delta[fail[s]! * classes + cl]!;
        delta[s * classes + cl] = t;
        order.push(t);
      } else {
        delta[s * classes + cl] = delta[fail[s]! * classes + cl]!;
      }
    }
  }
  // Renumber: states without output first (the root keeps 0), states with output after them; each
  // group in breadth-first order. Scanning ordinary text keeps the automaton in shallow states, and
  // numbering them together keeps their rows in a few cache lines instead of spread over the table
  // (insertion order scattered them over megabytes, and the scan waited on memory).
  const bfs = [0, ...order];
  const perm = new Int32Array(n);
  let next = 0;
  for (const st of bfs) if (outs[st]!.length === 0) perm[st] = next++;
  const firstOut = next;
  for (const st of bfs) if (outs[st]!.length !== 0) perm[st] = next++;
  const rowDelta = new Int32Array(n * classes);
  for (let st = 0; st < n; st++) {
    for (let cl = 0; cl < classes; cl++) rowDelta[perm[st]! * classes + cl] = perm[delta[st * classes + cl]!]! * classes;
  }
  const outStart = new Int32Array(n + 1);
  const inv = new Int32Array(n);
  for (let st = 0; st < n; st++) inv[perm[st]!] = st;
  let total = 0;
  for (let ps = 0; ps < n; ps++) {
    outStart[ps] = total;
    total += outs[inv[ps]!]!.length;
  }
  outStart[n] = total;
  const outIds = new Int32Array(total);
  for (let ps = 0; ps < n; ps++) outIds.set(outs[inv[ps]!]!, outStart[ps]!);
  const lengths = new Int32Array(keywords.map((k) => k.length));
  const maxKeywordLength = keywords.reduce((m, k) => Math.max(m, k.length), 0);
  return { classes, classOf, delta: rowDelta, outStart, outIds, lengths, maxKeywordLength, firstOutRow: firstOut * classes };
}
