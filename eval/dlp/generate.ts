/**
 * Writes eval/dlp/corpus.jsonl: labelled positives (secrets and personal data planted in realistic
 * tool-call JSON, .env, YAML, logs and code) and hard negatives (values that look similar but are not
 * sensitive). Every value is generated here with a fixed seed: valid checksums where the format has
 * one, random bodies otherwise. Nothing is copied from real credentials.
 *
 *   node --import tsx eval/dlp/generate.ts
 */
import { createHash, createHmac, generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { secretRules } from '../../src/inspect/dlp/rules/secrets.js';
import { base62, crc32 } from '../../src/inspect/dlp/validators.js';
import { keccak256Hex } from '../../src/inspect/dlp/keccak.js';
import { fromPattern, type Rand } from './regex-gen.js';
import { mulberry32 } from '../lib/prng.js';

export interface Planted {
  type: string;
  value: string;
}
export interface Case {
  id: string;
  kind: 'positive' | 'negative';
  format: 'json' | 'env' | 'yaml' | 'log' | 'code' | 'text';
  content: string;
  expect: Planted[];
  /** Where the value came from: `spec` (hand-written generator) or `pattern` (rule-pattern generator). */
  source?: 'spec' | 'pattern';
}

// ── deterministic randomness ─────────────────────────────────────────────────────────────
const rnd = mulberry32(20260527);
const int = (n: number): number => Math.floor(rnd() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
const AL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UP = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const HEX = '0123456789abcdef';
const B64A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URLA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const str = (alpha: string, n: number): string => Array.from({ length: n }, () => alpha[int(alpha.length)]).join('');
const digits = (n: number): string => str('0123456789', n);
const bytes = (n: number): Buffer => Buffer.from(Array.from({ length: n }, () => int(256)));

// ── secrets from the issuers' formats ────────────────────────────────────────────────────
function githubToken(prefix: string): string {
  const body = str(AL, 30);
  return `${prefix}${body}${base62(crc32(body), 6)}`;
}
function jwt(): string {
  const h = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const p = Buffer.from(JSON.stringify({ sub: digits(8), name: 'svc-' + str(AL, 6), iat: 1_700_000_000 + int(1e7), scope: 'read write' })).toString('base64url');
  const sig = createHmac('sha256', bytes(16)).update(`${h}.${p}`).digest('base64url');
  return `${h}.${p}.${sig}`;
}
function pem(kind: 'rsa' | 'ec' | 'pkcs8' | 'openssh' | 'pgp'): string {
  if (kind === 'rsa') return generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  if (kind === 'ec') return generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'sec1', format: 'pem' }).toString();
  if (kind === 'pkcs8') return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const body = bytes(kind === 'openssh' ? 300 : 600).toString('base64').replace(/(.{70})/g, '$1\n');
  return kind === 'openssh'
    ? `-----BEGIN OPENSSH PRIVATE KEY-----\n${body}\n-----END OPENSSH PRIVATE KEY-----\n`
    : `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${body}\n-----END PGP PRIVATE KEY BLOCK-----\n`;
}

