import { passwordPolicyMessage, passwordPolicyViolations } from './password-policy';

describe('password policy', () => {
  it('accepts a long passphrase without composition rules', () => {
    expect(passwordPolicyViolations('correct horse battery staple', 'bwe.user')).toEqual([]);
  });

  it('refuses a password shorter than 12 characters', () => {
    expect(passwordPolicyViolations('Sh0rt!pass', 'bwe.user')).toEqual(['TOO_SHORT']);
  });

  it('counts characters, not UTF-16 code units', () => {
    // Eleven emoji are 22 UTF-16 units but only 11 characters.
    expect(passwordPolicyViolations('🔥'.repeat(6) + '🌊'.repeat(5), 'x')).toEqual(['TOO_SHORT']);
  });

  it('refuses a password longer than 256 characters', () => {
    expect(passwordPolicyViolations('ab'.repeat(129), 'bwe.user')).toEqual(['TOO_LONG']);
  });

  it('refuses a password that contains the user id, whatever the case', () => {
    expect(passwordPolicyViolations('my-BWE.USER-password', 'bwe.user')).toEqual(['CONTAINS_USER_ID']);
  });

  it('refuses one character repeated', () => {
    expect(passwordPolicyViolations('aaaaaaaaaaaaaaaa', 'bwe.user')).toEqual(['ONE_REPEATED_CHARACTER']);
  });

  it('refuses a commonly used password, whatever the case', () => {
    expect(passwordPolicyViolations('Password1234', 'bwe.user')).toEqual(['COMMON_PASSWORD']);
    expect(passwordPolicyViolations('QWERTY123456', 'bwe.user')).toEqual(['COMMON_PASSWORD']);
  });

  it('explains each violation in plain English', () => {
    expect(passwordPolicyMessage('TOO_SHORT')).toBe('The password must be at least 12 characters long.');
  });
});
