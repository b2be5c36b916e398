import type { ProblemError } from '../api/problem';
import type { components, operations } from '../api/schema';
import { pagesBefore, PAGE_SIZE } from '../contacts/contact-filters';
import { dateParts, isoDateOf } from '../contacts/log-contact-form';

/** GET /site-visits' query, as generated from the API's document. */
export type ReferralListQuery = NonNullable<operations['SiteVisitsController_list']['parameters']['query']>;
export type SiteVisitStatus = components['schemas']['SiteVisitResponse']['status'];

/** A site visit's status in words (site-visits' state machine). */
export const SITE_VISIT_STATUS_NAMES: Record<SiteVisitStatus, string> = {
  REFERRED: 'Referred: waiting for an answer',
  ACCEPTED: 'Accepted: waiting for the finding',
  DECLINED: 'Declined',
  FINDING_REPORTED: 'Finding reported',
  CANCELLED: 'Cancelled',
};

/**
 * The transporter's referrals: its site visits, soonest due first, filtered by status and by the
 * day the finding is due (`dueFrom`, `dueTo`, each day included). Filters live in the address, as
 * the contact list's do; a due day is held as typed (day, month and year apart) until it is sent.
 */
export interface ReferralFilters {
  status: string;
  dueFrom: string;
  dueTo: string;
}

export type ReferralFilter = keyof ReferralFilters;

export function referralFiltersOf(search: URLSearchParams): ReferralFilters {
  return { status: search.get('status') ?? '', dueFrom: search.get('dueFrom') ?? '', dueTo: search.get('dueTo') ?? '' };
}

const NAMES: Record<'dueFrom' | 'dueTo', string> = { dueFrom: 'Due from', dueTo: 'Due to' };

/** What the filters cannot be sent with: a due day missing its day, month or year. The API checks the rest. */
export function referralFilterErrors(filters: ReferralFilters): ProblemError[] {
  return (['dueFrom', 'dueTo'] as const)
    .filter((field) => filters[field] !== '' && Object.values(dateParts(filters[field])).some((part) => part === ''))
    .map((field) => ({ code: 'VALIDATION_FAILED', field, message: `${NAMES[field]} must have a day, a month and a year.` }));
}

/** The address of the first page of these filters, each due day as YYYY-MM-DD. */
export function referralSearchOf(filters: ReferralFilters): string {
  const search = new URLSearchParams();
  if (filters.status) search.set('status', filters.status);
  if (filters.dueFrom) search.set('dueFrom', isoDateOf(filters.dueFrom));
  if (filters.dueTo) search.set('dueTo', isoDateOf(filters.dueTo));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** GET /site-visits' query for the filters and page of the address. */
export function referralQueryOf(search: URLSearchParams): ReferralListQuery {
  const filters = referralFiltersOf(search);
  const query: ReferralListQuery = { limit: PAGE_SIZE };
  if (filters.status) query.status = filters.status as SiteVisitStatus;
  if (filters.dueFrom) query.dueFrom = filters.dueFrom;
  if (filters.dueTo) query.dueTo = filters.dueTo;
  const cursor = pagesBefore(search).at(-1);
  if (cursor) query.cursor = cursor;
  return query;
}

/** Which filter a problem's `field` names. */
export function referralFilterOf(apiField: string | undefined): ReferralFilter | undefined {
  return apiField === 'status' || apiField === 'dueFrom' || apiField === 'dueTo' ? apiField : undefined;
}
