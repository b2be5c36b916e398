import type { SiteVisit, SiteVisitActor } from './index';

export const TRANSPORTER = '383da001-dcc0-4cf5-8481-59b9749b0a6c';
export const OTHER_TRANSPORTER = '5f0c2a9e-6d1b-4e8a-9c3f-2b7d8e9a0c1d';
export const SHIPPER = 'b39b394d-4352-47f1-9cab-919d828cf087';
export const CDSP = 'dcb0354e-c0fc-4a6b-98ba-cfd60cd99599';

export function agent(roles: string[] = ['CDSP_AGENT']): SiteVisitActor {
  return { userId: 'cds.agent', organisationId: CDSP, organisationType: 'CDSP', roles, isPartnerSystem: false };
}

export function transporterUser(roles: string[] = ['TRANSPORTER_USER'], organisationId = TRANSPORTER): SiteVisitActor {
  return { userId: 'cad.user', organisationId, organisationType: 'DN', roles, isPartnerSystem: false };
}

/** A visit referred on Tuesday 1 December 2026, due on Tuesday 15 December. */
export function visit(overrides: Partial<SiteVisit> = {}): SiteVisit {
  return {
    id: '0193a7b0-0000-7000-8000-000000000001',
    crn: 'C000001234',
    mprn: '3938424403',
    contactType: 'DTL',
    transporterOrganisationId: TRANSPORTER,
    confirmStatus: 'LI',
    instructions: null,
    details: { supplyAddress: null, alternativeAddress: null, originatorContact: { name: 'Amelia Hart', telephone: '0161 496 0000', email: null }, description: 'Gas in use.', evidence: {} },
    status: 'REFERRED',
    version: 1,
    referredByUserId: 'cds.agent',
    referredAt: new Date('2026-12-01T10:00:00Z'),
    dueOn: '2026-12-15',
    acceptance: null,
    finding: null,
    cancellation: null,
    updatedAt: new Date('2026-12-01T10:00:00Z'),
    ...overrides,
  };
}
