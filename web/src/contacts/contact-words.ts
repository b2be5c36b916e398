import type { components } from '../api/schema';
import { formatDate } from '../format/dates';

export type ContactStatus = components['schemas']['ContactResponse']['status'];
export type HistoryEntry = components['schemas']['HistoryEntryResponse'];

/** The lifecycle's statuses in words; the codes are the API's (an unknown one shows as it is). */
export const CONTACT_STATUS_NAMES: Record<ContactStatus, string> = {
  LOGGED: 'Logged',
  UNDER_INVESTIGATION: 'Under investigation',
  RESOLVED: 'Resolved',
  WITHDRAWN: 'Withdrawn',
};

export const WAITING_ITEM_NAMES: Record<components['schemas']['WaitingOnResponse']['type'], string> = {
  DC: 'Data clarification',
  OC: 'Originator clarification',
  SV: 'Site visit',
};

/** How the timeline names an organisation, a meter point status and a user: from the API's reference data. */
export interface Names {
  organisation(id: string | null | undefined): string;
  meterPointStatus(code: string | null | undefined): string;
}

export interface TimelineEntry {
  title: string;
  /** Who acted: a user and their organisation, or CMS itself (the register, a timer). */
  by: string;
  lines: string[];
}

/**
 * A timeline entry in words (docs/domain.md "Transparency": every DC, OC and SV message and change,
 * each with its time and who acted). The entries are contact-logging's (its own steps) and those it
 * records from the other services' events; an action this app does not know yet still shows, named
 * by its code, with its details.
 */
export function describeHistoryEntry(entry: HistoryEntry, names: Names): TimelineEntry {
  const detail = entry.detail;
  const text = (key: string) => (typeof detail[key] === 'string' ? (detail[key] as string) : undefined);
  const date = (key: string) => (text(key) ? formatDate(text(key)!) : undefined);
  const kind = text('kind') ?? 'Clarification';
  // An entry may name its user without the organisation (a site visit's referral): the user, then.
  const by = entry.actorUserId
    ? [entry.actorUserId, entry.actorOrganisationId && names.organisation(entry.actorOrganisationId)].filter(Boolean).join(', ')
    : 'CMS';
  const lines = (...values: (string | undefined | false)[]) =>
    values.filter((value): value is string => typeof value === 'string' && value !== '');
  const described = (title: string, ...values: (string | undefined | false)[]): TimelineEntry => ({
    title,
    by,
    lines: lines(...values),
  });

  switch (entry.action) {
    case 'LOGGED':
      return described(
        `${text('contactType') ?? 'Contact'} logged`,
        text('requestedStatus') && `Asks for the meter point to be ${names.meterPointStatus(text('requestedStatus'))}.`,
      );
    case 'ASSIGNED':
      return described(
        `Assigned to ${text('assigneeUserId') ?? 'a user'}`,
        text('previousAssigneeUserId') && `Previously ${text('previousAssigneeUserId')}.`,
      );
    case 'RESOLVED':
      return described(
        `Resolved ${text('outcome') ?? ''}`.trim(),
        text('reason'),
        text('note'),
        detail.automatic === true && 'Closed automatically: no response to a data clarification.',
      );
    case 'WITHDRAWN':
      return described('Withdrawn', text('reason'));
    case 'PARTICIPANTS_CHANGED':
      return described(
        'Organisations joined',
        Array.isArray(detail.added)
          ? (detail.added as string[]).map((id) => names.organisation(id)).join(', ')
          : undefined,
      );
    case 'CONTACT_REMINDER':
      return described('Reminder: resolution due soon', date('dueOn') && `Due on ${date('dueOn')}.`);
    case 'CONTACT_OVERDUE':
      return described('Resolution overdue', date('dueOn') && `Was due on ${date('dueOn')}.`);
    case 'CLOCK_PAUSED':
      return described('Clock paused: waiting on the originator');
    case 'CLOCK_RESUMED':
      return described('Clock restarted', date('dueOn') && `Now due on ${date('dueOn')}.`);
    case 'CLARIFICATION_RAISED':
      return described(
        `${kind} asked of ${names.organisation(text('addressedToOrganisationId'))}`,
        text('question'),
        date('dueOn') && `Answer due on ${date('dueOn')}.`,
      );
    case 'CLARIFICATION_MESSAGE':
      return described(
        `${kind} message`,
        text('text'),
        text('waitingOnOrganisationId') &&
          `Now waiting on ${names.organisation(text('waitingOnOrganisationId'))}${date('dueOn') ? `, due on ${date('dueOn')}` : ''}.`,
      );
    case 'CLARIFICATION_CLOSED':
      return described(
        `${kind} closed`,
        text('reason'),
        text('cause') && text('cause') !== 'CLOSED_BY_PARTICIPANT' && `Cause: ${words(text('cause')!)}.`,
      );
    case 'CLARIFICATION_REMINDER':
      return described(`Reminder: ${kind} answer due soon`, date('dueOn') && `Due on ${date('dueOn')}.`);
    case 'CLARIFICATION_OVERDUE':
      return described(`${kind} answer overdue`, date('dueOn') && `Was due on ${date('dueOn')}.`);
    case 'SITE_VISIT_REFERRED':
      return described(
        `Referred to ${names.organisation(text('transporterOrganisationId'))} for a site visit`,
        text('confirmStatus') && `To confirm the meter point is ${names.meterPointStatus(text('confirmStatus'))}.`,
        text('instructions'),
        date('dueOn') && `Finding due on ${date('dueOn')}.`,
      );
    case 'SITE_VISIT_ACCEPTED':
      return described('Site visit accepted');
    case 'SITE_VISIT_DECLINED':
      return described('Site visit declined', text('reason'));
    case 'SITE_VISIT_FINDING':
      return described(
        detail.confirmed === true
          ? 'Site visit finding: confirmed'
          : detail.confirmed === false
            ? 'Site visit finding: not confirmed'
            : 'Site visit finding',
        date('visitedOn') && `Visited on ${date('visitedOn')}.`,
        text('notes'),
        text('meterSerialNumber') && `Meter serial number ${text('meterSerialNumber')}.`,
      );
    case 'SITE_VISIT_CANCELLED':
      return described('Site visit cancelled', text('cause') && `Cause: ${words(text('cause')!)}.`);
    case 'SITE_VISIT_REMINDER':
      return described('Reminder: site visit finding due soon', date('dueOn') && `Due on ${date('dueOn')}.`);
    case 'SITE_VISIT_OVERDUE':
      return described('Site visit finding overdue', date('dueOn') && `Was due on ${date('dueOn')}.`);
    case 'METER_POINT_STATUS_CHANGED':
      return described(
        'Meter point status changed',
        `${names.meterPointStatus(text('previousStatus'))} to ${names.meterPointStatus(text('status'))}.`,
      );
    case 'METER_POINT_STATUS_CHANGE_REFUSED':
      return described('Meter point status change refused', text('reason'));
    default:
      return described(
        words(entry.action),
        ...Object.entries(detail)
          .filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value))
          .map(([key, value]) => `${key}: ${String(value)}`),
      );
  }
}

/** `UNDER_INVESTIGATION` → `Under investigation`. */
export function words(code: string): string {
  const lower = code.toLowerCase().replaceAll('_', ' ');
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}
