import { ALTERNATIVE_ADDRESS_FIELDS } from './alternative-address';
import type { ContactType } from './contact-type';

/**
 * How long personal data is kept (docs/domain.md "Data protection": UK GDPR sets no fixed period, so
 * the schedule is configuration, PD). Each kind of record has its own number of days: a contact of
 * each type counted from its end (resolved or withdrawn), a rejected submission from its refusal.
 * When a contact's period has passed, every service replaces the personal data it holds of the
 * contact with a fixed marker, all in one sweep (README "Retention"), so no service keeps a copy of
 * what another has removed: a clarification's words are also on the contact's timeline, a finding's
 * notes also in the site visit's audit.
 */
export interface RetentionSchedule {
  readonly contactDays: Readonly<Record<ContactType, number>>;
  readonly rejectedSubmissionDays: number;
}

const DAY_MS = 86_400_000;

/** When an ended contact's personal data is to be replaced: its end, plus its type's days. */
export function contactAnonymisedAt(contactType: ContactType, endedAt: Date, schedule: RetentionSchedule): Date {
  return new Date(endedAt.getTime() + schedule.contactDays[contactType] * DAY_MS);
}

/** Rejected submissions refused before this instant are past their period at `now`. */
export function rejectedSubmissionsRefusedBefore(now: Date, schedule: RetentionSchedule): Date {
  return new Date(now.getTime() - schedule.rejectedSubmissionDays * DAY_MS);
}

/**
 * When rejected submissions refused on `refusedAt`'s day (UTC) are all past their period: the start
 * of the day after that day's last instant has aged. One sweep a day covers every submission
 * refused on that day, whatever their number.
 */
export function rejectedSubmissionsSweepAt(refusedAt: Date, schedule: RetentionSchedule): Date {
  const dayStart = Math.floor(refusedAt.getTime() / DAY_MS) * DAY_MS;
  return new Date(dayStart + (schedule.rejectedSubmissionDays + 1) * DAY_MS);
}

/**
 * The personal data in a contact's `details`, as paths (dot-separated): whom to call, the situation
 * in the originator's words, and the alternative address's fields. Kept: the evidence (a meter read,
 * a serial number, a work date and type) and where the address came from (its provenance).
 */
export const PERSONAL_CONTACT_DETAILS: readonly string[] = Object.freeze([
  'originatorContact',
  'description',
  ...ALTERNATIVE_ADDRESS_FIELDS.map((field) => `alternativeAddress.${field}`),
]);

/** The contact's fields a person wrote freely: the resolution note and the withdrawal reason (the reason's label is reference data, kept). */
export const PERSONAL_CONTACT_FIELDS = ['outcomeNote', 'withdrawalReason'] as const;

/**
 * The fields of each kind of timeline entry that hold what a person wrote (docs/domain.md
 * "Transparency": every message and finding is on the contact's timeline). Every other field of an
 * entry (who, when, ids, kinds, due dates, outcomes, codes) is kept, so the timeline reads as before.
 */
export const PERSONAL_TIMELINE_DETAILS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  RESOLVED: ['note'],
  WITHDRAWN: ['reason'],
  CLARIFICATION_RAISED: ['question'],
  CLARIFICATION_MESSAGE: ['text'],
  CLARIFICATION_CLOSED: ['reason'],
  SITE_VISIT_REFERRED: ['instructions'],
  SITE_VISIT_DECLINED: ['reason'],
  SITE_VISIT_FINDING: ['notes'],
});

/**
 * What a rejected submission keeps of its body: what it asked for and on which meter point, for the
 * reports of rejections (with its reasons, its submitter and its time, all kept). Every other string
 * in it, whatever the field (a refused submission may carry fields the rules do not know), is replaced.
 */
export const KEPT_SUBMISSION_FIELDS: readonly string[] = Object.freeze(['type', 'mprn', 'requestedStatus']);
