import { randomBytes } from 'node:crypto';
import { Algorithm, hash, verify, type Options } from '@node-rs/argon2';
import type { PasswordHashing } from '../application/password-hashing.port';

/**
 * argon2id with the OWASP Password Storage Cheat Sheet's first recommended setting (19 MiB, two
 * passes, one lane). Each hash records its parameters, so raising them later still verifies old
 * hashes.
 */
const ARGON2ID: Options = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 };

/**
 * Unicode passwords are compared in one normal form (NIST SP 800-63B §5.1.1.2), so the same
 * passphrase typed on two keyboards gives the same hash.
 */
function normalise(password: string): string {
  return password.normalize('NFC');
}

export class PasswordHasher implements PasswordHashing {
  private constructor(private readonly dummyHash: string) {}

  /** Builds the hasher and its dummy hash, a hash of a random secret nobody knows. */
  static async create(): Promise<PasswordHasher> {
    return new PasswordHasher(await hash(randomBytes(32).toString('base64url'), ARGON2ID));
  }

  hash(password: string): Promise<string> {
    return hash(normalise(password), ARGON2ID);
  }

  /**
   * Whether the password matches. With no stored hash (unknown user) it verifies against the dummy
   * hash anyway and answers false, so a sign-in for a user id that does not exist takes as long as
   * one for a user that does: response time does not tell which user ids exist.
   */
  async verify(storedHash: string | undefined, password: string): Promise<boolean> {
    const matches = await verify(storedHash ?? this.dummyHash, normalise(password)).catch(() => false);
    return storedHash !== undefined && matches;
  }
}