type Gen = { type: string; make: () => string; key?: string };
const specSecrets: Gen[] = [
  { type: 'aws-access-key-id', make: () => pick(['AKIA', 'ASIA']) + str('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16) },
  { type: 'aws-secret-access-key', make: () => str(B64A, 40), key: 'aws_secret_access_key' },
  { type: 'gcp-api-key', make: () => 'AIza' + str(URLA, 35) },
  { type: 'gcp-oauth-client-secret', make: () => 'GOCSPX-' + str(URLA, 28) },
  { type: 'azure-storage-account-key', make: () => `DefaultEndpointsProtocol=https;AccountName=st${str('abcdefghijklmnopqrstuvwxyz', 8)};AccountKey=${bytes(64).toString('base64')};EndpointSuffix=core.windows.net` },
  { type: 'github-pat', make: () => githubToken('ghp_') },
  { type: 'github-oauth-token', make: () => githubToken('gho_') },
  { type: 'github-app-installation-token', make: () => githubToken('ghs_') },
  { type: 'github-fine-grained-pat', make: () => `github_pat_${str(AL, 22)}_${str(AL, 59)}` },
  { type: 'gitlab-pat', make: () => 'glpat-' + str(URLA, 20) },
  { type: 'slack-bot-token', make: () => `xoxb-${digits(12)}-${digits(13)}-${str(AL, 24)}` },
  { type: 'slack-webhook-url', make: () => `https://hooks.slack.com/services/T${str(UP + '0123456789', 8)}/B${str(UP + '0123456789', 10)}/${str(AL, 24)}` },
  { type: 'stripe-secret-key', make: () => 'sk_live_' + str(AL, 99) },
  { type: 'stripe-restricted-key', make: () => 'rk_live_' + str(AL, 99) },
  { type: 'openai-api-key', make: () => `sk-proj-${str(URLA, 74)}T3BlbkFJ${str(URLA, 74)}` },
  { type: 'anthropic-api-key', make: () => `sk-ant-api03-${str(URLA, 93)}AA` },
  { type: 'huggingface-token', make: () => 'hf_' + str(AL, 34) },
  { type: 'groq-api-key', make: () => 'gsk_' + str(AL, 52) },
  { type: 'npm-access-token', make: () => 'npm_' + str(AL, 36) },
  { type: 'pypi-upload-token', make: () => 'pypi-AgEIcHlwaS5vcmc' + str(URLA, 70) },
  { type: 'dockerhub-pat', make: () => 'dckr_pat_' + str(URLA, 27) },
  { type: 'sendgrid-api-key', make: () => `SG.${str(URLA, 22)}.${str(URLA, 43)}` },
  { type: 'twilio-api-key', make: () => 'SK' + str(HEX, 32) },
  { type: 'digitalocean-pat', make: () => 'dop_v1_' + str(HEX, 64) },
  { type: 'vault-service-token', make: () => 'hvs.' + str(URLA, 95) },
  { type: 'shopify-access-token', make: () => 'shpat_' + str(HEX, 32) },
  { type: 'jwt', make: jwt },
  { type: 'private-key-rsa', make: () => pem('rsa') },
  { type: 'private-key-ec', make: () => pem('ec') },
  { type: 'private-key-pkcs8', make: () => pem('pkcs8') },
  { type: 'private-key-openssh', make: () => pem('openssh') },
  { type: 'private-key-pgp', make: () => pem('pgp') },
  { type: 'telegram-bot-token', make: () => `${digits(10)}:AA${str(URLA, 33)}` },
  { type: 'discord-webhook-url', make: () => `https://discord.com/api/webhooks/${digits(18)}/${str(URLA, 68)}` },
  { type: 'mailchimp-api-key', make: () => `${str(HEX, 32)}-us${1 + int(20)}` },
  { type: 'new-relic-user-api-key', make: () => 'NRAK-' + str(UP + '0123456789', 27) },
  { type: 'sentry-user-token', make: () => 'sntryu_' + str(HEX, 64) },
  { type: 'databricks-token', make: () => 'dapi' + str(HEX, 32) },
  { type: 'square-access-token', make: () => 'EAAA' + str(URLA, 60) },
  { type: 'age-secret-key', make: () => 'AGE-SECRET-KEY-1' + str('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58) },
];

function connString(): { type: string; value: string; content: string } {
  const scheme = pick(['postgres', 'postgresql', 'mysql', 'mongodb+srv', 'redis', 'amqp', 'ldap', 'ftp', 'https', 'mongodb', 'rediss']);
  const type = {
    postgres: 'postgres-connection-string', postgresql: 'postgres-connection-string', mysql: 'mysql-connection-string',
    'mongodb+srv': 'mongodb-connection-string', mongodb: 'mongodb-connection-string', redis: 'redis-connection-string',
    rediss: 'redis-connection-string', amqp: 'amqp-connection-string', ldap: 'ldap-credentials-url', ftp: 'ftp-credentials-url',
    https: 'url-basic-auth',
  }[scheme]!;
  const pw = str(AL, 10 + int(14)) + pick(['', '!', '%23', '-', '~', '_']) + str(AL, 3);
  const host = pick(['db.internal', 'cluster0.ab12c.mongodb.net', 'cache.prod.svc', 'mq.example.org', '10.1.2.3', 'files.corp.net']);
  const user = pick(['app', 'admin', 'svc_reporting', 'deploy', 'root']);
  return { type, value: pw, content: `${scheme}://${user}:${pw}@${host}:${1000 + int(9000)}/main` };
}

// ── personal data with valid checksums ───────────────────────────────────────────────────
function luhnComplete(prefix: string, len: number): string {
  let s = prefix + digits(len - prefix.length - 1);
  for (let d = 0; d < 10; d++) {
    const cand = s + d;
    let sum = 0;
    for (let i = 0; i < cand.length; i++) {
      let v = Number(cand[cand.length - 1 - i]);
      if (i % 2 === 1) { v *= 2; if (v > 9) v -= 9; }
      sum += v;
    }
    if (sum % 10 === 0) return cand;
  }
  return s;
}
function card(): string {
  const [p, len] = pick([['4', 16], ['51', 16], ['55', 16], ['2221', 16], ['34', 15], ['37', 15], ['6011', 16], ['65', 16], ['3530', 16], ['36', 14]] as const);
  const c = luhnComplete(p, len);
  const style = int(3);
  if (style === 0) return c;
  const sep = style === 1 ? ' ' : '-';
  if (len === 15) return `${c.slice(0, 4)}${sep}${c.slice(4, 10)}${sep}${c.slice(10)}`;
  if (len === 14) return `${c.slice(0, 4)}${sep}${c.slice(4, 10)}${sep}${c.slice(10)}`;
  return c.replace(/(\d{4})(?=\d)/g, `$1${sep}`);
}
function ibanOf(cc: string, bban: string): string {
  const re = (bban + cc + '00').toUpperCase().replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  let rem = 0;
  for (const ch of re) rem = (rem * 10 + Number(ch)) % 97;
  const check = String(98 - rem).padStart(2, '0');
  return cc + check + bban;
}
function iban(): string {
  const [cc, mk] = pick([
    ['DE', () => digits(18)], ['GB', () => str(UP, 4) + digits(14)], ['FR', () => digits(10) + str(AL.toUpperCase(), 11) + digits(2)],
    ['NL', () => str(UP, 4) + digits(10)], ['ES', () => digits(20)], ['IT', () => str(UP, 1) + digits(10) + digits(12)], ['CH', () => digits(17)],
  ] as [string, () => string][]);
  const v = ibanOf(cc, mk());
  return rnd() < 0.5 ? v : v.replace(/(.{4})(?=.)/g, '$1 ');
}
function ssn(): string {
  let area = 1 + int(899);
  if (area === 666) area = 667;
  return `${String(area).padStart(3, '0')}-${String(1 + int(99)).padStart(2, '0')}-${String(1 + int(9999)).padStart(4, '0')}`;
}
function itin(): string {
  return `9${digits(2)}-${pick(['70', '78', '88', '90', '94', '99', '50', '65'])}-${digits(4)}`;
}
function nino(): string {
  const first = 'ABCEGHJKLMNPRSTWXYZ';
  const second = 'ABCEGHJKLMNPRSTWXYZ';
  let p = pick([...first]) + pick([...second]);
  while (['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ'].includes(p)) p = pick([...first]) + pick([...second]);
  const d = digits(6);
  return rnd() < 0.5 ? `${p}${d}${pick(['A', 'B', 'C', 'D'])}` : `${p} ${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4)} ${pick(['A', 'B', 'C', 'D'])}`;
}
function nhs(): string {
  for (;;) {
    const d = digits(9);
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += Number(d[i]) * (10 - i);
    let c = 11 - (sum % 11);
    if (c === 11) c = 0;
    if (c === 10) continue;
    const v = d + c;
    return rnd() < 0.5 ? v : `${v.slice(0, 3)} ${v.slice(3, 6)} ${v.slice(6)}`;
  }
}
function sinNum(): string {
  const v = luhnComplete(String(1 + int(7)), 9);
  return rnd() < 0.5 ? v : `${v.slice(0, 3)}-${v.slice(3, 6)}-${v.slice(6)}`;
}
const VD = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]];
const VP = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]];
const VINV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];
function aadhaar(): string {
  const d = String(2 + int(8)) + digits(10);
  let c = 0;
  const rev = d.split('').reverse().map(Number);
  for (let i = 0; i < rev.length; i++) c = VD[c]![VP[(i + 1) % 8]![rev[i]!]!]!;
  const v = d + VINV[c];
  return rnd() < 0.5 ? v : `${v.slice(0, 4)} ${v.slice(4, 8)} ${v.slice(8)}`;
}
function cpf(): string {
  const d = digits(9).split('').map(Number);
  for (let k = 9; k <= 10; k++) {
    let sum = 0;
    for (let i = 0; i < k; i++) sum += d[i]! * (k + 1 - i);
    let r = (sum * 10) % 11;
    if (r === 10) r = 0;
    d.push(r);
  }
  const s = d.join('');
  return `${s.slice(0, 3)}.${s.slice(3, 6)}.${s.slice(6, 9)}-${s.slice(9)}`;
}
function cnpj(): string {
  const d = (digits(8) + '0001').split('').map(Number);
  for (const w of [[5,4,3,2,9,8,7,6,5,4,3,2], [6,5,4,3,2,9,8,7,6,5,4,3,2]]) {
    let sum = 0;
    for (let i = 0; i < w.length; i++) sum += d[i]! * w[i]!;
    const r = sum % 11;
    d.push(r < 2 ? 0 : 11 - r);
  }
  const s = d.join('');
  return `${s.slice(0, 2)}.${s.slice(2, 5)}.${s.slice(5, 8)}/${s.slice(8, 12)}-${s.slice(12)}`;
}
function aba(): string {
  for (;;) {
    const p = pick(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '21', '22', '26', '31', '32', '61', '67']);
    const d = p + digits(6);
    for (let c = 0; c < 10; c++) {
      const v = d + c;
      const w = [3, 7, 1];
      let sum = 0;
      for (let i = 0; i < 9; i++) sum += Number(v[i]) * w[i % 3]!;
      if (sum % 10 === 0) return v;
    }
  }
}
function phone(): string {
  for (;;) {
    const style = int(4);
    const area = pick(['415', '212', '617', '303', '512', '206', '312', '646', '718', '919']);
    const n = `${area}${2 + int(8)}${digits(2)}${digits(4)}`;
    let s: string;
    if (style === 0) s = `+1 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`;
    else if (style === 1) s = `(${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6)}`;
    else if (style === 2) s = `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`;
    else s = pick([`+44 20 7${digits(3)} ${digits(4)}`, `+49 30 ${digits(8)}`, `+33 1 ${digits(2)} ${digits(2)} ${digits(2)} ${digits(2)}`, `+91 98${digits(3)} ${digits(5)}`]);
    const p = parsePhoneNumberFromString(s, 'US');
    if (p?.isValid()) return s;
  }
}
function publicIp(): string {
  for (;;) {
    const a = 1 + int(222);
    if ([10, 100, 127, 169, 172, 192, 198, 203].includes(a)) continue;
    return `${a}.${int(256)}.${int(256)}.${1 + int(254)}`;
  }
}
function ipv6(): string {
  return `2a0${1 + int(8)}:${str(HEX, 4)}:${str(HEX, 4)}:${str(HEX, 3)}1::${str(HEX, 3)}1`;
}
function mac(): string {
  const sep = pick([':', '-']);
  return Array.from({ length: 6 }, () => str(HEX, 2)).join(sep).replace(/^0{2}/, 'a4');
}
const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function base58(buf: Buffer): string {
  let n = BigInt('0x' + buf.toString('hex'));
  let out = '';
  while (n > 0n) { out = B58[Number(n % 58n)] + out; n /= 58n; }
  for (const b of buf) { if (b === 0) out = '1' + out; else break; }
  return out;
}
function btc(): string {
  const payload = Buffer.concat([Buffer.from([pick([0, 5])]), bytes(20)]);
  const chk = createHash('sha256').update(createHash('sha256').update(payload).digest()).digest().subarray(0, 4);
  return base58(Buffer.concat([payload, chk]));
}
const BECH = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
function bech32(): string {
  const G = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  const polymod = (v: number[]): number => { let c = 1; for (const x of v) { const b = c >>> 25; c = ((c & 0x1ffffff) << 5) ^ x; for (let i = 0; i < 5; i++) if ((b >>> i) & 1) c ^= G[i]!; } return c >>> 0; };
  const prog = bytes(20);
  const data = [0];
  let acc = 0, bits = 0;
  for (const b of prog) { acc = (acc << 8) | b; bits += 8; while (bits >= 5) { bits -= 5; data.push((acc >> bits) & 31); } }
  if (bits > 0) data.push((acc << (5 - bits)) & 31);
  const hrp = [3, 3, 0, 2, 3];
  const pm = polymod([...hrp, ...data, 0, 0, 0, 0, 0, 0]) ^ 1;
  const chk = Array.from({ length: 6 }, (_, i) => (pm >>> (5 * (5 - i))) & 31);
  return 'bc1' + [...data, ...chk].map((x) => BECH[x]).join('');
}
function eth(): string {
  const addr = str(HEX, 40);
  const h = keccak256Hex(addr);
  return '0x' + addr.split('').map((c, i) => (parseInt(h[i]!, 16) >= 8 ? c.toUpperCase() : c)).join('');
}
function dob(): { value: string; content: string } {
  const y = 1940 + int(65), m = 1 + int(12), d = 1 + int(28);
  const v = pick([`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`, `${['January', 'March', 'July', 'October'][int(4)]} ${d}, ${y}`]);
  const label = pick(['DOB', 'Date of birth', 'date_of_birth', 'Born on', 'birthdate']);
  return { value: v, content: `${label}: ${v}` };
}
function passportNo(): { value: string; content: string } {
  const v = pick([digits(9), str(UP, 1) + digits(8), 'C' + digits(2) + str('CFGHJKLMNPRTVWXYZ', 2) + digits(4)]);
  return { value: v, content: `${pick(['Passport No.', 'passport number', 'Passport #', 'PASSPORT'])} ${v}` };
}
function emailAddr(): string {
  return `${pick(['jane.doe', 'm.rossi', 'li.wei', 'owen_k', 'sara+billing', 'a.kowalski'])}${int(99)}@${pick(['acme.io', 'mail.globex.com', 'initech.co.uk', 'example-corp.de', 'hooli.xyz'])}`;
}

