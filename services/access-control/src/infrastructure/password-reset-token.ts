import { createHash, randomBytes } from 'node:crypto';

/** A new password-reset token: 32 random bytes (256 bits), base64url, 43 characters. */
export function newPasswordResetToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored and looked up: the SHA-256 of the token (256 random bits need no slow hash). */
export function passwordResetTokenHash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
