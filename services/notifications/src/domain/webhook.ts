import { ALERTING_EVENT_TYPES } from './alert-rules';

/** The lifecycle events a partner system may have delivered to its endpoint (the ones that make alerts). */
export const WEBHOOK_EVENT_TYPES: readonly string[] = ALERTING_EVENT_TYPES;

/** PD: how deliveries are retried (settings WEBHOOK_*). */
export interface RetryPolicy {
  firstRetrySeconds: number;
  maxRetrySeconds: number;
  /** A delivery still failing this long after its first attempt is given up, and its endpoint disabled. */
  retryForHours: number;
}

/**
 * When a failed delivery is tried again: exponential backoff (the first retry after
 * `firstRetrySeconds`, each wait twice the last, at most `maxRetrySeconds`), for `retryForHours`
 * after the first attempt; null once that is past (the delivery is given up).
 */
export function nextAttemptAt(firstAttemptAt: Date, failedAttempts: number, now: Date, policy: RetryPolicy): Date | null {
  const wait = Math.min(policy.firstRetrySeconds * 2 ** Math.max(failedAttempts - 1, 0), policy.maxRetrySeconds) * 1000;
  const next = new Date(now.getTime() + wait);
  const giveUpAt = firstAttemptAt.getTime() + policy.retryForHours * 3_600_000;
  if (now.getTime() >= giveUpAt) return null;
  return next.getTime() > giveUpAt ? new Date(giveUpAt) : next;
}

/** A 2xx answer is a delivery; anything else (or none) is a failure to retry. */
export function isDelivered(status: number | null): boolean {
  return status !== null && status >= 200 && status < 300;
}