// ── wrappers: where a value appears ──────────────────────────────────────────────────────
let idc = 1;
function wrap(value: string, label: string, key: string): { format: Case['format']; content: string } {
  const f = pick(['json', 'json', 'env', 'yaml', 'log', 'code', 'json-nested', 'json-result'] as const);
  const K = key.toUpperCase().replace(/[^A-Z0-9]/g, '_');
  switch (f) {
    case 'json':
      return { format: 'json', content: JSON.stringify({ jsonrpc: '2.0', id: idc++, method: 'tools/call', params: { name: pick(['deploy', 'run_query', 'send_message', 'write_file']), arguments: { [key]: value, region: 'eu-west-1', dryRun: false } } }) };
    case 'json-nested':
      return { format: 'json', content: JSON.stringify({ jsonrpc: '2.0', id: idc++, method: 'tools/call', params: { name: 'create_secret', arguments: { payload: JSON.stringify({ name: label, [key]: value }) } } }) };
    case 'json-result':
      return { format: 'json', content: JSON.stringify({ jsonrpc: '2.0', id: idc++, result: { content: [{ type: 'text', text: `Found config for ${label}:\n${K}=${value}\nretries=3` }], isError: false } }) };
    case 'env':
      return { format: 'env', content: `# ${label}\nNODE_ENV=production\n${K}=${value}\nLOG_LEVEL=info\n` };
    case 'yaml':
      return { format: 'yaml', content: `service: ${label}\nreplicas: 2\nenv:\n  - name: ${K}\n    value: "${value}"\n` };
    case 'log':
      return { format: 'log', content: `2026-05-14T09:12:${10 + int(49)}.512Z INFO  [worker-${int(9)}] configured ${label} ${key}=${value} in ${int(900)}ms` };
    case 'code':
      return { format: 'code', content: `import { Client } from "${label}";\n\nconst client = new Client({\n  ${key.replace(/_(\w)/g, (_, c: string) => c.toUpperCase())}: "${value}",\n  timeout: 30_000,\n});\n` };
  }
}

