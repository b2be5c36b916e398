import type { PasswordResetToken } from '../domain/password-reset';

/** Port: the password-reset tokens, kept as hashes. Inside `Transactions.run` every method takes part in the transaction. */
export interface PasswordResetTokens {
  /** Stores a new token; any earlier unspent token of the user is spent, so only the latest email works. */
  replace(userId: string, tokenHash: Buffer, expiresAt: Date, now: Date): Promise<void>;
  find(tokenHash: Buffer): Promise<PasswordResetToken | undefined>;
  /** The token with this hash, its row locked until the transaction ends: two uses at once take turns. */
  findForUpdate(tokenHash: Buffer): Promise<PasswordResetToken | undefined>;
  /** Spends every unspent token of the user (the one used, and any other outstanding). */
  spendAll(userId: string, now: Date): Promise<void>;
}

export const PASSWORD_RESET_TOKENS = Symbol('PASSWORD_RESET_TOKENS');
