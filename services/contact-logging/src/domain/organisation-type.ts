/** The kinds of market organisation that use the service (docs/domain.md "Who uses it"). */
export const ORGANISATION_TYPES = ['SHIPPER', 'DN', 'IGT', 'CDSP'] as const;

export type OrganisationType = (typeof ORGANISATION_TYPES)[number];
