import { createHash, randomBytes } from 'node:crypto';

/** A new refresh token: 32 random bytes (256 bits), base64url, 43 characters. */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What is stored and looked up: the SHA-256 of the token. A fast hash is enough here (unlike for
 * passwords) because the token is 256 random bits, far beyond guessing.
 */
export function refreshTokenHash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
