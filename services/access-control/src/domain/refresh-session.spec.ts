import { decideRefresh, rotatedExpiry, sessionExpiry } from './refresh-session';

const now = new Date('2026-11-23T10:00:00Z');

describe('refresh sessions', () => {
  it('rotates a live token', () => {
    expect(decideRefresh({ expiresAt: new Date(now.getTime() + 1000), revokedAt: null }, now)).toBe('ROTATE');
  });

  it('treats a token that was already replaced or revoked as reuse', () => {
    expect(decideRefresh({ expiresAt: new Date(now.getTime() + 1000), revokedAt: now }, now)).toBe('REUSED');
  });

  it('refuses an expired token', () => {
    expect(decideRefresh({ expiresAt: now, revokedAt: null }, now)).toBe('EXPIRED');
  });

  it('ends a session the configured hours after sign-in, however often it is refreshed', () => {
    const expiresAt = sessionExpiry(now, 12);
    expect(expiresAt.toISOString()).toBe('2026-11-23T22:00:00.000Z');
    expect(rotatedExpiry({ expiresAt })).toBe(expiresAt);
  });
});
