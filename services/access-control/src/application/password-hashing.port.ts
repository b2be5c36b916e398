/** Port: the slow hash of memorised secrets (passwords). */
export interface PasswordHashing {
  hash(password: string): Promise<string>;
  /**
   * Whether the password matches. With no stored hash (unknown user) it still spends the time of a
   * verification and answers false, so response time does not tell which user ids exist.
   */
  verify(storedHash: string | undefined, password: string): Promise<boolean>;
}

export const PASSWORD_HASHING = Symbol('PASSWORD_HASHING');
