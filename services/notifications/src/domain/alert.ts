/**
 * An alert in a user's notifications area (docs/domain.md "Alerts"): what happened to a contact that
 * someone should act on or know of, linked to its contact by CRN. Plain values, no framework.
 */

/** What an alert is about; each user chooses per kind whether it also comes by email. */
export const ALERT_KINDS = [
  'CONTACT_RESOLVED',
  'CONTACT_AUTO_CLOSED',
  'CONTACT_ASSIGNED',
  'CLARIFICATION_RECEIVED',
  'CLARIFICATION_MESSAGE',
  'CLARIFICATION_ANSWERED',
  'CLARIFICATION_CLOSED',
  'SITE_VISIT_REFERRED',
  'SITE_VISIT_ACCEPTED',
  'SITE_VISIT_DECLINED',
  'SITE_VISIT_FINDING',
  'SITE_VISIT_CANCELLED',
  'REMINDER',
  'OVERDUE',
  'WEBHOOK_DISABLED',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export function isAlertKind(value: unknown): value is AlertKind {
  return typeof value === 'string' && (ALERT_KINDS as readonly string[]).includes(value);
}

/**
 * Who an alert is for. A person (the user who logged the contact, the agent working it), or the
 * users of an organisation who hold one of `roles` (those who work contacts on that side). An
 * organisation's alert is one row that each of its users reads through their token's organisation
 * and roles: no list of users is copied here, so a user added later, or one this service never
 * heard of, sees it too, and no fan-out can race a change of users (access-control owns them).
 * The CDSP is addressed by its type: every event names it among the involved organisations
 * without saying which id is the CDSP's.
 */
export type Recipient =
  | { kind: 'USER'; userId: string }
  | { kind: 'ORGANISATION'; organisationId: string; roles: readonly string[] }
  | { kind: 'CDSP'; roles: readonly string[] };

/**
 * The roles that work a contact on each side (access-control's roles: docs/domain.md "Who uses
 * it"). A SUPERVISOR queues its organisation's work, so it hears of what comes in; an LSO, who runs
 * the organisation's users, does not.
 */
export const WORKING_ROLES = {
  /** The Local Security Officer runs the organisation's partner-system set-up, its webhooks among it. */
  ADMINISTRATION: ['LSO'],
  ORIGINATOR: ['CONTACT_USER', 'SUPERVISOR'],
  TRANSPORTER: ['TRANSPORTER_USER', 'SUPERVISOR'],
  CDSP: ['CDSP_AGENT', 'SUPERVISOR'],
} as const;

/** The alert's recipient as one key: with the event id, what makes an alert unique (an event delivered twice makes one alert). */
export function recipientKey(recipient: Recipient): string {
  switch (recipient.kind) {
    case 'USER':
      return `user:${recipient.userId}`;
    case 'ORGANISATION':
      return `organisation:${recipient.organisationId}`;
    case 'CDSP':
      return 'cdsp';
  }
}

/** An alert as the rules decide it, before it is kept (and given its id). */
export interface AlertDraft {
  kind: AlertKind;
  crn: string;
  recipient: Recipient;
  /** One line a person reads in the notifications area and an email's subject. */
  title: string;
  /** The facts behind it (an outcome, a due date, a thread or visit id), for the screen and the templates. */
  detail: Record<string, string | boolean | null>;
  /** When it happened (the event's own time). */
  occurredAt: Date;
}

/** The path of the contact an alert links to, as the web app routes it. */
export function contactPath(crn: string): string {
  return `/contacts/${crn}`;
}

/**
 * What people wrote that an alert repeats, by kind (README "Retention"): a thread's closure reason
 * and a declined visit's reason, each in the alert's detail and at the end of its title (`…: <reason>`,
 * alert-rules.ts). Replaced with a marker, in both, when the contact's retention period has passed;
 * every other alert holds ids, codes, dates and flags only.
 */
export const PERSONAL_ALERT_DETAILS: Readonly<Partial<Record<AlertKind, readonly string[]>>> = Object.freeze({
  CLARIFICATION_CLOSED: ['reason'],
  SITE_VISIT_DECLINED: ['reason'],
});
