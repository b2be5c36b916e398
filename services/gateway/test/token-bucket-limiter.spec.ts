import { TokenBucketLimiter } from '../src/rate-limit/token-bucket-limiter';

describe('TokenBucketLimiter', () => {
  const start = 1_000_000;

  it('lets a burst through, then refuses with the whole seconds until the next token', () => {
    const limiter = new TokenBucketLimiter({ perMinute: 60, burst: 3 });

    const answers = [1, 2, 3, 4].map(() => limiter.take('organisation:a', start));

    expect(answers.map((answer) => answer.allowed)).toEqual([true, true, true, false]);
    expect(answers.map((answer) => answer.remaining)).toEqual([2, 1, 0, 0]);
    expect(answers[3]).toEqual({ allowed: false, limit: 3, remaining: 0, retryAfterSeconds: 1 });
  });

  it('refills at the sustained rate, never above the burst', () => {
    const limiter = new TokenBucketLimiter({ perMinute: 6, burst: 2 });
    limiter.take('k', start);
    limiter.take('k', start);

    const tooSoon = limiter.take('k', start + 5_000);
    const afterTenSeconds = limiter.take('k', start + 10_000);
    const afterAnHour = [limiter.take('k', start + 3_600_000), limiter.take('k', start + 3_600_000), limiter.take('k', start + 3_600_000)];

    expect(tooSoon).toEqual({ allowed: false, limit: 2, remaining: 0, retryAfterSeconds: 5 });
    expect(afterTenSeconds.allowed).toBe(true);
    expect(afterAnHour.map((answer) => answer.allowed)).toEqual([true, true, false]);
  });

  it('keeps one organisation over its limit from using another’s allowance', () => {
    const limiter = new TokenBucketLimiter({ perMinute: 60, burst: 1 });

    limiter.take('organisation:a', start);

    expect(limiter.take('organisation:a', start).allowed).toBe(false);
    expect(limiter.take('organisation:b', start).allowed).toBe(true);
  });

  it('never answers Retry-After below one second', () => {
    const limiter = new TokenBucketLimiter({ perMinute: 600_000, burst: 1 });
    limiter.take('k', start);

    const refused = limiter.take('k', start);

    expect(refused).toEqual(expect.objectContaining({ allowed: false, retryAfterSeconds: 1 }));
  });

  it('forgets buckets that have been idle long enough to be full again', () => {
    const limiter = new TokenBucketLimiter({ perMinute: 60, burst: 10 });
    for (let i = 0; i < 50; i++) limiter.take(`ip:${i}`, start);

    limiter.take('ip:late', start + 10_000);

    expect(limiter.size).toBe(1);
  });

  it('holds at most maxBuckets, dropping the least recently used', () => {
    const limiter = new TokenBucketLimiter({ perMinute: 60, burst: 1, maxBuckets: 2 });
    limiter.take('a', start);
    limiter.take('b', start);
    limiter.take('a', start); // refused, but now the most recently used

    limiter.take('c', start);

    expect(limiter.size).toBe(2);
    expect(limiter.take('a', start).allowed).toBe(false); // still remembered, still empty
    expect(limiter.take('b', start).allowed).toBe(true); // forgotten: a fresh bucket
  });
});
