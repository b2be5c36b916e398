/**
 * The two contact types of this release (docs/domain.md "The two contact types of this release"):
 * DTL (Dead to Live) asks for a Dead meter point to be set Live; ISO (Isolation) asks for a meter
 * point to be set Dead, or for a Capped or Clamped one to be set Live.
 */
export const CONTACT_TYPES = ['DTL', 'ISO'] as const;

export type ContactType = (typeof CONTACT_TYPES)[number];

export function isContactType(value: unknown): value is ContactType {
  return typeof value === 'string' && (CONTACT_TYPES as readonly string[]).includes(value);
}
