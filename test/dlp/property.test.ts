import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randStr, rng, scanLeaves } from './helpers.js';

/**
 * Property: ordinary text that carries no credential — prose, numbers, identifiers, hashes, UUIDs,
 * timestamps, paths, URLs without userinfo — never yields a high-confidence secret finding, at volume.
 */
describe('random non-secret text at volume', () => {
  const r = rng(20260514);
  const WORDS = 'the of and to in is for on with as by at from this that be are was have not or an will can all about more when your which their there what use into time only new some could these two may first then do any like my now over such our even most made after also did many before must through back years where much should well people down own just because good each those feel seem how high too place little world very still nation hand old life tell write become here show house both between need mean call develop under last right move thing general school never same another begin while number part turn real leave might want point form off child few small since against ask late home interest large person end open public follow during present without again hold govern around possible head consider word program problem however lead system set order eye plan run keep face fact group play stand increase early course change help line token secret password key auth session access private public build deploy release version config value'.split(' ');
  const HEX = '0123456789abcdef';
  const pieces: (() => string)[] = [
    () => Array.from({ length: 4 + Math.floor(r() * 12) }, () => WORDS[Math.floor(r() * WORDS.length)]).join(' ') + '.',
    () => `${randStr(r, HEX, 8)}-${randStr(r, HEX, 4)}-4${randStr(r, HEX, 3)}-a${randStr(r, HEX, 3)}-${randStr(r, HEX, 12)}`,
    () => randStr(r, HEX, pick([32, 40, 64])),
    () => `2026-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}T0${Math.floor(r() * 9)}:${10 + Math.floor(r() * 49)}:00Z`,
    () => `v${Math.floor(r() * 20)}.${Math.floor(r() * 30)}.${Math.floor(r() * 99)}`,
    () => `/usr/local/lib/node_modules/${randStr(r, 'abcdefghijklmnopqrstuvwxyz', 8)}/dist/index.js:${Math.floor(r() * 999)}:${Math.floor(r() * 80)}`,
    () => `https://example.org/${randStr(r, 'abcdefghijklmnopqrstuvwxyz', 6)}/${Math.floor(r() * 1e6)}?page=${Math.floor(r() * 9)}`,
    () => String(Math.floor(r() * 1e9)),
    () => `${WORDS[Math.floor(r() * WORDS.length)]}_${WORDS[Math.floor(r() * WORDS.length)]} = ${Math.floor(r() * 1000)}`,
    () => `id=${randStr(r, 'abcdefghijklmnopqrstuvwxyz0123456789', 12)}`,
  ];
  function pick<T>(xs: T[]): T {
    return xs[Math.floor(r() * xs.length)]!;
  }

  it('yields zero secret findings scoring 0.8 or more over 2 MB of generated text', () => {
    const leaves: { path: string; text: string }[] = [];
    let total = 0;
    for (let i = 0; total < 2_000_000; i++) {
      const parts: string[] = [];
      for (let k = 0; k < 20; k++) parts.push(pick(pieces)());
      const text = parts.join(pick([' ', '\n', ', ']));
      total += text.length;
      leaves.push({ path: `$.items[${i}].${pick(['text', 'description', 'note', 'value', 'message'])}`, text });
    }
    const f = scanLeaves(leaves).filter((x) => x.category === 'secret' && x.score >= 0.8);
    assert.deepEqual(
      f.slice(0, 5).map((x) => `${x.type} ${leaves.find((l) => l.path === x.path)!.text.slice(x.start, x.end)}`),
      [],
    );
  });
});
