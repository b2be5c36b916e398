import type { ContactSubmission } from './contact-submission';
import type { Originator, RegisteredMeterPoint } from './logging-rules';

/**
 * Test data for the domain specs: one complete, acceptable submission of each type, the
 * organisations and meter points around them, and a helper to break one item at a time.
 */
export const TODAY = '2026-11-23';

export const SHIPPER_A: Originator = { organisationId: 'org-shipper-a', organisationType: 'SHIPPER' };
export const SHIPPER_B: Originator = { organisationId: 'org-shipper-b', organisationType: 'SHIPPER' };
export const CADENT: Originator = { organisationId: 'org-cadent', organisationType: 'DN' };

/** Consistent check digits (docs/domain.md example). */
export const MPRN = '3938424403';

export function meterPoint(overrides: Partial<RegisteredMeterPoint> = {}): RegisteredMeterPoint {
  return {
    mprn: MPRN,
    status: 'DE',
    registeredShipperId: SHIPPER_A.organisationId,
    transporterId: CADENT.organisationId,
    ...overrides,
  };
}

export function dtlSubmission(): ContactSubmission {
  return {
    type: 'DTL',
    mprn: MPRN,
    originatorContact: {
      name: 'Priya Shah',
      telephone: '020 7946 0000',
      email: 'priya.shah@shipper-a.example',
    },
    description: 'Customer reports gas in use; meter dials have advanced since March.',
    dtlEvidence: {
      meterRead: { value: '04521', readDate: '2026-11-20' },
      meterSerialNumber: 'G4A-00123456',
    },
  };
}

export function isoSubmission(): ContactSubmission {
  return {
    type: 'ISO',
    mprn: MPRN,
    requestedStatus: 'DE',
    originatorContact: { name: 'Tom Evans', email: 'tom.evans@shipper-a.example' },
    description: 'Service pipe removed by the transporter during demolition of the property.',
    isolation: { workDate: '2026-11-01', workType: 'SERVICE_REMOVED' },
  };
}

/**
 * A deep copy of `value` with the item at a dotted path replaced, or removed when `replacement`
 * is undefined. Intermediate objects are created as needed.
 */
export function withItem(value: object, path: string, replacement: unknown): Record<string, unknown> {
  const copy = structuredClone(value) as Record<string, unknown>;
  const keys = path.split('.');
  let node = copy;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1] as string;
  if (replacement === undefined) delete node[last];
  else node[last] = replacement;
  return copy;
}
