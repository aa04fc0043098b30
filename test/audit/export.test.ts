/**
 * The export is checked by scripts/verify-audit-export.mjs, run as a separate process the way a
 * third party would run it: it shares no code with Airlock.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { describeEachDialect } from '../helpers/db.js';
import { openAuditLog } from '../../src/audit/index.js';
import { auditExport, auditPublicKey } from '../../src/audit/cli.js';
import { entryHash } from '../../src/audit/chain.js';
import { signerFromPrivateKey } from '../../src/audit/signing.js';
import { generateKeyPairSync } from 'node:crypto';

const VERIFIER = fileURLToPath(new URL('../../scripts/verify-audit-export.mjs', import.meta.url));

function verifyFile(file: string, ...args: string[]): { code: number | null; out: Record<string, unknown> | null; stderr: string } {
  const r = spawnSync(process.execPath, [VERIFIER, file, ...args], { encoding: 'utf8' });
  let out: Record<string, unknown> | null = null;
  try {
    out = JSON.parse(r.stdout);
  } catch {
    out = null;
  }
  return { code: r.status, out, stderr: r.stderr };
}

type Line = { kind: string; entry?: Record<string, unknown>; [k: string]: unknown };
const readLines = (file: string): Line[] => readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const writeLines = (file: string, lines: Line[]) => writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');

describeEachDialect('audit export', ({ fresh }) => {
  it('a third party verifies the export, and catches edits, deletions, truncation and re-signed rewrites', async () => {
    const db = await fresh();
    try {
      const store = await db.open();
      const log = openAuditLog(store, db.home, { checkpointEvery: 5 });
      for (let i = 1; i <= 12; i++) await log.append({ type: 'message.request', server: 'fs', data: { i, findings: [{ type: 'email', length: 17 }] } });
      await log.append({ type: 'other', tenant: 'acme' });
      const file = join(db.home, 'export.jsonl');
      const out = createWriteStream(file);
      const summary = await auditExport({ store, home: db.home, out });
      out.end();
      await once(out, 'finish');
      assert.deepEqual({ count: summary.count, checkpoints: summary.checkpoints, seq: summary.head.seq }, { count: 12, checkpoints: 2, seq: 12 });

      const key = auditPublicKey(db.home)!;
      const good = verifyFile(file, '--key-id', key.keyId);
      assert.equal(good.code, 0, good.stderr);
      assert.deepEqual(good.out, { ok: true, tenant: 'default', count: 12, checkpoints: 2, trustedKeys: [key.keyId] });

      const lines = readLines(file);
      const tampered = join(db.home, 't.jsonl');
      const check = (mutate: (l: Line[]) => Line[], seq: number, reason: RegExp, ...args: string[]) => {
        writeLines(tampered, mutate(structuredClone(lines)));
        const r = verifyFile(tampered, ...args);
        assert.equal(r.code, 1, `expected failure, got ${JSON.stringify(r.out)} ${r.stderr}`);
        assert.equal(r.out?.firstBadSeq, seq, String(r.out?.reason));
        assert.match(String(r.out?.reason), reason);
      };
      // Edited entry.
      check((l) => ((l[3].entry!.data as { i: number }).i = 99, l), 3, /does not match its hash/);
      // Deleted entry.
      check((l) => l.filter((x) => x.entry?.seq !== 7), 7, /entry 7 is missing/);
      // Reordered entries.
      check((l) => ([l[4], l[5]] = [l[5], l[4]], l), 4, /entry 4 is missing|out of order/);
      // Truncated: last two entries dropped, header and checkpoints kept.
      check((l) => l.filter((x) => !(x.kind === 'entry' && (x.entry!.seq as number) > 10)), 11, /truncated/);
      // Rewritten from entry 7 on, re-hashed, with a matching header, signed by the attacker's own key
      // embedded in the header: only a pinned key catches it.
      const rewrite = (l: Line[]) => {
        let prev = '';
        for (const x of l) {
          if (x.kind !== 'entry') continue;
          const e = x.entry as Record<string, unknown> & { seq: number; hash: string };
          if (e.seq === 7) (e.data as { i: number }).i = 700;
          if (e.seq >= 7) {
            e.prevHash = prev;
            const { hash: _h, ...body } = e;
            e.hash = entryHash(body as never);
          }
          prev = e.hash;
        }
        (l[0].head as { hash: string }).hash = prev;
        return l;
      };
      check(rewrite, 6, /entries 6\.\.10 do not match the checkpoint/, '--key-id', key.keyId);

      // The same rewrite, re-signed with the attacker's own key swapped into the header: the export
      // is self-consistent, so an unpinned check passes (the attack works) and a pinned one fails.
      const attacker = generateKeyPairSync('ed25519');
      const attackerSigner = signerFromPrivateKey(attacker.privateKey);
      const forged = rewrite(structuredClone(lines));
      const hashes = new Map(forged.filter((x) => x.kind === 'entry').map((x) => [x.entry!.seq, x.entry!.hash]));
      for (const x of forged) {
        if (x.kind !== 'checkpoint') continue;
        x.hash = hashes.get(x.seq);
        x.signature = attackerSigner.sign('default', x.seq as number, x.hash as string);
        x.keyId = attackerSigner.keyId;
      }
      forged[0].publicKeys = [{ keyId: attackerSigner.keyId, pem: attackerSigner.publicKeyPem }];
      writeLines(tampered, forged);
      assert.equal(verifyFile(tampered).code, 0, 'unpinned: a fully re-signed forgery is self-consistent');
      const pinned = verifyFile(tampered, '--key-id', key.keyId);
      assert.equal(pinned.code, 1);
      assert.equal(pinned.out?.firstBadSeq, 5);
      assert.match(String(pinned.out?.reason), /untrusted key/);
      const pem = join(db.home, 'trusted.pem');
      writeFileSync(pem, key.pem);
      assert.equal(verifyFile(tampered, '--public-key', pem).code, 1);
      assert.equal(verifyFile(file, '--public-key', pem).code, 0);
    } finally {
      await db.cleanup();
    }
  });
});
