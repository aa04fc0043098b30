import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createDlpInspector, assertSafePattern, UnsafePatternError } from '../../src/inspect/dlp/index.js';

/**
 * Custom rules come from operators' config and run on every message: one catastrophic pattern is a
 * denial of service on the gateway. They run under RE2 (linear time); with the built-in engine
 * (`customRegexEngine: 'js'`) patterns that can backtrack catastrophically are refused at load time.
 */
describe('custom rules cannot take the gateway down with catastrophic backtracking', () => {
  const evil = '^(a+)+$';

  it('the attack is real: the pattern takes exponential time in the built-in engine', () => {
    const re = new RegExp(evil);
    // Fastest of several runs, so a preempted run on a loaded machine does not skew the comparison.
    const t = (n: number): number => {
      const s = 'a'.repeat(n) + '!';
      let best = Infinity;
      for (let k = 0; k < 5; k++) {
        const t0 = process.hrtime.bigint();
        re.test(s);
        best = Math.min(best, Number(process.hrtime.bigint() - t0));
      }
      return best;
    };
    t(10);
    const small = t(14);
    const large = t(22);
    // Eight more characters multiply the work by about 2^8; allow a wide margin for a loaded machine.
    assert.ok(large > small * 8, `expected exponential growth, got ${small}ns → ${large}ns`);
  });

  it('with the js engine, the pattern is refused at load time with a message that says why', () => {
    assert.throws(
      () => createDlpInspector({ customRegexEngine: 'js', customRules: [{ id: 'evil', pattern: evil, keywords: ['aaaa'] }] }),
      (e: Error) => /custom DLP rule "evil" refused: nested quantifiers/.test(e.message),
    );
  });

  it('with RE2 (the default), the same pattern runs in linear time and the message is inspected', () => {
    const dlp = createDlpInspector({ customRules: [{ id: 'evil', pattern: '(a+)+!', keywords: ['aaaa'] }] });
    const text = 'a'.repeat(50_000) + '?';
    const t0 = performance.now();
    const f = dlp.inspect([{ path: '$', text }], { surface: 'request', server: 's' });
    const ms = performance.now() - t0;
    assert.equal(f.filter((x) => x.type === 'evil').length, 0);
    // 50 000 characters would need ~2^50000 steps with backtracking; RE2 answers in milliseconds.
    assert.ok(ms < 5000, `took ${ms} ms`);
  });

  it('refuses each family of dangerous construct, accepts ordinary patterns', () => {
    const refused: [string, RegExp][] = [
      ['(a+)+', /nested quantifiers/],
      ['(\\w+\\s?)*x', /nested quantifiers/],
      ['(a|ab)*c', /alternatives that can start with the same character/],
      ['(\\w|\\d)+$', /alternatives that can start with the same character/],
      ['(a?)*b', /empty string/],
      ['(a+)\\1', /back-references/],
      ['(?:x|[a-z]{2,})+y', /(alternatives|nested)/],
    ];
    for (const [p, why] of refused) {
      assert.throws(() => assertSafePattern(p), (e: Error) => e instanceof UnsafePatternError && why.test(e.message), p);
    }
    for (const ok of ['acme_[A-Za-z0-9]{32}', 'EMP-(\\d{8})', '(?:sk|pk)_live_[A-Za-z0-9]{24,99}', '(?:foo|bar)+', '[a-f0-9]{8}(?:-[a-f0-9]{4}){3}-[a-f0-9]{12}', '\\bkey=(\\w{20,40})\\b']) {
      assert.doesNotThrow(() => assertSafePattern(ok), ok);
    }
  });

  it('RE2 refuses what it cannot run in linear time (back-references) with a clear message', () => {
    assert.throws(
      () => createDlpInspector({ customRules: [{ id: 'backref', pattern: '(a+)\\1', keywords: ['aa'] }] }),
      /custom DLP rule "backref": RE2 refuses the pattern/,
    );
  });
});
