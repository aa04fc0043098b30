/**
 * Long leaves (16 Ki characters and more) are scanned as four interleaved streams over the quarters
 * of the text. A secret must be found at its exact offsets wherever it falls: inside a quarter, or
 * across the boundary between two, where one stream finishes the keyword the other cannot see.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { githubToken, rng, scan } from './helpers.js';

const r = rng(29);

/** Log-like filler with no keyword, run or personal data in it. */
function filler(chars: number): string {
  const words = ['the', 'deploy', 'finished', 'with', 'three', 'warnings', 'after', 'retrying', 'once', 'while', 'draining'];
  let s = '';
  while (s.length < chars) s += words[Math.floor(r() * words.length)] + (r() < 0.1 ? '.\n' : ' ');
  return s.slice(0, chars);
}

describe('long leaves scanned in four streams', () => {
  const base = filler(40_000);

  it('finds a token at exact offsets around every quarter boundary, also when it straddles one', () => {
    const token = githubToken(r);
    let checked = 0;
    for (const quarter of [1, 2, 3]) {
      for (let d = -token.length - 4; d <= 4; d++) {
        const text0 = base;
        // The boundary is the first character after n/4 (n/2, 3n/4) outside a base64 run: with
        // filler words it is within a few characters of the mark.
        const n = text0.length + token.length + 2;
        const at = Math.floor((n * quarter) / 4) + d;
        const text = `${text0.slice(0, at)} ${token} ${text0.slice(at)}`;
        const found = scan(text, '$.result.content[0].text').filter((f) => f.type === 'github-pat');
        assert.equal(found.length, 1, `quarter ${quarter}, offset ${d}: ${found.length} findings`);
        assert.equal(found[0]!.start, at + 1);
        assert.equal(found[0]!.end, at + 1 + token.length);
        checked++;
      }
    }
    assert.ok(checked > 100);
  });

  it('finds a private key whose `-----BEGIN ` keyword is cut by a quarter boundary', () => {
    const body = Buffer.from(githubToken(r).repeat(8)).toString('base64').replace(/(.{70})/g, '$1\n');
    const pem = `-----BEGIN OPENSSH PRIVATE KEY-----\n${body}\n-----END OPENSSH PRIVATE KEY-----`;
    for (const quarter of [1, 2, 3]) {
      for (let d = -12; d <= 1; d++) {
        const n = base.length + pem.length + 2;
        const at = Math.floor((n * quarter) / 4) + d;
        const text = `${base.slice(0, at)}\n${pem}\n${base.slice(at)}`;
        const found = scan(text).filter((f) => f.type === 'private-key-openssh');
        assert.equal(found.length, 1, `quarter ${quarter}, offset ${d}`);
        assert.equal(found[0]!.start, at + 1);
      }
    }
  });

  it('finds a long keyword that starts before a quarter boundary and ends far after it', () => {
    // The boundary is the first character at or after the mark outside a base64 run: with the mark
    // inside `hooks`, it is the dot after it, and 23 characters of the keyword lie beyond it.
    const url = 'https://hooks.zapier.com/hooks/catch/1234567/ab3k9x2qz7/';
    for (const quarter of [1, 2, 3]) {
      for (let d = 0; d < 6; d++) {
        const n = base.length + url.length + 2;
        const mark = Math.floor((n * quarter) / 4);
        const at = mark - 'https://'.length - d;
        const text = `${base.slice(0, at)} ${url} ${base.slice(at)}`;
        const found = scan(text).filter((f) => f.type === 'zapier-webhook-url');
        assert.equal(found.length, 1, `quarter ${quarter}, offset ${d}`);
      }
    }
  });

  it('finds every one of many tokens spread over the text, in order, once each', () => {
    const tokens: { token: string; at: number }[] = [];
    let text = '';
    for (let i = 0; i < 60; i++) {
      text += filler(300 + Math.floor(r() * 900)) + ' ';
      const token = githubToken(r);
      tokens.push({ token, at: text.length });
      text += token + ' ';
    }
    assert.ok(text.length > 16 * 1024);
    const found = scan(text).filter((f) => f.type === 'github-pat');
    assert.deepEqual(found.map((f) => [f.start, f.end]), tokens.map((t) => [t.at, t.at + t.token.length]));
  });

  it('decodes a base64 run that sits on a quarter mark', () => {
    const token = githubToken(r);
    const encoded = Buffer.from(`github_token=${token}`).toString('base64');
    const n = base.length + encoded.length + 2;
    const at = Math.floor(n / 2) - Math.floor(encoded.length / 2);
    const text = `${base.slice(0, at)} ${encoded} ${base.slice(at)}`;
    const found = scan(text).filter((f) => f.type === 'github-pat');
    assert.equal(found.length, 1);
    // A finding inside a decoded layer covers the whole encoded run in the outer text.
    assert.equal(found[0]!.start, at + 1);
    assert.ok(found[0]!.end >= at + 1 + encoded.replace(/=+$/, '').length);
  });

  it('a long text that is one base64 run (no place to split) is still scanned', () => {
    const token = githubToken(r);
    const blob = Buffer.from(`${filler(20_000)} token=${token} ${filler(20_000)}`).toString('base64');
    const found = scan(blob).filter((f) => f.type === 'github-pat');
    assert.equal(found.length, 1);
  });
});
