import type { UserStatus } from './user-account';

/**
 * Repeated failed sign-ins lock the account for a while (docs/quality.md "Security"), which caps
 * online password guessing at `maxConsecutiveFailures` attempts per `lockoutMinutes` per account.
 * Both numbers are configuration (LOCKOUT_THRESHOLD, LOCKOUT_MINUTES).
 */
export interface LockoutPolicy {
  maxConsecutiveFailures: number;
  lockoutMinutes: number;
}

/** What the account remembers between sign-in attempts. */
export interface SignInCounters {
  failedSignIns: number;
  lockedUntil: Date | null;
}

export interface SignInSubject extends SignInCounters {
  status: UserStatus;
}

export type SignInRejection = 'SUSPENDED' | 'LOCKED' | 'WRONG_PASSWORD';

export type SignInDecision =
  | { accepted: true; next: SignInCounters }
  | { accepted: false; reason: SignInRejection; next: SignInCounters; lockedNow: boolean };

export function isLocked(counters: SignInCounters, now: Date): boolean {
  return counters.lockedUntil !== null && counters.lockedUntil.getTime() > now.getTime();
}

/**
 * Decides one sign-in attempt, given whether the password matched.
 *
 * - A suspended account is refused and nothing is counted.
 * - A locked account is refused even with the right password; attempts while locked neither count
 *   nor extend the lock, so an attacker cannot keep a user locked out for longer than one period
 *   by guessing every few minutes.
 * - A wrong password counts; the failure that reaches the threshold locks the account and starts
 *   the count again, so after the lock expires the user has the full number of attempts again.
 * - The right password clears the count and any expired lock.
 */
export function decideSignIn(
  subject: SignInSubject,
  passwordMatches: boolean,
  now: Date,
  policy: LockoutPolicy,
): SignInDecision {
  const unchanged: SignInCounters = { failedSignIns: subject.failedSignIns, lockedUntil: subject.lockedUntil };
  if (subject.status !== 'ACTIVE') return { accepted: false, reason: 'SUSPENDED', next: unchanged, lockedNow: false };
  if (isLocked(subject, now)) return { accepted: false, reason: 'LOCKED', next: unchanged, lockedNow: false };
  if (passwordMatches) return { accepted: true, next: { failedSignIns: 0, lockedUntil: null } };

  const failedSignIns = subject.failedSignIns + 1;
  if (failedSignIns >= policy.maxConsecutiveFailures) {
    const lockedUntil = new Date(now.getTime() + policy.lockoutMinutes * 60_000);
    return { accepted: false, reason: 'WRONG_PASSWORD', next: { failedSignIns: 0, lockedUntil }, lockedNow: true };
  }
  return { accepted: false, reason: 'WRONG_PASSWORD', next: { failedSignIns, lockedUntil: subject.lockedUntil }, lockedNow: false };
}
