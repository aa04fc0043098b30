/**
 * Secrets whose recognition needs more than one pattern: private key blocks, credentials inside
 * URLs, `Authorization` headers and generic `name = value` assignments judged by key and shape.
 * Each detector takes the leaf text and a position where the prefilter saw its keyword.
 */
import { basicAuth } from '../validators.js';
import { charMix, entropy, isPlaceholder, isUuid, longestRepeat, popcount4 } from '../shape.js';

export interface RawHit {
  type: string;
  start: number;
  end: number;
  score: number;
  detail: string;
}

// ── private keys ─────────────────────────────────────────────────────────────────────────

const MAX_KEY_BLOCK = 16_384;

const PEM_HEADER = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP |SSH2 ENCRYPTED )?PRIVATE KEY(?: BLOCK)?)-----/y;

const PEM_TYPES: Record<string, string> = {
  'RSA PRIVATE KEY': 'private-key-rsa',
  'EC PRIVATE KEY': 'private-key-ec',
  'DSA PRIVATE KEY': 'private-key-dsa',
  'OPENSSH PRIVATE KEY': 'private-key-openssh',
  'ENCRYPTED PRIVATE KEY': 'private-key-encrypted',
  'PGP PRIVATE KEY BLOCK': 'private-key-pgp',
  'PRIVATE KEY': 'private-key-pkcs8',
  'SSH2 ENCRYPTED PRIVATE KEY': 'private-key-ssh2',
};

function isB64Code(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47 || c === 61;
}

/**
 * A PEM/OpenSSH/PGP private key block at `at`. Lines may be separated by real newlines or by the
 * two characters `\n` (a key pasted into a JSON string and escaped again). A block without its END
 * line (truncated output) still counts when enough key material follows the header.
 */
/**
 * Where the last private-key scan stopped. Headers inside an already scanned stretch are skipped by
 * the engine, so a text made of repeated headers costs linear time.
 */
export let scannedTo = 0;

export function privateKey(text: string, at: number): RawHit | null {
  scannedTo = at;
  PEM_HEADER.lastIndex = at;
  const m = PEM_HEADER.exec(text);
  if (!m) return null;
  const label = m[1]!;
  const type = PEM_TYPES[label] ?? 'private-key';
  let i = at + m[0].length;
  const endMarker = `-----END ${label}-----`;
  // Bounded search: a key block is a few KB; looking further would make repeated headers quadratic.
  let endAt = text.lastIndexOf(endMarker, i + MAX_KEY_BLOCK);
  if (endAt < i) endAt = -1;
  let b64 = 0;
  const limit = endAt >= 0 ? endAt : Math.min(text.length, i + MAX_KEY_BLOCK);
  let last = i;
  for (; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (isB64Code(c)) {
      b64++;
      last = i + 1;
    } else if (c === 92 && (text.charCodeAt(i + 1) === 110 || text.charCodeAt(i + 1) === 114)) {
      i++;
    } else if (c === 10 || c === 13 || c === 32 || c === 9 || c === 58 || c === 45 || c === 44) {
      // whitespace, and `Proc-Type: 4,ENCRYPTED` style headers inside the block
    } else if (endAt < 0) {
      break;
    }
  }
  if (b64 < 64) {
    scannedTo = i;
    return null;
  }
  const end = endAt >= 0 ? endAt + endMarker.length : last;
  scannedTo = end;
  return { type, start: at, end, score: endAt >= 0 ? 0.99 : 0.9, detail: `${label.toLowerCase()} block` };
}

const PUTTY = /PuTTY-User-Key-File-[23]: [^\r\n]{3,40}(?:\r?\n|\\n)[\s\S]{0,4000}?Private-Lines: \d+(?:\r?\n|\\n)((?:[A-Za-z0-9+/=]{1,64}(?:\r?\n|\\n)){2,})/y;

export function puttyKey(text: string, at: number): RawHit | null {
  PUTTY.lastIndex = at;
  const m = PUTTY.exec(text);
  if (!m) return null;
  return { type: 'putty-private-key', start: at, end: at + m[0].length, score: 0.97, detail: 'PuTTY private key file' };
}

// ── credentials in URLs ──────────────────────────────────────────────────────────────────

