import type { Response } from 'express';
import { ProblemException } from '@cms/service-defaults';
import type { GatewayConfig } from '../gateway.config';
import { TokenBucketLimiter, type TakeResult } from './token-bucket-limiter';

/** Whose allowance a request uses: the caller's organisation, or the client IP on public routes. */
export type RateLimitSubject = { organisationId: string } | { clientIp: string };

/**
 * Rate limits per organisation (every user and API client of an organisation shares one
 * allowance, taken from the verified token) and, on the public sign-in routes, per client IP
 * (docs/api.md: "Rate limits per organisation return 429 with Retry-After").
 *
 * The buckets live in this gateway replica's memory: with N replicas behind a load balancer the
 * effective limit is up to N times the setting. That is accepted for now (no shared store on the
 * request path); divide the settings by the replica count, or move the buckets to a shared store,
 * if the limit must be exact.
 */
export class GatewayRateLimits {
  private readonly perOrganisation: TokenBucketLimiter;
  private readonly publicPerIp: TokenBucketLimiter;

  constructor(config: GatewayConfig) {
    this.perOrganisation = new TokenBucketLimiter({
      perMinute: config.RATE_LIMIT_PER_ORGANISATION_PER_MINUTE,
      burst: config.RATE_LIMIT_PER_ORGANISATION_BURST,
    });
    this.publicPerIp = new TokenBucketLimiter({
      perMinute: config.RATE_LIMIT_PUBLIC_PER_IP_PER_MINUTE,
      burst: config.RATE_LIMIT_PUBLIC_PER_IP_BURST,
    });
  }

  /**
   * Takes one request from the subject's allowance and says what is left in `RateLimit-Limit` and
   * `RateLimit-Remaining` (the bucket's size and its whole tokens left); over the limit, throws 429
   * RATE_LIMITED with `Retry-After`: the whole seconds until the next request would be let through.
   */
  enforce(subject: RateLimitSubject, response: Response): void {
    const result: TakeResult =
      'organisationId' in subject
        ? this.perOrganisation.take(`organisation:${subject.organisationId}`)
        : this.publicPerIp.take(`ip:${subject.clientIp}`);
    response.setHeader('RateLimit-Limit', String(result.limit));
    response.setHeader('RateLimit-Remaining', String(result.remaining));
    if (!result.allowed) {
      response.setHeader('Retry-After', String(result.retryAfterSeconds));
      throw new ProblemException(
        429,
        'RATE_LIMITED',
        'Too many requests',
        'organisationId' in subject
          ? `Your organisation has sent too many requests; try again in ${result.retryAfterSeconds} s.`
          : `Too many requests from your address; try again in ${result.retryAfterSeconds} s.`,
      );
    }
  }
}
