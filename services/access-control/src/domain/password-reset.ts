/**
 * A forgotten-password reset (OWASP Forgot Password Cheat Sheet): a single-use random token sent
 * to the user's email address, valid for a short while. Only its hash is stored.
 */
export interface PasswordResetToken {
  userId: string;
  expiresAt: Date;
  usedAt: Date | null;
}

export function resetTokenExpiry(now: Date, ttlMinutes: number): Date {
  return new Date(now.getTime() + ttlMinutes * 60_000);
}

/** A token can be spent once, before it expires. */
export function isResetTokenUsable(token: Pick<PasswordResetToken, 'expiresAt' | 'usedAt'>, now: Date): boolean {
  return token.usedAt === null && token.expiresAt.getTime() > now.getTime();
}

/**
 * Whether another reset email may go to this user now: at most one per interval per user id, so
 * the anonymous route cannot be used to flood a mailbox.
 */
export function mayEmailResetAgain(lastRequestedAt: Date | null, now: Date, intervalSeconds: number): boolean {
  return lastRequestedAt === null || now.getTime() - lastRequestedAt.getTime() >= intervalSeconds * 1000;
}
