import type { components } from '../api/schema';

export type EmailDelivery = components['schemas']['NotificationPreferencesResponse']['email'][string];

/** The choices for each alert kind (notifications' EMAIL_DELIVERIES), in words. */
export const DELIVERIES: readonly { value: EmailDelivery; label: string }[] = [
  { value: 'IN_APP', label: 'In the app only' },
  { value: 'IMMEDIATE', label: 'Also by email, at once' },
  { value: 'DAILY_DIGEST', label: 'Also by email, in a daily digest' },
];

/** Each alert kind in words; a kind the API adds later shows by its code until it is named here. */
const ALERT_KIND_NAMES: Readonly<Record<string, string>> = {
  CONTACT_RESOLVED: 'A contact is resolved',
  CONTACT_AUTO_CLOSED: 'A contact is closed automatically',
  CONTACT_ASSIGNED: 'A contact is given to me',
  CLARIFICATION_RECEIVED: 'A clarification is asked of my organisation',
  CLARIFICATION_MESSAGE: 'A message in a clarification',
  CLARIFICATION_ANSWERED: 'A clarification is answered',
  CLARIFICATION_CLOSED: 'A clarification is closed',
  SITE_VISIT_REFERRED: 'A site visit is referred',
  SITE_VISIT_ACCEPTED: 'A site visit is accepted',
  SITE_VISIT_DECLINED: 'A site visit is declined',
  SITE_VISIT_FINDING: 'A site visit finding is recorded',
  SITE_VISIT_CANCELLED: 'A site visit is cancelled',
  REMINDER: 'Something is due soon',
  OVERDUE: 'Something is overdue',
  WEBHOOK_DISABLED: "One of my organisation's webhooks is disabled",
};

export function alertKindName(kind: string): string {
  return ALERT_KIND_NAMES[kind] ?? kind;
}

/** The kinds in the API's answer, in the order above (then any the app does not know yet, by code). */
export function alertKindsOf(preferences: Readonly<Record<string, EmailDelivery>>): string[] {
  const known = Object.keys(ALERT_KIND_NAMES).filter((kind) => kind in preferences);
  const unknown = Object.keys(preferences)
    .filter((kind) => !(kind in ALERT_KIND_NAMES))
    .sort();
  return [...known, ...unknown];
}

/** The `PUT` body: only the kinds whose choice changed (kinds not named keep theirs); undefined when none did. */
export function preferenceChangesOf(
  saved: Readonly<Record<string, EmailDelivery>>,
  chosen: Readonly<Record<string, EmailDelivery>>,
): Record<string, EmailDelivery> | undefined {
  const changes = Object.fromEntries(Object.entries(chosen).filter(([kind, delivery]) => saved[kind] !== delivery));
  return Object.keys(changes).length > 0 ? changes : undefined;
}
