/** Port: the look-ups each user has made each day (the service's database). */
export interface LookupQuotas {
  /**
   * Counts one look-up for `holder` on `day` when fewer than `limit` are counted already, and says
   * whether it was counted. Atomic: replicas counting at once never let a holder past the limit.
   */
  take(holder: string, day: string, limit: number): Promise<boolean>;
}

export const LOOKUP_QUOTAS = Symbol('LOOKUP_QUOTAS');

/** PD: the look-ups each user may make a day (ADDRESS_LOOKUPS_PER_USER_PER_DAY), as configured. */
export interface LookupQuota {
  perUserPerDay: number;
}

export const LOOKUP_QUOTA = Symbol('LOOKUP_QUOTA');
