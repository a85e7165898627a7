/**
 * Sealing of applicants' personal data (name, IIN, phone, e-mail, address): AES-256-GCM with a
 * random 96-bit nonce per record, the key chosen by id so keys can be rotated (old records keep
 * the id of the key that sealed them). Lookups of repeat appeals use keyed hashes (HMAC-SHA256
 * with a key derived from the same secret), never the clear values.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

export interface ApplicantIdentity {
  fullName: string;
  iin?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
}

export class PersonalDataSealer {
  private readonly keys = new Map<string, Buffer>();
  private readonly hashKey: Buffer;

  /**
   * `keyring`: `id:base64key[,id:base64key...]`, the first one seals; each key is 32 bytes.
   */
  constructor(keyring: string) {
    const entries = keyring.split(',').map((entry) => entry.trim()).filter(Boolean);
    if (!entries.length) throw new Error('PERSONAL_DATA_KEYS is empty');
    for (const entry of entries) {
      const [id, encoded] = entry.split(':');
      const key = Buffer.from(encoded ?? '', 'base64');
      if (!id || key.length !== 32) throw new Error(`PERSONAL_DATA_KEYS: entry "${id ?? ''}" must be <id>:<base64 of 32 bytes>`);
      this.keys.set(id, key);
    }
    this.currentId = entries[0].split(':')[0];
    this.hashKey = Buffer.from(hkdfSync('sha256', this.keys.get(this.currentId)!, Buffer.alloc(0), 'seriktes applicant lookup', 32));
  }

  readonly currentId: string;

  seal(identity: ApplicantIdentity): { keyId: string; sealed: Buffer } {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentId)!, nonce);
    const body = Buffer.concat([cipher.update(JSON.stringify(identity), 'utf8'), cipher.final()]);
    return { keyId: this.currentId, sealed: Buffer.concat([nonce, cipher.getAuthTag(), body]) };
  }

  open(keyId: string, sealed: Buffer): ApplicantIdentity {
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`no personal-data key "${keyId}" in PERSONAL_DATA_KEYS`);
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return JSON.parse(Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8')) as ApplicantIdentity;
  }

  /** A keyed hash for finding the same person's appeals without decrypting (null for no value). */
  lookupHash(kind: 'iin' | 'phone', value: string | null | undefined): string | null {
    if (!value) return null;
    return createHmac('sha256', this.hashKey).update(`${kind}:${value}`).digest('base64url');
  }
}
