/** How a CDSP agent resolves a contact (docs/domain.md "Outcome"). Only VALID changes the meter point. */
export const CONTACT_OUTCOMES = ['VALID', 'INVALID'] as const;

export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export function isContactOutcome(value: unknown): value is ContactOutcome {
  return typeof value === 'string' && (CONTACT_OUTCOMES as readonly string[]).includes(value);
}
