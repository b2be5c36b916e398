import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { JWK } from 'jose';

/** A private signing key as stored: AES-256-GCM under SIGNING_KEY_ENCRYPTION_KEY, bound to its kid. */
export interface SealedJwk {
  enc: 'A256GCM';
  iv: string;
  ciphertext: string;
  tag: string;
}

export function isSealed(value: unknown): value is SealedJwk {
  return typeof value === 'object' && value !== null && (value as { enc?: unknown }).enc === 'A256GCM';
}

/**
 * Seals the private halves of the token-signing keys before they reach the database, so that a copy
 * of the database (a backup, a replica, a leaked dump) cannot sign tokens. The key that seals them
 * comes from the environment (a secret of the deployment), never from the database. The kid is the
 * authenticated associated data: a sealed key copied onto another row does not open.
 */
export class SigningKeyCipher {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new RangeError('the signing-key encryption key must be 32 bytes');
  }

  seal(kid: string, jwk: JWK): SealedJwk {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(kid, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(jwk), 'utf8'), cipher.final()]);
    return { enc: 'A256GCM', iv: iv.toString('base64url'), ciphertext: ciphertext.toString('base64url'), tag: cipher.getAuthTag().toString('base64url') };
  }

  /** The private key; throws when the encryption key, the kid or the stored bytes are not the ones it was sealed with. */
  open(kid: string, sealed: SealedJwk): JWK {
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(sealed.iv, 'base64url'));
    decipher.setAAD(Buffer.from(kid, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64url'));
    const plaintext = Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64url')), decipher.final()]);
    return JSON.parse(plaintext.toString('utf8')) as JWK;
  }
}