const SCHEME_TYPES: Record<string, string> = {
  postgres: 'postgres-connection-string', postgresql: 'postgres-connection-string',
  mysql: 'mysql-connection-string', mariadb: 'mysql-connection-string', 'mysql+pymysql': 'mysql-connection-string',
  'postgresql+psycopg2': 'postgres-connection-string', 'postgresql+asyncpg': 'postgres-connection-string',
  mongodb: 'mongodb-connection-string', 'mongodb+srv': 'mongodb-connection-string',
  redis: 'redis-connection-string', rediss: 'redis-connection-string',
  amqp: 'amqp-connection-string', amqps: 'amqp-connection-string',
  ldap: 'ldap-credentials-url', ldaps: 'ldap-credentials-url',
  ftp: 'ftp-credentials-url', ftps: 'ftp-credentials-url', sftp: 'ftp-credentials-url',
  smtp: 'smtp-credentials-url', smtps: 'smtp-credentials-url',
  http: 'url-basic-auth', https: 'url-basic-auth',
  mssql: 'mssql-connection-string', sqlserver: 'mssql-connection-string',
  jdbc: 'jdbc-connection-string', cloudinary: 'cloudinary-url', nats: 'nats-connection-string',
  kafka: 'kafka-credentials-url', clickhouse: 'clickhouse-connection-string', snowflake: 'snowflake-connection-string',
  couchdb: 'couchdb-connection-string', neo4j: 'neo4j-connection-string', 'neo4j+s': 'neo4j-connection-string',
  git: 'url-basic-auth', ssh: 'url-basic-auth', svn: 'url-basic-auth', socks5: 'proxy-credentials-url',
};

const WEAK_PASSWORDS = new Set(['password', 'pass', 'passwd', 'pwd', 'secret', 'x', 'xxx', 'user', 'username', 'foo', 'bar', 'changeme', 'example', 'redacted', 'null', 'none', 'token']);

/** Characters allowed in userinfo (RFC 3986 unreserved + sub-delims + pct-encoded). */
function isUserinfoCode(c: number): boolean {
  return (
    (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) ||
    c === 45 || c === 46 || c === 95 || c === 126 || c === 37 || c === 33 || c === 36 || c === 38 ||
    c === 39 || c === 40 || c === 41 || c === 42 || c === 43 || c === 44 || c === 59 || c === 61
  );
}

/**
 * `scheme://user:password@host` at the `://` found at `sep`. The finding covers the password only, so
 * redaction keeps the URL usable for diagnosis (`postgres://app:[REDACTED:…]@db:5432/x`).
 */
