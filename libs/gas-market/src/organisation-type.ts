/**
 * The kinds of market organisation that use CMS (docs/domain.md "Who uses it"): shippers, the
 * Distribution Networks, the Independent Gas Transporters and the CDSP.
 */
export const ORGANISATION_TYPES = ['SHIPPER', 'DN', 'IGT', 'CDSP'] as const;

export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export function isOrganisationType(value: unknown): value is OrganisationType {
  return typeof value === 'string' && (ORGANISATION_TYPES as readonly string[]).includes(value);
}
