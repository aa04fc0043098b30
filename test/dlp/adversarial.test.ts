import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { scanLeaves } from './helpers.js';

/**
 * The inspector runs on every message, so input crafted to make it slow is a denial of service on
 * the gateway. Each of these once took (or would take) time quadratic in its length, or never ended:
 * repeated key headers (each searched to the end of the text), nested percent-encoding (a shared
 * regex re-entered by the recursive scan). 400 KB of each must finish in well under the bound, which
 * is far above the linear cost and far below the quadratic one.
 */
describe('adversarial inputs stay linear', () => {
  const N = 400_000;
  const inputs: [string, string][] = [
    ['repeated private-key headers', '-----BEGIN RSA PRIVATE KEY-----'.repeat(N / 32)],
    ['nested percent-encoding', '%2541%2542'.repeat(N / 10)],
    ['repeated assignments', 'password='.repeat(N / 9)],
    ['repeated URL credentials', 'a://b:c@'.repeat(N / 8)],
    ['one long base64 run', Buffer.from('x'.repeat((N * 3) / 4)).toString('base64')],
    ['escaped unicode', '\\u0041'.repeat(N / 6)],
    ['digits and separators', '12-'.repeat(N / 3)],
    ['openai marker without a key', 'sk-' + 'T3BlbkFJ'.repeat(N / 8)],
  ];
  for (const [name, text] of inputs) {
    it(name, () => {
      const t0 = performance.now();
      scanLeaves([{ path: '$.password', text }]);
      const ms = performance.now() - t0;
      assert.ok(ms < 4000, `${name}: ${ms.toFixed(0)} ms for ${text.length} chars`);
    });
  }
});