function piiWrap(value: string, content: string, key: string): { format: Case['format']; content: string } {
  const f = pick(['json', 'json-result', 'log', 'text'] as const);
  if (f === 'json') return { format: 'json', content: JSON.stringify({ jsonrpc: '2.0', id: idc++, method: 'tools/call', params: { name: 'update_customer', arguments: { customer_id: 'cus_' + str(AL, 14), [key]: value, note: 'verified by phone' } } }) };
  if (f === 'json-result') return { format: 'json', content: JSON.stringify({ jsonrpc: '2.0', id: idc++, result: { content: [{ type: 'text', text: `Customer record:\n  name: Jordan Miller\n  ${content}\n  tier: gold` }] } }) };
  if (f === 'log') return { format: 'log', content: `2026-05-14 09:13:02,114 WARN kyc.check ${content} status=pending` };
  return { format: 'text', content: `Please update the account. ${content}. Thanks!` };
}

const cases: Case[] = [];
function pos(type: string, value: string, w: { format: Case['format']; content: string }, source: 'spec' | 'pattern' = 'spec'): void {
  const once = JSON.stringify(value).slice(1, -1);
  const twice = JSON.stringify(once).slice(1, -1);
  if (!w.content.includes(value) && !w.content.includes(once) && !w.content.includes(twice)) throw new Error(`planted value missing for ${type}`);
  cases.push({ id: `pos-${cases.length}`, kind: 'positive', format: w.format, content: w.content, expect: [{ type, value }], source });
}

