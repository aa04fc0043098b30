/**
 * Test double standing in for a cloud KMS (AWS KMS / GCP Cloud KMS / Vault transit). It is the only
 * mock in the vault's tests, and exists because no cloud KMS can be reached from a test machine. It
 * behaves like the real services where the vault depends on it: the key never leaves it, and the
 * associated data ("encryption context") must match on decrypt or the call fails.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KmsClient } from '../../src/vault/keys/kms.js';

export class InMemoryKms implements KmsClient {
  readonly service = 'test-kms';
  readonly #key = randomBytes(32);
  calls = { encrypt: 0, decrypt: 0 };
  /** When set, every call fails as an unreachable service would. */
  down = false;

  constructor(readonly keyId: string) {}

  async encrypt(plaintext: Buffer, aad: Buffer): Promise<Buffer> {
    this.calls.encrypt++;
    if (this.down) throw new Error('connect ECONNREFUSED (service unavailable)');
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.#key, iv);
    c.setAAD(aad);
    return Buffer.concat([iv, c.update(plaintext), c.final(), c.getAuthTag()]);
  }

  async decrypt(ciphertext: Buffer, aad: Buffer): Promise<Buffer> {
    this.calls.decrypt++;
    if (this.down) throw new Error('connect ECONNREFUSED (service unavailable)');
    const d = createDecipheriv('aes-256-gcm', this.#key, ciphertext.subarray(0, 12));
    d.setAAD(aad);
    d.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
    try {
      return Buffer.concat([d.update(ciphertext.subarray(12, ciphertext.length - 16)), d.final()]);
    } catch {
      throw new Error('InvalidCiphertextException');
    }
  }
}
