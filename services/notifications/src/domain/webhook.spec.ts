import { isDelivered, nextAttemptAt } from './webhook';

const policy = { firstRetrySeconds: 30, maxRetrySeconds: 3_600, retryForHours: 24 };
const first = new Date('2026-12-01T09:00:00Z');
const after = (seconds: number) => new Date(first.getTime() + seconds * 1000);

describe('webhook retries', () => {
  it('waits twice as long after each failure, at most the cap', () => {
    expect(nextAttemptAt(first, 1, first, policy)).toEqual(after(30));
    expect(nextAttemptAt(first, 2, after(30), policy)).toEqual(after(90));
    expect(nextAttemptAt(first, 3, after(90), policy)).toEqual(after(210));
    expect(nextAttemptAt(first, 20, after(7_200), policy)).toEqual(after(10_800));
  });

  it('tries for a day after the first attempt, the last try at the day’s end, then gives up', () => {
    expect(nextAttemptAt(first, 30, after(86_000), policy)).toEqual(after(86_400));
    expect(nextAttemptAt(first, 31, after(86_400), policy)).toBeNull();
  });

  it('counts a 2xx answer as delivered, anything else or no answer as a failure', () => {
    expect([200, 204, 299].map(isDelivered)).toEqual([true, true, true]);
    expect([null, 199, 301, 410, 500].map(isDelivered)).toEqual([false, false, false, false, false]);
  });
});
