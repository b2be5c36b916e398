/** The kinds of market organisation that use CMS (docs/domain.md "Who uses it"). */
export const ORGANISATION_TYPES = ['SHIPPER', 'DN', 'IGT', 'CDSP'] as const;

export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** A market organisation: a shipper, a transporter (DN or IGT), or the CDSP itself. */
export interface Organisation {
  id: string;
  /** Three capital letters, unique across all organisations (e.g. `BWE`). */
  shortCode: string;
  name: string;
  type: OrganisationType;
}

export function isOrganisationType(value: unknown): value is OrganisationType {
  return typeof value === 'string' && (ORGANISATION_TYPES as readonly string[]).includes(value);
}

/** Short codes are three capital letters (the market's organisation short code). */
export function isShortCode(value: string): boolean {
  return /^[A-Z]{3}$/.test(value);
}
