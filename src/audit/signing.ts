/**
 * The Ed25519 key that signs audit checkpoints, kept in $AIRLOCK_HOME/audit-signing.key (PKCS#8
 * PEM, mode 0600). Anyone holding the public key can check that a chain was not rewritten after a
 * checkpoint was signed, even by someone who can write the database.
 *
 * Every gateway replica that shares a PostgreSQL database should be given the same key file, or
 * verify must be told each replica's public key.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkpointMessage } from './chain.js';

export const SIGNING_KEY_FILE = 'audit-signing.key';
export const AUDIT_SALT_FILE = 'audit-salt';

export interface AuditSigner {
  keyId: string;
  publicKeyPem: string;
  sign(tenant: string, seq: number, hash: string): string;
}

/** SHA-256 (hex) of the public key's SPKI DER encoding. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

export function signerFromPrivateKey(privateKey: KeyObject): AuditSigner {
  const publicKey = createPublicKey(privateKey);
  return {
    keyId: keyIdOf(publicKey),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    sign: (tenant, seq, hash) => sign(null, checkpointMessage(tenant, seq, hash), privateKey).toString('base64'),
  };
}

export function verifyCheckpointSignature(
  publicKey: KeyObject,
  c: { tenant: string; seq: number; hash: string; signature: string },
): boolean {
  try {
    return verify(null, checkpointMessage(c.tenant, c.seq, c.hash), publicKey, Buffer.from(c.signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * Reads a secret file, creating it with `create()` if missing. Creation is atomic (write to a
 * private temp file, then hard-link into place), so processes starting together agree on one value.
 *
 * Failure contract: throws when the file exists but is readable by group or others, rather than use a
 * secret someone else may have copied.
 */
function loadOrCreateSecretFile(home: string, name: string, create: () => string): string {
  const file = join(home, name);
  mkdirSync(home, { recursive: true, mode: 0o700 });
  try {
    const mode = statSync(file).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      throw new Error(`${file} is readable by other users (mode ${mode.toString(8)}); run: chmod 600 ${file}`);
    }
    return readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(tmp, create(), { mode: 0o600, flag: 'wx' });
  chmodSync(tmp, 0o600);
  try {
    linkSync(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    unlinkSync(tmp);
  }
  return readFileSync(file, 'utf8');
}

/** The installation's checkpoint signer, creating the key on first use. */
export function loadOrCreateSigner(home: string): AuditSigner {
  const pem = loadOrCreateSecretFile(home, SIGNING_KEY_FILE, () =>
    generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  );
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${join(home, SIGNING_KEY_FILE)} is not an Ed25519 key`);
  return signerFromPrivateKey(key);
}

/** The public key of the local signing key, or null when none was created yet. */
export function loadLocalPublicKey(home: string): KeyObject | null {
  let pem: string;
  try {
    pem = readFileSync(join(home, SIGNING_KEY_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  return createPublicKey(createPrivateKey(pem));
}

/** The salt for hashing matched values in findings (see findings.ts), created on first use. */
export function loadOrCreateAuditSalt(home: string): string {
  return loadOrCreateSecretFile(home, AUDIT_SALT_FILE, () => randomBytes(32).toString('hex')).trim();
}
