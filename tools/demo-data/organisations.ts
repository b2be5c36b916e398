/**
 * Demo market organisations. All names except the four real Distribution Networks are fictional.
 * Ids are fixed UUID literals so every environment (and every test) sees the same organisations.
 */
import type { DistributionNetwork, OrganisationType } from '@cms/gas-market';

export interface DemoOrganisation {
  id: string;
  /** Three-letter short code, unique across all organisations. */
  shortCode: string;
  name: string;
  type: OrganisationType;
}

const ORGANISATIONS: readonly DemoOrganisation[] = Object.freeze([
  // Distribution Networks (real)
  { id: '383da001-dcc0-4cf5-8481-59b9749b0a6c', shortCode: 'CAD', name: 'Cadent Gas', type: 'DN' },
  { id: '2dce312b-4a8a-40eb-a5f0-27148eb3cb07', shortCode: 'NGN', name: 'Northern Gas Networks', type: 'DN' },
  { id: 'd0967fbc-8df0-4e2f-848e-0696e3508440', shortCode: 'SGN', name: 'SGN', type: 'DN' },
  { id: '25ee4f4f-7042-4fc2-b0da-b1524ee74a5f', shortCode: 'WWU', name: 'Wales & West Utilities', type: 'DN' },
  // Independent Gas Transporters (fictional)
  { id: '2024f1bc-3fcb-42c1-845e-2f2cfe72d3f2', shortCode: 'MPL', name: 'Meadow Pipelines', type: 'IGT' },
  { id: 'db4d5e7f-09ea-4029-a620-470ea02e2e1d', shortCode: 'NFG', name: 'Northfield Gas Networks', type: 'IGT' },
  { id: 'c174ce5a-a4ff-4a80-8704-591c13fb5adf', shortCode: 'HEN', name: 'Harbourside Energy Networks', type: 'IGT' },
  { id: '32f229ae-57e0-4c09-8612-b5b473030e15', shortCode: 'RVU', name: 'Riverside Utilities', type: 'IGT' },
  // Shippers (fictional)
  { id: 'b39b394d-4352-47f1-9cab-919d828cf087', shortCode: 'BWE', name: 'Brightwater Energy', type: 'SHIPPER' },
  { id: 'c3f47655-09ea-480e-9700-a397bc4fae46', shortCode: 'TGS', name: 'Thistle Gas Supply', type: 'SHIPPER' },
  { id: 'ffba2fb9-b6ba-433b-bca8-5aaf4ff08164', shortCode: 'LPW', name: 'Lantern Power & Gas', type: 'SHIPPER' },
  { id: 'a05db41f-02ad-403d-8008-2a7737cd603f', shortCode: 'OAK', name: 'Oakleaf Energy', type: 'SHIPPER' },
  { id: '86b67490-99e8-47fa-a2f1-be81ea9c631a', shortCode: 'KGP', name: 'Kestrel Gas & Power', type: 'SHIPPER' },
  // The CDSP
  { id: 'dcb0354e-c0fc-4a6b-98ba-cfd60cd99599', shortCode: 'CDS', name: 'Central Data Service Provider', type: 'CDSP' },
  // Account holders that raise no DTL or ISO (fictional): a DMSP, an MRA, a UIP
  { id: '5b0e7c1d-2f3a-4e6b-9c8d-7a1f2e3d4c5b', shortCode: 'PDM', name: 'Pennine Daily Metering', type: 'DMSP' },
  { id: '8e2d4f6a-1b3c-4d5e-8f7a-9b0c1d2e3f4a', shortCode: 'RMR', name: 'Readwell Meter Reading', type: 'MRA' },
  { id: 'c7a9e1b3-5d7f-4a2c-9e4b-6d8f0a2c4e6b', shortCode: 'FUI', name: 'Fenbridge Utility Infrastructure', type: 'UIP' },
] satisfies DemoOrganisation[]);

/** The 17 demo organisations: 4 DNs, 4 IGTs, 5 shippers, the CDSP, a DMSP, an MRA and a UIP. A fresh copy on every call. */
export function demoOrganisations(): DemoOrganisation[] {
  return ORGANISATIONS.map((o) => ({ ...o }));
}

/** The demo organisation with this short code; throws if there is none. */
export function demoOrganisation(shortCode: string): DemoOrganisation {
  const found = ORGANISATIONS.find((o) => o.shortCode === shortCode);
  if (!found) throw new Error(`no demo organisation with short code ${shortCode}`);
  return { ...found };
}

/** Short code of the DN organisation behind each `DistributionNetwork` of the LDZ reference data. */
export const DN_SHORT_CODES: Readonly<Record<DistributionNetwork, string>> = Object.freeze({
  CADENT: 'CAD',
  NGN: 'NGN',
  SGN: 'SGN',
  WWU: 'WWU',
});
