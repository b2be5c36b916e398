/**
 * Where a contact is in its lifecycle (docs/domain.md "Lifecycle (PD)"). The allowed moves between
 * these statuses live in contact-lifecycle.ts.
 */
export const CONTACT_STATUSES = ['LOGGED', 'UNDER_INVESTIGATION', 'RESOLVED', 'WITHDRAWN'] as const;

export type ContactStatus = (typeof CONTACT_STATUSES)[number];

/**
 * An open contact still awaits an outcome. Only one open DTL or ISO contact may exist per MPRN
 * (the OPEN_CONTACT_EXISTS logging rule), and only an open contact can be withdrawn.
 */
export const OPEN_CONTACT_STATUSES: readonly ContactStatus[] = ['LOGGED', 'UNDER_INVESTIGATION'];

export function isContactStatus(value: unknown): value is ContactStatus {
  return typeof value === 'string' && (CONTACT_STATUSES as readonly string[]).includes(value);
}

export function isOpenContactStatus(status: ContactStatus): boolean {
  return OPEN_CONTACT_STATUSES.includes(status);
}
