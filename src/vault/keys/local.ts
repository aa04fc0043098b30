/**
 * A KEK held in this process's memory (loaded from a key file or an environment variable). Data keys
 * are wrapped with AES-256-GCM under the KEK: version byte 0x01, 12-byte random nonce, 32-byte
 * wrapped key, 16-byte tag. Random nonces are safe here because a KEK wraps one key per secret
 * version — far below the 2^32 messages where random 96-bit nonces start to risk a collision.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { VaultError } from '../errors.js';
import type { KeyProvider, WrappedKey } from './types.js';

export const KEK_BYTES = 32;
const FORMAT_V1 = 0x01;
const WRAPPED_BYTES = 1 + 12 + 32 + 16;

/**
 * Identifier of a local KEK: a truncated HMAC of a fixed label under the key. It identifies the key
 * without revealing anything usable about it (recovering the key from it means breaking HMAC-SHA256).
 */
export function localKekId(kind: string, kek: Buffer): string {
  const fp = createHmac('sha256', kek).update('airlock-vault/kek-id/v1').digest('hex').slice(0, 24);
  return `${kind}:${fp}`;
}

export class LocalKeyProvider implements KeyProvider {
  readonly id: string;
  readonly #kek: Buffer;

  /** Takes a copy of `kek`; the caller may zero its own buffer afterwards. */
  constructor(kind: 'file' | 'env', kek: Buffer) {
    if (kek.length !== KEK_BYTES) {
      throw new VaultError('key-unusable', `a ${kind} key-encryption key must be exactly ${KEK_BYTES} bytes, got ${kek.length}`);
    }
    this.#kek = Buffer.from(kek);
    this.id = localKekId(kind, this.#kek);
  }

  async wrap(dataKey: Buffer, aad: Buffer): Promise<WrappedKey> {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#kek, nonce, { authTagLength: 16 });
    cipher.setAAD(aad);
    const data = Buffer.concat([Buffer.of(FORMAT_V1), nonce, cipher.update(dataKey), cipher.final(), cipher.getAuthTag()]);
    return { kekId: this.id, data };
  }

  async unwrap(wrapped: WrappedKey, aad: Buffer): Promise<Buffer> {
    if (wrapped.kekId !== this.id) {
      throw new VaultError('wrong-key', `wrapped by key '${wrapped.kekId}', not by '${this.id}'`);
    }
    const d = wrapped.data;
    if (d.length !== WRAPPED_BYTES || d[0] !== FORMAT_V1) {
      throw new VaultError('tampered', 'the wrapped data key has an unknown format or length (corrupted or tampered)');
    }
    const decipher = createDecipheriv('aes-256-gcm', this.#kek, d.subarray(1, 13), { authTagLength: 16 });
    decipher.setAAD(aad);
    decipher.setAuthTag(d.subarray(45));
    const head = decipher.update(d.subarray(13, 45));
    try {
      const tail = decipher.final();
      return Buffer.concat([head, tail]);
    } catch (err) {
      throw new VaultError('tampered', 'the wrapped data key or its associated data failed authentication (tampered, or moved to another name, tenant or version)', undefined, { cause: err });
    } finally {
      head.fill(0);
    }
  }

  /** Drops the key from memory. The provider cannot be used afterwards. */
  destroy(): void {
    this.#kek.fill(0);
  }
}
