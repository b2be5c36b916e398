/**
 * The 13 Local Distribution Zones (LDZ) and the Distribution Network (DN) that owns each
 * (docs/domain.md "Who uses it"): Cadent EA, EM, NT, NW, WM; NGN NE, NO; SGN SC, SE, SO;
 * WWU SW, WN, WS.
 */
export type DistributionNetwork = 'CADENT' | 'NGN' | 'SGN' | 'WWU';

export type LdzCode =
  | 'EA' | 'EM' | 'NT' | 'NW' | 'WM'
  | 'NE' | 'NO'
  | 'SC' | 'SE' | 'SO'
  | 'SW' | 'WN' | 'WS';

export interface Ldz {
  code: LdzCode;
  name: string;
  dn: DistributionNetwork;
  /** Full name of the owning DN. */
  dnName: string;
}

const CADENT = 'Cadent Gas';
const NGN = 'Northern Gas Networks';
const SGN = 'SGN';
const WWU = 'Wales & West Utilities';

export const LDZS: readonly Ldz[] = Object.freeze([
  { code: 'EA', name: 'East Anglia', dn: 'CADENT', dnName: CADENT },
  { code: 'EM', name: 'East Midlands', dn: 'CADENT', dnName: CADENT },
  { code: 'NT', name: 'North Thames', dn: 'CADENT', dnName: CADENT },
  { code: 'NW', name: 'North West', dn: 'CADENT', dnName: CADENT },
  { code: 'WM', name: 'West Midlands', dn: 'CADENT', dnName: CADENT },
  { code: 'NE', name: 'North East', dn: 'NGN', dnName: NGN },
  { code: 'NO', name: 'Northern', dn: 'NGN', dnName: NGN },
  { code: 'SC', name: 'Scotland', dn: 'SGN', dnName: SGN },
  { code: 'SE', name: 'South East', dn: 'SGN', dnName: SGN },
  { code: 'SO', name: 'Southern', dn: 'SGN', dnName: SGN },
  { code: 'SW', name: 'South West', dn: 'WWU', dnName: WWU },
  { code: 'WN', name: 'Wales North', dn: 'WWU', dnName: WWU },
  { code: 'WS', name: 'Wales South', dn: 'WWU', dnName: WWU },
] satisfies Ldz[]);

export const LDZ_CODES: readonly LdzCode[] = Object.freeze(LDZS.map((l) => l.code));

export function isLdzCode(code: string): code is LdzCode {
  return (LDZ_CODES as readonly string[]).includes(code);
}

export function findLdz(code: string): Ldz | undefined {
  return LDZS.find((l) => l.code === code);
}
