import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new client secret: 32 random bytes (256 bits) from the CSPRNG, base64url, 43 characters. */
export function newClientSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What is stored: the SHA-256 of the secret, not argon2id. argon2id exists to slow the guessing of
 * low-entropy human passwords; a 256-bit random secret cannot be guessed however fast the hash, so
 * a slow hash would add no protection, only cost: every token request would spend 19 MiB and tens
 * of milliseconds, turning the public token endpoint into a lever for denial of service. The same
 * choice as for refresh tokens (refresh-token.ts); NIST SP 800-63B §5.1.1.2 asks for a slow hash
 * only of memorised secrets.
 */
export function clientSecretHash(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** Compares in constant time, so timing tells nothing about how much of a guess was right. */
export function clientSecretMatches(secret: string, storedHash: Buffer): boolean {
  const presented = clientSecretHash(secret);
  return presented.length === storedHash.length && timingSafeEqual(presented, storedHash);
}
