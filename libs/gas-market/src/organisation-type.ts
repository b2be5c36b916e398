/**
 * The kinds of market organisation that hold CMS accounts (docs/domain.md "Who uses it"): shippers,
 * the Distribution Networks, the Independent Gas Transporters and the CDSP, who work DTL and ISO
 * contacts; and Daily Metered Service Providers, Meter Reading Agencies and Utility Infrastructure
 * Providers, who hold accounts (the CMS service page lists them) but raise no DTL or ISO.
 */
export const ORGANISATION_TYPES = ['SHIPPER', 'DN', 'IGT', 'CDSP', 'DMSP', 'MRA', 'UIP'] as const;

export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** What each type is called in full, for people reading a list of organisations. */
export const ORGANISATION_TYPE_NAMES: Readonly<Record<OrganisationType, string>> = Object.freeze({
  SHIPPER: 'Shipper',
  DN: 'Distribution Network',
  IGT: 'Independent Gas Transporter',
  CDSP: 'Central Data Service Provider',
  DMSP: 'Daily Metered Service Provider',
  MRA: 'Meter Reading Agency',
  UIP: 'Utility Infrastructure Provider',
});

export function isOrganisationType(value: unknown): value is OrganisationType {
  return typeof value === 'string' && (ORGANISATION_TYPES as readonly string[]).includes(value);
}
