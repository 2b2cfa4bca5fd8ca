import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Field encryption for personal data (ID numbers, phones, addresses):
 * AES-256-GCM with a random IV per value, and a keyed hash ("blind index")
 * where a value must be found or de-duplicated without decrypting.
 */
export class FieldCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;
  /**
   * Names the key without revealing it: stored in the database, it lets a
   * start with another key be refused before anything is served or written.
   */
  readonly fingerprint: string;

  constructor(secret: Buffer) {
    if (secret.length < 32) throw new Error('GONGJIAN_SECRET_KEY 至少 32 字节 (must be at least 32 bytes, base64)');
    this.encKey = createHmac('sha256', secret).update('gongjian/encrypt').digest();
    this.macKey = createHmac('sha256', secret).update('gongjian/index').digest();
    this.fingerprint = createHmac('sha256', secret).update('gongjian/fingerprint').digest('base64url');
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.encKey, iv);
    const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return `v1:${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')}`;
  }

  decrypt(sealed: string): string {
    if (!sealed.startsWith('v1:')) throw new Error('unknown ciphertext version');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    const d = createDecipheriv('aes-256-gcm', this.encKey, raw.subarray(0, 12));
    d.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
  }

  blindIndex(plain: string): string {
    return createHmac('sha256', this.macKey).update(plain).digest('base64url');
  }
}

export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

export function maskIdNumber(id: string): string {
  return id.length >= 8 ? `${id.slice(0, 4)}**********${id.slice(-4)}` : '****';
}

/** The district and street stay readable; the rest is hidden. */
export function maskAddress(address: string): string {
  return address.length > 6 ? `${address.slice(0, 6)}****` : '****';
}
