#!/usr/bin/env node
// Verifies an Airlock audit export (airlock audit export --jsonl) with nothing but Node.js and
// node:crypto. Written to be read and audited by whoever receives the export; it shares no code
// with Airlock.
//
//   node verify-audit-export.mjs export.jsonl [--key-id <hex>]... [--public-key <file.pem>]...
//   airlock audit export --jsonl | node verify-audit-export.mjs -
//
// Checks: every entry's hash, the link to the previous entry, consecutive sequence numbers from 1,
// the header's head (seq and hash) against the last entry, and each checkpoint's Ed25519 signature
// and its hash against the entry it covers.
//
// Trust: the public keys embedded in the export only prove the export is consistent with itself.
// Pin the key you trust with --key-id (compare it with `airlock audit key` on the gateway host, out
// of band) or pass its PEM with --public-key; then a rewritten export cannot carry valid checkpoints.
//
// Exit status: 0 = intact, 1 = tampered (first bad sequence number printed), 2 = usage or read error.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const GENESIS = '0'.repeat(64);

// Canonical JSON: keys sorted recursively, no whitespace, JSON.stringify for primitives.
function canonicalJson(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .filter((k) => v[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`)
      .join(',')}}`;
  }
  if (typeof v === 'number' && !Number.isFinite(v)) throw new TypeError('non-finite number');
  return JSON.stringify(v);
}

function entryHash(e) {
  const body = {
    tenant: e.tenant, seq: e.seq, ts: e.ts, type: e.type, server: e.server, session: e.session,
    actor: e.actor, data: e.data, prevHash: e.prevHash,
  };
  return createHash('sha256').update(e.prevHash + canonicalJson(body), 'utf8').digest('hex');
}

function keyId(key) {
  return createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex');
}

function parseArgs(argv) {
  const out = { file: null, keyIds: [], pems: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--key-id') out.keyIds.push(argv[++i]);
    else if (a === '--public-key') out.pems.push(readFileSync(argv[++i], 'utf8'));
    else if (!out.file) out.file = a;
    else throw new Error(`unexpected argument ${a}`);
  }
  if (!out.file) throw new Error('usage: verify-audit-export.mjs <export.jsonl | -> [--key-id HEX] [--public-key FILE]');
  return out;
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(err.message);
    return 2;
  }
  const input = args.file === '-' ? process.stdin : createReadStream(args.file);
  const lines = createInterface({ input, crlfDelay: Infinity });
  let header = null;
  let expected = 1;
  let prev = GENESIS;
  let bad = null;
  const hashes = new Map();
  const checkpoints = [];
  let lineNo = 0;
  const fail = (seq, reason) => { if (!bad || seq < bad.seq) bad = { seq, reason }; };
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    let obj;
    try { obj = JSON.parse(line); } catch { fail(expected, `line ${lineNo} is not JSON`); continue; }
    if (lineNo === 1) {
      if (obj.kind !== 'header' || obj.format !== 'airlock-audit-export' || obj.version !== 1) {
        console.error('not an Airlock audit export (version 1)');
        return 2;
      }
      header = obj;
      continue;
    }
    if (obj.kind === 'checkpoint') { checkpoints.push(obj); continue; }
    if (obj.kind !== 'entry') { fail(expected, `line ${lineNo} has unknown kind ${obj.kind}`); continue; }
    if (bad && bad.seq <= expected) continue; // the chain is already broken; later entries prove nothing
    const e = obj.entry;
    if (e.seq !== expected) { fail(expected, e.seq > expected ? `entry ${expected} is missing` : `entry ${e.seq} out of order`); continue; }
    if (e.tenant !== header.tenant) { fail(e.seq, `entry ${e.seq} belongs to another tenant`); continue; }
    let h;
    try { h = entryHash(e); } catch { h = null; }
    if (h !== e.hash) { fail(e.seq, `entry ${e.seq} does not match its hash (edited)`); continue; }
    if (e.prevHash !== prev) { fail(e.seq, `entry ${e.seq} does not link to entry ${e.seq - 1}`); continue; }
    hashes.set(e.seq, e.hash);
    prev = e.hash;
    expected++;
  }
  if (!header) { console.error('empty export'); return 2; }
  const count = expected - 1;
  if (!bad) {
    if (header.head.seq > count) fail(count + 1, `the header's head is entry ${header.head.seq} but the export ends at ${count} (truncated)`);
    else if (header.head.seq < count) fail(header.head.seq + 1, `entries beyond the header's head ${header.head.seq}`);
    else if (header.head.hash !== prev) fail(Math.max(count, 1), 'the header head hash does not match the last entry');
  }
  const keys = new Map();
  const pinned = args.keyIds.length > 0 || args.pems.length > 0;
  for (const pem of args.pems) { const k = createPublicKey(pem); keys.set(keyId(k), k); }
  for (const k of header.publicKeys ?? []) {
    const key = createPublicKey(k.pem);
    const id = keyId(key);
    if (id !== k.keyId) { console.error(`embedded public key does not match its keyId ${k.keyId}`); return 1; }
    if (!pinned || args.keyIds.includes(id)) keys.set(id, key);
  }
  let lastGood = 0;
  for (const c of checkpoints.sort((a, b) => a.seq - b.seq)) {
    if (bad && c.seq >= bad.seq) break;
    const key = keys.get(c.keyId);
    if (!key) { fail(c.seq, `checkpoint at entry ${c.seq} is signed by an untrusted key ${c.keyId}`); break; }
    const msg = Buffer.from(canonicalJson({ tenant: c.tenant, seq: c.seq, hash: c.hash }), 'utf8');
    let sigOk = false;
    try { sigOk = c.tenant === header.tenant && verify(null, msg, key, Buffer.from(c.signature, 'base64')); } catch { sigOk = false; }
    if (!sigOk) { fail(c.seq, `checkpoint at entry ${c.seq} has an invalid signature`); break; }
    if (c.seq > count) { fail(count + 1, `a signed checkpoint covers entry ${c.seq} but the export ends at ${count}`); break; }
    if (hashes.get(c.seq) !== c.hash) { fail(lastGood + 1, `entries ${lastGood + 1}..${c.seq} do not match the checkpoint signed at ${c.seq}`); break; }
    lastGood = c.seq;
  }
  if (pinned && checkpoints.length === 0 && count > 0) {
    console.error('warning: no checkpoints in the export; the pinned key proves nothing about these entries');
  }
  if (bad) {
    console.log(JSON.stringify({ ok: false, tenant: header.tenant, firstBadSeq: bad.seq, reason: bad.reason }));
    return 1;
  }
  console.log(JSON.stringify({ ok: true, tenant: header.tenant, count, checkpoints: checkpoints.length, trustedKeys: [...keys.keys()] }));
  return 0;
}

main().then((code) => { process.exitCode = code; }, (err) => { console.error(err.message); process.exitCode = 2; });
