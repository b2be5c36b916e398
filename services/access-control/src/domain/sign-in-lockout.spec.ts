import { decideSignIn, isLocked, type LockoutPolicy, type SignInSubject } from './sign-in-lockout';

const policy: LockoutPolicy = { maxConsecutiveFailures: 5, lockoutMinutes: 15 };
const now = new Date('2026-11-23T10:00:00Z');
const minutesFromNow = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const active = (overrides: Partial<SignInSubject> = {}): SignInSubject => ({
  status: 'ACTIVE',
  failedSignIns: 0,
  lockedUntil: null,
  ...overrides,
});

describe('sign-in lockout', () => {
  it('accepts the right password and clears earlier failures', () => {
    const decision = decideSignIn(active({ failedSignIns: 4 }), true, now, policy);
    expect(decision).toEqual({ accepted: true, next: { failedSignIns: 0, lockedUntil: null } });
  });

  it('counts a wrong password without locking below the threshold', () => {
    const decision = decideSignIn(active({ failedSignIns: 3 }), false, now, policy);
    expect(decision).toEqual({
      accepted: false,
      reason: 'WRONG_PASSWORD',
      next: { failedSignIns: 4, lockedUntil: null },
      lockedNow: false,
    });
  });

  it('locks the account on the fifth consecutive failure for the configured minutes', () => {
    let subject = active();
    const decisions = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      const decision = decideSignIn(subject, false, now, policy);
      decisions.push(decision);
      subject = { ...subject, ...decision.next };
    }
    expect(decisions.slice(0, 4).every((d) => !d.accepted && !d.lockedNow)).toBe(true);
    expect(decisions[4]).toEqual({
      accepted: false,
      reason: 'WRONG_PASSWORD',
      next: { failedSignIns: 0, lockedUntil: minutesFromNow(15) },
      lockedNow: true,
    });
    expect(isLocked(subject, now)).toBe(true);
  });

  it('refuses the right password while locked, without counting or extending the lock', () => {
    const locked = active({ lockedUntil: minutesFromNow(10) });
    expect(decideSignIn(locked, true, now, policy)).toEqual({
      accepted: false,
      reason: 'LOCKED',
      next: { failedSignIns: 0, lockedUntil: minutesFromNow(10) },
      lockedNow: false,
    });
    expect(decideSignIn(locked, false, now, policy)).toMatchObject({ reason: 'LOCKED', next: { lockedUntil: minutesFromNow(10) } });
  });

  it('accepts the right password once the lock has expired', () => {
    const expired = active({ lockedUntil: minutesFromNow(-1) });
    expect(isLocked(expired, now)).toBe(false);
    expect(decideSignIn(expired, true, now, policy)).toEqual({ accepted: true, next: { failedSignIns: 0, lockedUntil: null } });
  });

  it('gives the full number of attempts again after a lock expires', () => {
    const expired = active({ lockedUntil: minutesFromNow(-1) });
    const decision = decideSignIn(expired, false, now, policy);
    expect(decision).toMatchObject({ accepted: false, lockedNow: false, next: { failedSignIns: 1 } });
  });

  it('refuses a suspended user even with the right password and counts nothing', () => {
    const suspended = active({ status: 'SUSPENDED', failedSignIns: 2 });
    expect(decideSignIn(suspended, true, now, policy)).toEqual({
      accepted: false,
      reason: 'SUSPENDED',
      next: { failedSignIns: 2, lockedUntil: null },
      lockedNow: false,
    });
  });

  it('follows a different configured threshold', () => {
    const strict: LockoutPolicy = { maxConsecutiveFailures: 3, lockoutMinutes: 60 };
    const decision = decideSignIn(active({ failedSignIns: 2 }), false, now, strict);
    expect(decision).toMatchObject({ lockedNow: true, next: { lockedUntil: minutesFromNow(60) } });
  });
});
