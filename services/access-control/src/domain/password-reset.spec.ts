import { isResetTokenUsable, mayEmailResetAgain, resetTokenExpiry } from './password-reset';

const now = new Date('2026-11-23T10:00:00Z');

describe('password reset tokens', () => {
  it('expire the configured minutes after they are issued', () => {
    expect(resetTokenExpiry(now, 30).toISOString()).toBe('2026-11-23T10:30:00.000Z');
  });

  it('can be spent once, before they expire', () => {
    expect(isResetTokenUsable({ expiresAt: resetTokenExpiry(now, 30), usedAt: null }, now)).toBe(true);
    expect(isResetTokenUsable({ expiresAt: resetTokenExpiry(now, 30), usedAt: now }, now)).toBe(false);
    expect(isResetTokenUsable({ expiresAt: now, usedAt: null }, now)).toBe(false);
  });

  it('are emailed at most once per interval per user', () => {
    expect(mayEmailResetAgain(null, now, 60)).toBe(true);
    expect(mayEmailResetAgain(new Date(now.getTime() - 59_000), now, 60)).toBe(false);
    expect(mayEmailResetAgain(new Date(now.getTime() - 60_000), now, 60)).toBe(true);
  });
});
