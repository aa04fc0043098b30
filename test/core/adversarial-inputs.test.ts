/**
 * Denial-of-service guard: inspection runs on the gateway's event loop, so an engine whose cost
 * grows quadratically (or worse) with some repeated pattern lets one message stall every session.
 * Each engine gets 64 KiB of each repeated unit that has caused trouble in regex-heavy scanners;
 * the bound is ~20× above the slowest case measured, so only a blow-up fails it (a 64 KiB run of
 * newlines once took 50 s in the injection engine).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDlpInspector } from '../../src/inspect/dlp/index.js';
import { createInjectionInspector } from '../../src/inspect/injection/index.js';
import { createExploitInspector } from '../../src/inspect/exploits/index.js';
import type { Surface } from '../../src/inspect/types.js';
import { compileRegexpsEagerly } from '../../src/cli/regexp-tier.js';

// As the airlock process runs the engines (src/cli/main.ts): expressions compiled on their first run.
compileRegexpsEagerly();

const UNITS = ['x', ' ', 'a ', '.', '\n', '\r\n', '7', '=', 'A', 'aB3+', '<', '$', '{', '${', '%', '%2', '\\', '\\u00', '-', '/', '../', 'ab', 'a.', 'a@', '::', '0x', 'ignore ', 'you ', 'AI ', '```', '<!--', '![', '](', '[](', 'http://', '&#', '\u200b', '\u{E0041}', '\u{1F3F4}', 'Ж', '中', 'ـ', '"', "'", ':', ',', 'é', '\t'];
const SIZE = 64 * 1024;
const BOUND_MS = 2000;
const engines = { dlp: createDlpInspector({}), injection: createInjectionInspector({}), exploits: createExploitInspector({}) };

for (const [name, engine] of Object.entries(engines)) {
  test(`the ${name} engine stays linear on repeated patterns`, () => {
    const slow: string[] = [];
    for (const unit of UNITS) {
      const text = unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
      for (const surface of ['request', 'response', 'description'] as Surface[]) {
        const started = performance.now();
        engine.inspect([{ path: '$.result.content[0].text', text }], { surface, server: 's', tool: 't' });
        const ms = performance.now() - started;
        if (ms > BOUND_MS) slow.push(`${JSON.stringify(unit)} on ${surface}: ${ms.toFixed(0)} ms`);
      }
    }
    assert.deepEqual(slow, []);
  });
}
