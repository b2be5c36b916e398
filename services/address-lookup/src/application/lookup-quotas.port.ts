/** Port: the look-ups each user has made each day (the service's database). */
export interface LookupQuotas {
  /**
   * Counts one look-up for `holder` on `day` when fewer than `limit` are counted already, and says
   * whether it was counted. Atomic: replicas counting at once never let a holder past the limit.
   */
  take(holder: string, day: string, limit: number): Promise<boolean>;
}

export const LOOKUP_QUOTAS = Symbol('LOOKUP_QUOTAS');
