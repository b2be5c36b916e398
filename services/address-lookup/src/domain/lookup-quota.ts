import { londonToday } from '@cms/gas-market';

/**
 * PAF licences forbid bulk extraction: each user may make a configured number of look-ups a day
 * (ADDRESS_LOOKUPS_PER_USER_PER_DAY), counted per Great Britain calendar day, which begins at
 * midnight in Europe/London (midnight UTC in winter, 23:00 UTC in summer).
 */
export function quotaDayOf(now: Date): string {
  return londonToday(now);
}

/**
 * Whose quota a look-up counts against: the person, or the partner system (its token's user id
 * names its API client), within their organisation.
 */
export function quotaHolderOf(caller: { organisationId: string; userId: string }): string {
  return `${caller.organisationId}/${caller.userId}`;
}
