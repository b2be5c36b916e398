/**
 * A short list of passwords that attackers try first, refused when a password is set (NIST SP
 * 800-63B §3.1.1.2: "values known to be commonly-used, expected, or compromised"; NCSC password
 * guidance: "deny lists of the most common passwords"). Only entries of 12 characters or more are
 * listed: anything shorter is refused for its length already. It is a deliberately small, shipped
 * constant, not a breach corpus; checking against a breached-password service (k-anonymity range
 * queries) is the stronger, later step.
 *
 * Compared case-insensitively, after Unicode normalisation (NFC).
 */
export const COMMON_PASSWORDS: readonly string[] = [
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123456789abc',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  '1qaz2wsx3edc4rfv',
  'aaaaaa111111',
  'abc123abc123',
  'abcdefghijkl',
  'administrator',
  'administrator1',
  'changeme1234',
  'changemenow!',
  'iloveyou1234',
  'iloveyouiloveyou',
  'letmein12345',
  'letmeinletmein',
  'monkey123456',
  'password1234',
  'password12345',
  'password123!',
  'password2024',
  'password2025',
  'password2026',
  'password2027',
  'passwordpassword',
  'p@ssw0rd1234',
  'p@ssword1234',
  'qwerty123456',
  'qwertyqwerty',
  'qwertyuiop12',
  'qwertyuiop123',
  'qwertyuiopasdf',
  'qwertyuiopasdfghjkl',
  'trustno1trustno1',
  'welcome12345',
  'welcome123456',
  'welcomewelcome',
  'zaq12wsxcde3',
  'zxcvbnm12345',
  'zxcvbnmasdfghjkl',
  'letmein2026!',
  'summer2026!!',
  'winter2026!!',
  'autumn2026!!',
  'spring2026!!',
  'football1234',
  'baseball1234',
  'sunshine1234',
  'princess1234',
  'dragon123456',
  'master123456',
  'superman1234',
  'starwars1234',
  'liverpool123',
  'liverpool1234',
  'arsenal12345',
  'chelsea12345',
  'manchester123',
  'gasgasgasgas',
  'gasmeter1234',
];

const COMMON = new Set(COMMON_PASSWORDS.map((password) => password.normalize('NFC').toLowerCase()));

export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.normalize('NFC').toLowerCase());
}