export function urlCredentials(text: string, sep: number): RawHit | null {
  // scheme: letters, digits, + . - before `://`
  let s = sep;
  while (s > 0) {
    const c = text.charCodeAt(s - 1);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 43 || c === 46 || c === 45 || c === 58) s--;
    else break;
  }
  let scheme = text.slice(s, sep).toLowerCase();
  if (scheme.startsWith('jdbc:')) scheme = 'jdbc';
  const type = SCHEME_TYPES[scheme];
  if (!type) return null;
  let i = sep + 3;
  const userStart = i;
  const max = Math.min(text.length, i + 512);
  let colon = -1;
  for (; i < max; i++) {
    const c = text.charCodeAt(i);
    if (c === 58 && colon < 0) colon = i;
    else if (c === 64) break;
    else if (!isUserinfoCode(c) && c !== 58) return null;
  }
  if (i >= max || text.charCodeAt(i) !== 64 || colon < 0) return null;
  const at = i;
  const pwStart = colon + 1;
  if (at - pwStart < 4) return null;
  // The host must follow the `@`.
  const h = text.charCodeAt(at + 1);
  if (!((h >= 97 && h <= 122) || (h >= 65 && h <= 90) || (h >= 48 && h <= 57) || h === 91)) return null;
  const user = text.slice(userStart, colon);
  const pw = text.slice(pwStart, at);
  if (pw === user || WEAK_PASSWORDS.has(pw.toLowerCase())) return null;
  if (/^[*xX.#•_-]+$/.test(pw)) return null; // already masked
  if (isTemplate(pw) || isPlaceholder(pw)) return null;
  return { type, start: pwStart, end: at, score: 0.95, detail: `password in ${scheme} URL` };
}

/** `${VAR}`, `$VAR`, `{{ var }}`, `%(var)s`, `<var>`, `[var]`, `#{var}`, `%VAR%`. */
export function isTemplate(v: string): boolean {
  const c = v.charCodeAt(0);
  if (c === 36 || c === 60 || c === 123 || c === 91) return true; // $ < { [
  if (c === 37 && (v.endsWith('%') || v.charCodeAt(1) === 40)) return true;
  if (v.includes('${') || v.includes('{{') || v.includes('#{')) return true;
  return false;
}

// ── Authorization headers ────────────────────────────────────────────────────────────────

const BEARER = /(bearer|token|bot)[ \t]+([A-Za-z0-9._~+/-]{16,2048}=*)(?![A-Za-z0-9._~+/=-])/iy;
const BASIC = /basic[ \t]+([A-Za-z0-9+/]{8,512}={0,2})(?![A-Za-z0-9+/=])/iy;

/** `Bearer <token>` at `at` (the keyword position). Tokens must look random, not like prose. */
export function bearerToken(text: string, at: number, requireHeader: boolean): RawHit | null {
  BEARER.lastIndex = at;
  const m = BEARER.exec(text);
  if (!m) return null;
  const tok = m[2]!;
  const start = at + m[0].length - tok.length;
  if (requireHeader && !precededByAuthorization(text, at)) return null;
  if (isPlaceholder(tok) || isTemplate(tok)) return null;
  const mix = popcount4(charMix(tok));
  if (mix < 2 || entropy(tok) < 3.2) return null;
  return { type: 'authorization-bearer', start, end: start + tok.length, score: 0.9, detail: `${m[1]!.toLowerCase()} credential in an authorization value` };
}

export function basicCredentials(text: string, at: number): RawHit | null {
  BASIC.lastIndex = at;
  const m = BASIC.exec(text);
  if (!m) return null;
  const tok = m[1]!;
  if (!basicAuth(tok)) return null;
  if (!precededByAuthorization(text, at)) return null;
  const start = at + m[0].length - tok.length;
  return { type: 'authorization-basic', start, end: start + tok.length, score: 0.9, detail: 'basic credentials in an authorization value' };
}

function precededByAuthorization(text: string, at: number): boolean {
  const from = Math.max(0, at - 40);
  const before = text.slice(from, at).toLowerCase();
  // `Authorization: token …`, `-H "Authorization: Basic …"`, or the whole value of an auth field.
  return before.includes('authorization') || /auth["']?\s*[:=]\s*["']?$/.test(before) || (from === 0 && /^\s*$/.test(before));
}

// ── generic assignments ──────────────────────────────────────────────────────────────────

/**
 * Normalised key endings that name a secret. A key matches when, lower-cased and stripped of `_`,
 * `-`, `.` and spaces, it ends with one of these: `DB_PASSWORD`, `clientSecret`, `x-api-key`,
 * `GITHUB_TOKEN`. `token_type`, `max_tokens`, `password_hint`, `public_key` end otherwise and stay quiet.
 */
export const PASSWORD_ENDINGS = ['password', 'passwd', 'pwd', 'passphrase', 'pass', 'dbpass', 'userpass'];
export const SECRET_ENDINGS = [
  'secret', 'secretkey', 'apikey', 'apisecret', 'accesskey', 'accesstoken', 'authtoken', 'privatekey', 'token',
  'refreshtoken', 'idtoken', 'sessiontoken', 'bearertoken', 'clientsecret', 'credential', 'credentials',
  'signingkey', 'encryptionkey', 'masterkey', 'secretaccesskey', 'appsecret', 'webhooksecret', 'authkey',
  'licensekey', 'accountkey', 'sharedsecret', 'hmackey', 'consumersecret', 'tokensecret', 'pat', 'apitoken',
  'xapikey', 'auth', 'sessionkey', 'cookiesecret', 'jwtsecret',
];

/** Key kinds: 0 = not a secret key, 1 = password, 2 = other secret. */
export function keyKind(s: string, start: number, end: number): number {
  if (endsWithNorm(s, start, end, PASSWORD_ENDINGS)) return 1;
  if (endsWithNorm(s, start, end, SECRET_ENDINGS)) return 2;
  return 0;
}

function foldCode(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

function isSep(c: number): boolean {
  return c === 95 || c === 45 || c === 46 || c === 32;
}

function endsWithNorm(s: string, start: number, end: number, words: readonly string[]): boolean {
  for (const w of words) {
    let i = end - 1;
    let j = w.length - 1;
    while (j >= 0 && i >= start) {
      const c = s.charCodeAt(i);
      if (isSep(c)) {
        i--;
        continue;
      }
      if (foldCode(c) !== w.charCodeAt(j)) break;
      i--;
      j--;
    }
    if (j < 0) {
      // Must end on a word boundary: `bypass` is not `pass`, `compass` is not `pass`.
      if (i < start) return true;
      const prev = s.charCodeAt(i);
      const first = s.charCodeAt(i + 1);
      if (isSep(prev) || !isIdent(prev)) return true;
      // camelCase boundary: dbPassword, clientSecret
      if (first >= 65 && first <= 90) return true;
      if (w.length >= 5 && w !== 'token' && w !== 'secret') return true;
      // `db_token`, `ghtoken`? require a separator or camel boundary for short generic words
      return false;
    }
  }
  return false;
}

function isIdent(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;
}

const NON_SECRET_VALUES = new Set([
  'string', 'str', 'number', 'int', 'integer', 'bool', 'boolean', 'any', 'object', 'null', 'none', 'nil',
  'undefined', 'true', 'false', 'required', 'optional', 'secret', 'password', 'text', 'hidden', 'env',
  'file', 'vault', 'plain', 'bearer', 'basic', 'oauth', 'oauth2', 'jwt', 'token', 'disabled', 'enabled',
  'md5', 'sha1', 'sha256', 'scram-sha-256', 'bcrypt', 'argon2', 'keyring', 'prompt', 'empty', 'unset',
  'default', 'auto', 'off', 'on', 'yes', 'no', 'void', 'n/a', 'na', 'tbd', 'value', 'apikey', 'api_key',
  'readonly', 'writeonly', 'sensitive', 'masked', 'encrypted', 'base64', 'hex', 'utf8', 'utf-8',
]);

/**
 * Judges the value of a secret-named key. Returns a score, or 0 for values that are code, types,
 * references, templates or placeholders rather than a secret.
 */
export function judgeValue(v: string, kind: number, quoted = true): number {
  const n = v.length;
  if (n < 4 || n > 512) return 0;
  const lower = v.toLowerCase();
  if (NON_SECRET_VALUES.has(lower)) return 0;
  if (isTemplate(v) || isPlaceholder(v)) return 0;
  const c0 = v.charCodeAt(0);
  if (c0 === 47 || c0 === 126 || (c0 === 46 && v.charCodeAt(1) === 47)) return 0; // a path
  if (v.includes('://') || v.includes('(') || v.includes(')')) return 0;
  if (/^[A-Za-z_$][\w$]*(?:[?!]?\.[A-Za-z_$][\w$]*)+$/.test(v)) return 0; // dotted reference
  if (/^[A-Za-z]+(?: [A-Za-z]+)*$/.test(v) && (quotedProse(v) || !quoted)) return 0; // an identifier, a type or prose
  if (/password|secret|token|apikey|api_key|passwd/i.test(v)) return 0; // a value that names itself
  if (/^(?:secret|password|pass|passw0rd|test|demo|example|admin|changeme|letmein|qwerty|sample|default)[-_.]?\d{0,6}$/i.test(v)) return 0;
  if (/^[A-Z][A-Z0-9_]{2,}$/.test(v) && v.includes('_')) return 0; // another variable's name
  if (isUuid(v)) return 0;
  if (/^\d+$/.test(v) && n < 12) return 0;
  if (/^\d{4}-\d\d-\d\d/.test(v)) return 0; // a date or timestamp
  if (/^v?\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?$/.test(v)) return 0; // a version
  if (/^[a-z]+(?:[-_][a-z]+)*$/.test(v) && n < 20 && kind !== 1) return 0; // a word or slug
  if (longestRepeat(v) > Math.max(3, n / 3)) return 0;
  const h = entropy(v);
  const mix = popcount4(charMix(v));
  if (kind === 1) {
    if (n < 6) return 0;
    if (/\s/.test(v) && n > 64) return 0;
    if (/^[a-z]+$/.test(v) && n < 8) return 0;
    return h >= 3 ? 0.85 : 0.7;
  }
  if (/\s/.test(v)) return 0;
  if (n < 12) return 0;
  if (h < 3.2 || mix < 2) return 0;
  return h >= 4 ? 0.85 : 0.7;
}

/**
 * `KEY = value`, `"key": "value"`, `key: value`, `--key=value` at the keyword hit `at`. The key is
 * extended to its full identifier both ways, then judged with {@link keyKind}; the value with
 * {@link judgeValue}.
 */
const ASSIGN = /[A-Za-z0-9_.-]{0,40}?(\\?["'`]?)[ \t]{0,4}(:=|=>|[:=](?![=>])|\r?\n[ \t]*value[ \t]*:|>)[ \t]{0,4}(?:(\\?["'`])([^"'`\r\n\\]{1,512})\3|([^\s"'`,;\\<>(){}[\]]{1,512}))/y;

/** `--password value` on a command line. */
const CLI_FLAG = /[A-Za-z0-9_.-]{0,40}?[ \t]+(["']?)([^\s"'`;|&<>]{4,512})\1(?![^\s;|&])/y;

function cliFlag(text: string, at: number, ks: number): RawHit | null {
  if (ks < 2 || text.charCodeAt(ks - 1) !== 45 || text.charCodeAt(ks - 2) !== 45) return null;
  CLI_FLAG.lastIndex = at;
  const m = CLI_FLAG.exec(text);
  if (!m) return null;
  let ke = at;
  while (ke < text.length && (isIdent(text.charCodeAt(ke)) || text.charCodeAt(ke) === 45)) ke++;
  const kind = keyKind(text, ks, ke);
  if (kind === 0) return null;
  const value = m[2]!;
  if (value.charCodeAt(0) === 45) return null; // the next flag
  const score = judgeValue(value, kind, m[1] !== '');
  if (score === 0) return null;
  const end = at + m[0].length - m[1]!.length;
  return { type: kind === 1 ? 'generic-password' : 'generic-api-key', start: end - value.length, end, score, detail: 'value of a secret-named command-line flag' };
}

export function assignment(text: string, at: number): RawHit | null {
  let ks = at;
  while (ks > 0 && (isIdent(text.charCodeAt(ks - 1)) || text.charCodeAt(ks - 1) === 45 || text.charCodeAt(ks - 1) === 46)) ks--;
  // `--password` : ks stops after the dashes only if they are not part of the identifier walk.
  let flagStart = ks;
  while (flagStart < at && text.charCodeAt(flagStart) === 45) flagStart++;
  ASSIGN.lastIndex = at;
  const m = ASSIGN.exec(text);
  if (!m) return cliFlag(text, at, flagStart);
  // end of the key: the identifier chars after `at`
  let ke = at;
  while (ke < text.length && (isIdent(text.charCodeAt(ke)) || text.charCodeAt(ke) === 45 || text.charCodeAt(ke) === 46)) ke++;
  const kind = keyKind(text, ks, ke);
  if (kind === 0) return null;
  const after = at + m[0].length;
  // `>` only as the end of an XML start tag: `<password>value</password>`.
  if (m[2] === '>' && (ks === 0 || text.charCodeAt(ks - 1) !== 60 || m[1] !== '')) return null;
  const quoted = m[4] !== undefined;
  const value = quoted ? m[4]! : m[5]!;
  // Unquoted values in code are expressions, not literals; allow them in env/YAML/log style lines.
  if (!quoted && isCodeExpression(text, after)) return null;
  const score = judgeValue(value, kind, quoted);
  if (score === 0) return null;
  const end = quoted ? after - m[3]!.length : after;
  const start = end - value.length;
  return { type: kind === 1 ? 'generic-password' : 'generic-api-key', start, end, score, detail: `value of a secret-named key (${ke - ks} chars key)` };
}

/** Letters and spaces only: a word, a camelCase identifier, a type name or a sentence. */
function quotedProse(v: string): boolean {
  return v.includes(' ') || /[a-z][A-Z]/.test(v) || v.length < 12;
}

function isCodeExpression(text: string, after: number): boolean {
  const c = text.charCodeAt(after);
  return c === 40 || c === 46 || c === 91; // call, member access, index
}
