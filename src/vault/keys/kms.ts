/**
 * Adapter for an external key-management service (HashiCorp Vault transit, AWS KMS, GCP Cloud KMS).
 * The KEK never leaves the service: the vault sends the 32-byte data key to be encrypted and gets an
 * opaque blob back. The associated data is passed as the service's own binding mechanism (AWS
 * "encryption context", GCP "additionalAuthenticatedData", Vault transit "associated_data"), so a
 * wrapped key moved to another secret fails to unwrap there too.
 *
 * To add a service, implement {@link KmsClient} over its SDK; nothing else changes.
 */
import { VaultError } from '../errors.js';
import type { KeyProvider, WrappedKey } from './types.js';

export interface KmsClient {
  /** Short name of the service, e.g. `aws-kms`, `gcp-kms`, `vault-transit`. */
  readonly service: string;
  /** Key identifier in the service (ARN, resource name, transit key name). */
  readonly keyId: string;
  encrypt(plaintext: Buffer, aad: Buffer): Promise<Buffer>;
  decrypt(ciphertext: Buffer, aad: Buffer): Promise<Buffer>;
}

/**
 * Failure contract: any error from the service becomes `VaultError('kms-failure')` (with the service
 * and key id, never key material); an unwrapped key of the wrong length is refused.
 */
export class KmsKeyProvider implements KeyProvider {
  readonly id: string;
  constructor(private readonly client: KmsClient) {
    this.id = `kms:${client.service}:${client.keyId}`;
  }

  async wrap(dataKey: Buffer, aad: Buffer): Promise<WrappedKey> {
    try {
      return { kekId: this.id, data: await this.client.encrypt(dataKey, aad) };
    } catch (err) {
      throw new VaultError('kms-failure', `${this.client.service} key '${this.client.keyId}' refused to wrap a data key: ${(err as Error).message}`, undefined, { cause: err });
    }
  }

  async unwrap(wrapped: WrappedKey, aad: Buffer): Promise<Buffer> {
    if (wrapped.kekId !== this.id) throw new VaultError('wrong-key', `wrapped by key '${wrapped.kekId}', not by '${this.id}'`);
    let key: Buffer;
    try {
      key = await this.client.decrypt(wrapped.data, aad);
    } catch (err) {
      throw new VaultError('kms-failure', `${this.client.service} key '${this.client.keyId}' refused to unwrap the data key (tampered, wrong associated data, or service failure): ${(err as Error).message}`, undefined, { cause: err });
    }
    if (key.length !== 32) {
      key.fill(0);
      throw new VaultError('tampered', `${this.client.service} returned a data key of ${key.length} bytes`);
    }
    return key;
  }
}