// Spec-generated secrets: 3 each.
for (const g of specSecrets) {
  for (let k = 0; k < 3; k++) {
    const v = g.make();
    const key = g.key ?? pick(['api_key', 'token', 'credentials', 'value', 'auth_token', 'secret']);
    const planted = g.type === 'azure-storage-account-key' ? v.split('AccountKey=')[1]!.split(';')[0]! : v;
    pos(g.type, planted, wrap(v, g.type.split('-')[0]!, key));
  }
}
// Connection strings.
for (let k = 0; k < 14; k++) {
  const c = connString();
  pos(c.type, c.value, wrap(c.content, 'database', pick(['database_url', 'dsn', 'connection', 'url'])));
}
// Authorization headers and generic assignments.
for (let k = 0; k < 6; k++) {
  const tok = str(AL, 40);
  pos('authorization-bearer', tok, { format: 'log', content: `curl -s -H "Authorization: Bearer ${tok}" https://api.internal.example/v2/items` });
  const basic = Buffer.from(`svc-${str(AL, 5)}:${str(AL, 16)}`).toString('base64');
  pos('authorization-basic', basic, { format: 'json', content: JSON.stringify({ jsonrpc: '2.0', id: idc++, method: 'tools/call', params: { name: 'http_request', arguments: { url: 'https://intranet.example/api', headers: { Authorization: `Basic ${basic}` } } } }) });
  const pw = str(AL, 8) + pick(['!', '#', '%', '&']) + digits(3);
  pos('generic-password', pw, wrap(pw, 'db', pick(['db_password', 'password', 'smtp_pass', 'adminPassword'])));
  const gk = str(AL, 32);
  pos('generic-api-key', gk, wrap(gk, 'internal', pick(['api_key', 'client_secret', 'x-api-key', 'signing_key', 'INTERNAL_SERVICE_TOKEN'])));
}
// Long-tail formats from the rule patterns: one per rule not already covered by a spec generator.
const covered = new Set(specSecrets.map((g) => g.type));
for (const r of secretRules) {
  if (covered.has(r.id)) continue;
  const src = r.valuePattern ?? r.pattern.replace(/^\(\?<!\[A-Za-z0-9_-\]\)/, '').replace(/\(\?!\[A-Za-z0-9_-\]\)$/, '');
  let v = '';
  for (let tries = 0; tries < 20; tries++) {
    v = fromPattern(src, rnd);
    if (!/0123456789|abcdefghij|example|xxxx|your/i.test(v)) break;
  }
  if (r.pathKeys) {
    const key = pick(r.keys ?? r.keywords);
    pos(r.id, v, wrap(v, r.family, key), 'pattern');
  } else {
    // scan patterns with a group: plant the whole generated match, expect the group's text to be covered
    pos(r.id, v, wrap(v, r.family, pick(['token', 'value', 'credential', 'key'])), 'pattern');
  }
}
// Encoded and nested forms.
for (let k = 0; k < 8; k++) {
  const t = githubToken('ghp_');
  const enc = Buffer.from(`export GITHUB_TOKEN=${t}\n`).toString('base64');
  pos('github-pat', enc, { format: 'json', content: JSON.stringify({ jsonrpc: '2.0', id: idc++, result: { content: [{ type: 'text', text: `file .envrc (base64): ${enc}` }] } }) });
  const key = pem('ec');
  const escaped = JSON.stringify({ type: 'service_account', project_id: 'proj-' + int(999), private_key: key });
  pos('private-key-ec', key.trim(), { format: 'json', content: JSON.stringify({ jsonrpc: '2.0', id: idc++, method: 'tools/call', params: { name: 'upload', arguments: { file: escaped } } }) });
  const a = pick(['AKIA', 'ASIA']) + str('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);
  const hex = Buffer.from(`aws_access_key_id=${a}`).toString('hex');
  pos('aws-access-key-id', hex, { format: 'log', content: `debug dump: ${hex}` });
  const s = 'sk_live_' + str(AL, 40);
  const pct = [...`key=${s}&x=1`].map((ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')).join('');
  pos('stripe-secret-key', pct, { format: 'log', content: `GET /callback?state=${pct} 200` });
}

// PII: many of each.
const piiGens: [string, () => { value: string; content: string }, string][] = [
  ['credit-card', () => { const v = card(); return { value: v, content: `card number ${v}` }; }, 'card_number'],
  ['iban', () => { const v = iban(); return { value: v, content: `IBAN ${v}` }; }, 'iban'],
  ['us-ssn', () => { const v = ssn(); return { value: v, content: `SSN ${v}` }; }, 'ssn'],
  ['us-itin', () => { const v = itin(); return { value: v, content: `ITIN ${v}` }; }, 'itin'],
  ['uk-nino', () => { const v = nino(); return { value: v, content: `NI number ${v}` }; }, 'ni_number'],
  ['uk-nhs-number', () => { const v = nhs(); return { value: v, content: `NHS number ${v}` }; }, 'nhs_number'],
  ['ca-sin', () => { const v = sinNum(); return { value: v, content: `SIN: ${v}` }; }, 'sin'],
  ['in-aadhaar', () => { const v = aadhaar(); return { value: v, content: `Aadhaar ${v}` }; }, 'aadhaar'],
  ['br-cpf', () => { const v = cpf(); return { value: v, content: `CPF ${v}` }; }, 'cpf'],
  ['br-cnpj', () => { const v = cnpj(); return { value: v, content: `CNPJ ${v}` }; }, 'cnpj'],
  ['aba-routing-number', () => { const v = aba(); return { value: v, content: `routing number ${v}` }; }, 'routing_number'],
  ['phone-number', () => { const v = phone(); return { value: v, content: `phone ${v}` }; }, 'phone'],
  ['email', () => { const v = emailAddr(); return { value: v, content: `email ${v}` }; }, 'email'],
  ['ip-address', () => { const v = rnd() < 0.7 ? publicIp() : ipv6(); return { value: v, content: `client ip ${v}` }; }, 'client_ip'],
  ['mac-address', () => { const v = mac(); return { value: v, content: `device mac ${v}` }; }, 'mac'],
  ['crypto-wallet-btc', () => { const v = rnd() < 0.5 ? btc() : bech32(); return { value: v, content: `payout wallet ${v}` }; }, 'wallet'],
  ['crypto-wallet-eth', () => { const v = eth(); return { value: v, content: `eth address ${v}` }; }, 'wallet'],
  ['date-of-birth', dob, 'date_of_birth'],
  ['passport-number', passportNo, 'passport_number'],
];
for (const [type, g, key] of piiGens) {
  for (let k = 0; k < 9; k++) {
    const { value, content } = g();
    pos(type, value, piiWrap(value, content, key));
  }
}

// ── hard negatives ───────────────────────────────────────────────────────────────────────
function neg(content: string, format: Case['format'] = 'text'): void {
  cases.push({ id: `neg-${cases.length}`, kind: 'negative', format, content, expect: [] });
}
const uuid = (): string => `${str(HEX, 8)}-${str(HEX, 4)}-4${str(HEX, 3)}-${pick(['8', '9', 'a', 'b'])}${str(HEX, 3)}-${str(HEX, 12)}`;
const ulid = (): string => '01' + str('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 24);
const negGens: (() => [string, Case['format']])[] = [
  () => [JSON.stringify({ jsonrpc: '2.0', id: idc++, result: { content: [{ type: 'text', text: `created order ${uuid()} for user ${uuid()}` }] } }), 'json'],
  () => [`request_id=${ulid()} trace=${str(HEX, 32)} span=${str(HEX, 16)}`, 'log'],
  () => [`commit ${str(HEX, 40)}\nAuthor: build bot\nDate: 2026-05-14\n\n    bump deps`, 'log'],
  () => [`sha256:${str(HEX, 64)}  dist/app.tar.gz\nmd5 ${str(HEX, 32)}`, 'text'],
  () => [`<script src="https://cdn.example/lib.js" integrity="sha384-${bytes(48).toString('base64')}" crossorigin="anonymous"></script>`, 'code'],
  () => [JSON.stringify({ name: 'left-pad', version: '1.3.0', resolved: 'https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz', integrity: 'sha512-' + bytes(64).toString('base64') }), 'json'],
  () => [JSON.stringify({ type: 'image', mimeType: 'image/png', data: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), bytes(300)]).toString('base64') }), 'json'],
  () => [JSON.stringify({ resource: { uri: 'file:///tmp/report.pdf', mimeType: 'application/pdf', blob: Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'), bytes(400)]).toString('base64') } }), 'json'],
  () => [JSON.stringify({ id: `ch_3${str(AL, 23)}`, object: 'charge', customer: `cus_${str(AL, 14)}`, payment_intent: `pi_3${str(AL, 23)}`, price: `price_1${str(AL, 23)}` }), 'json'],
  () => [`arn:aws:iam::${digits(12)}:role/service-role/${pick(['lambda-exec', 'ecs-task', 'ci-deployer'])}\narn:aws:s3:::logs-${digits(6)}`, 'text'],
  () => [`card 4242 4242 4242 424${1 + int(8)} declined (invalid number)`.replace(/4242 4242 4242 4242/, '4242 4242 4242 4241'), 'text'],
  () => [`IBAN DE${String(10 + int(80))}${digits(18)} (typo)`, 'text'],
  () => [`SSN ${pick(['000', '666', '9' + digits(2)])}-${digits(2)}-${digits(4)} rejected`, 'text'],
  () => [`SSN ${digits(3)}-00-${digits(4)} rejected`, 'text'],
  () => [`version ${int(20)}.${int(20)}.${int(50)}, node v20.${int(20)}.${int(9)}, build ${int(9)}.${int(9)}.${int(9)}.${int(999)}`, 'log'],
  () => [`2026-05-14T09:12:33.${digits(3)}Z ts=${1700000000000 + int(1e10)} elapsed=${int(9999)}ms`, 'log'],
  () => [`Order #${digits(9)} shipped, invoice INV-${digits(6)}, tracking 1Z${str(UP + '0123456789', 16)}`, 'text'],
  () => [`aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`, 'env'],
  () => [`STRIPE_KEY=sk_test_${'x'.repeat(24)}\nGITHUB_TOKEN=your-token-here\nOPENAI_API_KEY=<your-api-key>`, 'env'],
  () => [`password: \${DB_PASSWORD}\napi_key: "{{ vault_api_key }}"\ntoken: '%(token)s'`, 'yaml'],
  () => [`interface Credentials {\n  username: string;\n  password: string;\n  apiKey?: string;\n}\nconst password = await prompt("Password: ");`, 'code'],
  () => [JSON.stringify({ usage: { prompt_tokens: int(9000), completion_tokens: int(9000), max_tokens: 4096 }, token_type: 'Bearer', expires_in: 3600 }), 'json'],
  () => [`connect to postgres://user:password@localhost:5432/db or redis://localhost:6379 (defaults)`, 'text'],
  () => [`-----BEGIN PUBLIC KEY-----\n${bytes(90).toString('base64')}\n-----END PUBLIC KEY-----`, 'text'],
  () => [`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${bytes(24).toString('base64').replace(/=+$/, '')} deploy@ci`, 'text'],
  () => [`Listening on 0.0.0.0:8080, upstream 10.${int(255)}.${int(255)}.${int(255)}, docs at 192.0.2.${int(255)}, gw 172.16.${int(255)}.1`, 'log'],
  () => [`docker pull ghcr.io/acme/api@sha256:${str(HEX, 64)}`, 'text'],
  () => [JSON.stringify({ kind: 'Pod', metadata: { name: 'api-7d9c', uid: uuid(), resourceVersion: digits(7), creationTimestamp: '2026-05-14T09:00:00Z' } }), 'json'],
  () => [`Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor ${int(99)} incididunt ut labore et dolore magna aliqua.`, 'text'],
  () => [`const token = getToken();\nconst secret = config.get("secret");\nif (password === confirmPassword) { submit(); }`, 'code'],
  () => [`def login(username, password):\n    token = session.post(url, auth=(username, password)).json()["token"]\n    return token`, 'code'],
  () => [`Call us at 555-0100 ext ${int(99)}, fax 555-0199, room ${int(999)}`, 'text'],
  () => [`matrix:\n  node: [18, 20, 22]\n  os: [ubuntu-latest]\nsteps:\n  - uses: actions/checkout@v4\n  - run: npm ci`, 'yaml'],
  () => [`"The quick brown fox" base64: VGhlIHF1aWNrIGJyb3duIGZveCBqdW1wcyBvdmVyIHRoZSBsYXp5IGRvZw==`, 'text'],
  () => [`hex dump: ${bytes(32).toString('hex')} ${bytes(16).toString('hex')}`, 'log'],
  () => [`git@github.com:acme/${pick(['api', 'web', 'infra'])}.git @types/node@20.11.5 react@18.2.0 logo@2x.png`, 'text'],
  () => [`eth tx 0x${str(HEX, 64)} from 0x${str(HEX, 40)} block ${digits(8)}`, 'log'],
  () => [`MAC 00:00:00:00:00:00 broadcast ff:ff:ff:ff:ff:ff; time 12:30:45; ratio 16:9`, 'log'],
  () => [`tax id ${digits(2)}-${digits(7)}, invoice total ${int(9999)}.${digits(2)} EUR, qty ${int(99)}`, 'text'],
  () => [JSON.stringify({ tools: [{ name: 'get_secret', description: 'Reads a secret by name from the vault. Pass the secret name, not its value.', inputSchema: { type: 'object', properties: { password: { type: 'string', description: 'The password to set' }, token: { type: 'string' } } } }] }), 'json'],
  () => [`AUTH_MODE=oauth2\nTOKEN_URL=https://auth.example.com/oauth/token\nSECRET_NAME=prod/db/password\nPASSWORD_MIN_LENGTH=12`, 'env'],
  () => [`born to run; birth of a nation (${1900 + int(100)}); DOB field is optional`, 'text'],
  () => [`passport photo requirements: 35x45mm, passport office closed on ${pick(['Monday', 'Friday'])}`, 'text'],
  () => [`ISBN 978-${digits(1)}-${digits(3)}-${digits(5)}-${digits(1)}, DOI 10.${digits(4)}/${digits(6)}`, 'text'],
  () => [`#${str(HEX, 6)} rgba(12,34,56,0.5) grid-template: 1fr 2fr; transform: matrix(1,0,0,1,0,0)`, 'code'],
  () => [`secretlint-disable-next-line\nconst EXAMPLE_KEY = "AKIA${'X'.repeat(16)}";`, 'code'],
];
for (let k = 0; k < 8; k++) for (const g of negGens) {
  const [content, format] = g();
  neg(content, format);
}

const here = dirname(fileURLToPath(import.meta.url));
writeFileSync(join(here, 'corpus.jsonl'), cases.map((c) => JSON.stringify(c)).join('\n') + '\n');
const p = cases.filter((c) => c.kind === 'positive').length;
console.log(`wrote ${cases.length} cases: ${p} positives, ${cases.length - p} hard negatives`);
