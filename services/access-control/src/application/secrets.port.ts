/**
 * Port: the random secrets this service hands out once (refresh tokens, password-reset tokens,
 * client secrets, temporary passwords) and the fast hashes under which the high-entropy ones are
 * kept and looked up.
 */
export interface Secrets {
  newRefreshToken(): string;
  refreshTokenHash(token: string): Buffer;
  newPasswordResetToken(): string;
  passwordResetTokenHash(token: string): Buffer;
  newClientSecret(): string;
  clientSecretHash(secret: string): Buffer;
  /** Compares in constant time. */
  clientSecretMatches(secret: string, storedHash: Buffer): boolean;
  /** A one-time password for a new user, one the password policy accepts. */
  newTemporaryPassword(userId: string): string;
}

export const SECRETS = Symbol('SECRETS');
