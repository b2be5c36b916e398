import { isCommonPassword } from './common-passwords';

/**
 * What a new password must be, following NCSC and NIST SP 800-63B guidance: length matters,
 * composition rules do not; long passphrases and any Unicode are welcome. Applied whenever a user
 * chooses a password (password change, password reset), never at sign-in; temporary passwords are
 * random and long enough by construction.
 */
export const PASSWORD_MIN_LENGTH = 12;
/** Longest password accepted anywhere; bounds the work of hashing an attacker's input. */
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordPolicyViolation = 'TOO_SHORT' | 'TOO_LONG' | 'CONTAINS_USER_ID' | 'ONE_REPEATED_CHARACTER' | 'COMMON_PASSWORD';

const MESSAGES: Record<PasswordPolicyViolation, string> = {
  TOO_SHORT: `must be at least ${PASSWORD_MIN_LENGTH} characters long`,
  TOO_LONG: `must be at most ${PASSWORD_MAX_LENGTH} characters long`,
  CONTAINS_USER_ID: 'must not contain the user id',
  ONE_REPEATED_CHARACTER: 'must not be one character repeated',
  COMMON_PASSWORD: 'is one of the most commonly used passwords; choose another, for example three random words',
};

export function passwordPolicyMessage(violation: PasswordPolicyViolation): string {
  return `The password ${MESSAGES[violation]}.`;
}

/** Every rule the password breaks (empty when it is acceptable). Lengths count characters, not UTF-16 units. */
export function passwordPolicyViolations(password: string, userId: string): PasswordPolicyViolation[] {
  const normalised = password.normalize('NFC');
  const length = [...normalised].length;
  const violations: PasswordPolicyViolation[] = [];
  if (length < PASSWORD_MIN_LENGTH) violations.push('TOO_SHORT');
  if (length > PASSWORD_MAX_LENGTH) violations.push('TOO_LONG');
  if (userId.length > 0 && normalised.toLowerCase().includes(userId.toLowerCase())) violations.push('CONTAINS_USER_ID');
  if (length > 0 && new Set(normalised).size === 1) violations.push('ONE_REPEATED_CHARACTER');
  if (isCommonPassword(normalised)) violations.push('COMMON_PASSWORD');
  return violations;
}
