export interface TokenBucketSettings {
  /** Tokens added per minute: the sustained rate. */
  perMinute: number;
  /** Most tokens a bucket holds: how many requests may arrive at once after a quiet spell. */
  burst: number;
  /** Most buckets kept; beyond it the least recently used is dropped. */
  maxBuckets?: number;
}

export type TakeResult =
  | { allowed: true; limit: number; remaining: number }
  | { allowed: false; limit: number; remaining: 0; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

const DEFAULT_MAX_BUCKETS = 100_000;

/**
 * One token bucket per key (an organisation, a client IP): each request takes a token, tokens come
 * back at `perMinute / 60` a second up to `burst`. Memory stays bounded: a bucket that would have
 * refilled completely is the same as no bucket, so idle buckets are swept away, and a hard cap drops
 * the least recently used one first.
 */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly tokensPerMs: number;
  /** How long an empty bucket takes to fill up again; a bucket idle this long is dropped. */
  private readonly refillMs: number;
  private readonly maxBuckets: number;
  private nextSweepAt = 0;

  constructor(private readonly settings: TokenBucketSettings) {
    if (!(settings.perMinute > 0) || !(settings.burst >= 1)) throw new Error('a token bucket needs perMinute > 0 and burst ≥ 1');
    this.tokensPerMs = settings.perMinute / 60_000;
    this.refillMs = Math.ceil(settings.burst / this.tokensPerMs);
    this.maxBuckets = settings.maxBuckets ?? DEFAULT_MAX_BUCKETS;
  }

  take(key: string, now: number = Date.now()): TakeResult {
    this.sweepIdle(now);
    const limit = this.settings.burst;
    const bucket = this.buckets.get(key);
    let tokens = limit;
    if (bucket) {
      tokens = Math.min(limit, bucket.tokens + Math.max(0, now - bucket.updatedAt) * this.tokensPerMs);
      // Re-inserted below, so that Map order is least recently used first.
      this.buckets.delete(key);
    } else if (this.buckets.size >= this.maxBuckets) {
      this.buckets.delete(this.buckets.keys().next().value!);
    }
    if (tokens < 1) {
      this.buckets.set(key, { tokens, updatedAt: now });
      const retryAfterSeconds = Math.max(1, Math.ceil((1 - tokens) / this.tokensPerMs / 1000));
      return { allowed: false, limit, remaining: 0, retryAfterSeconds };
    }
    tokens -= 1;
    this.buckets.set(key, { tokens, updatedAt: now });
    return { allowed: true, limit, remaining: Math.floor(tokens) };
  }

  /** Buckets currently held (for tests and metrics). */
  get size(): number {
    return this.buckets.size;
  }

  private sweepIdle(now: number): void {
    if (now < this.nextSweepAt) return;
    this.nextSweepAt = now + Math.min(this.refillMs, 60_000);
    for (const [key, bucket] of this.buckets) {
      if (now - bucket.updatedAt >= this.refillMs) this.buckets.delete(key);
    }
  }
}
