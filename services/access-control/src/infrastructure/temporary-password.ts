import { randomBytes } from 'node:crypto';
import { passwordPolicyViolations } from '../domain/password-policy';

/**
 * A one-time password the LSO hands to a new user: 18 random bytes (144 bits), base64url, 24
 * characters. It is only good for signing in once to choose a password of one's own (the user is
 * marked must-change-password). Drawn again in the unlikely case it breaks the policy.
 */
export function newTemporaryPassword(userId: string): string {
  for (;;) {
    const candidate = randomBytes(18).toString('base64url');
    if (passwordPolicyViolations(candidate, userId).length === 0) return candidate;
  }
}
