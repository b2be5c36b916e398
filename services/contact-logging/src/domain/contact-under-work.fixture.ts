import type { ContactUnderWork } from './contact-under-work';

/** Test data for the lifecycle commands' specs: a DTL contact just logged by a shipper, nobody working it yet. */
export function contactUnderWork(change: Partial<ContactUnderWork> = {}): ContactUnderWork {
  return {
    crn: 'C000000001',
    contactType: 'DTL',
    mprn: '3938424403',
    status: 'LOGGED',
    version: 1,
    requestedStatus: 'LI',
    meterPointStatusAtLogging: 'DE',
    originatorOrganisationId: '00000000-0000-4000-8000-000000000001',
    originatorUserId: 'shipper.user',
    transporterOrganisationId: '00000000-0000-4000-8000-000000000002',
    visibleTo: ['00000000-0000-4000-8000-000000000001'],
    investigatingAgentUserId: null,
    handlers: {},
    ldz: 'NW',
    dueOn: '2026-12-31',
    clockPausedOn: null,
    ...change,
  };
}
