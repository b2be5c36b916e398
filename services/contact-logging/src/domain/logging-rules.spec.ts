import {
  CADENT,
  dtlSubmission,
  isoSubmission,
  meterPoint,
  MPRN,
  SHIPPER_A,
  SHIPPER_B,
  TODAY,
  withItem,
} from './contact-submission.fixture';
import { evaluateSubmission, LoggingDecision, LoggingRulesInput } from './logging-rules';
import { Rejection, REJECTION_CODES, RejectionCode } from './rejection';

function evaluate(overrides: Partial<LoggingRulesInput> = {}): LoggingDecision {
  return evaluateSubmission({
    submission: dtlSubmission(),
    originator: SHIPPER_A,
    meterPoint: meterPoint(),
    openContact: null,
    today: TODAY,
    ...overrides,
  });
}

function rejectionsOf(decision: LoggingDecision): Rejection[] {
  if (decision.accepted) throw new Error('expected the submission to be rejected, it was accepted');
  return decision.rejections;
}

function codesOf(decision: LoggingDecision): RejectionCode[] {
  return rejectionsOf(decision).map((r) => r.code);
}

describe('evaluateSubmission: an alternative address chosen by a UDPRN no delivery point has', () => {
  it('is a rejection reason, MANDATORY_FIELD on the UDPRN, beside every other', () => {
    const decision = evaluate({
      submission: withItem(withItem(dtlSubmission(), 'alternativeAddress', { udprn: '99999999' }), 'description', ''),
      alternativeAddressLookedUp: null,
    });

    expect(rejectionsOf(decision).map((r) => [r.code, r.field])).toEqual([
      ['MANDATORY_FIELD', 'description'],
      ['MANDATORY_FIELD', 'alternativeAddress.udprn'],
    ]);
  });
});

describe('evaluateSubmission: accepting', () => {
  it('accepts a complete DTL submission on a Dead meter point registered to the originator', () => {
    const decision = evaluate();

    expect(decision).toEqual({
      accepted: true,
      contact: {
        type: 'DTL',
        requestedStatus: 'LI',
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
        alternativeAddress: null,
      },
    });
  });

  it('keeps an alternative address chosen by UDPRN as the look-up found it, with its provenance', () => {
    const decision = evaluate({
      submission: withItem(dtlSubmission(), 'alternativeAddress', { udprn: '10482615' }),
      alternativeAddressLookedUp: {
        address: { buildingNumber: '14', thoroughfare: 'Juniper Close', postTown: 'Preston', postcode: 'PR2 9QZ', udprn: '10482615', uprn: '100010482615' },
        lookedUpIn: 'PAF_TABLE',
        lookedUpAt: new Date('2026-12-01T09:30:00Z'),
      },
    });

    expect(decision.accepted && decision.contact.alternativeAddress).toMatchObject({
      buildingNumber: '14',
      postcode: 'PR2 9QZ',
      udprn: '10482615',
      uprn: '100010482615',
      provenance: { source: 'ADDRESS_LOOKUP', lookedUpIn: 'PAF_TABLE', lookedUpAt: '2026-12-01T09:30:00.000Z' },
    });
  });

  it('marks a typed alternative address as typed', () => {
    const decision = evaluate({
      submission: withItem(dtlSubmission(), 'alternativeAddress', { buildingNumber: '3', thoroughfare: 'Foxglove Walk', postcode: 'NG5 9TW' }),
    });

    expect(decision.accepted && decision.contact.alternativeAddress).toMatchObject({ udprn: null, uprn: null, provenance: { source: 'TYPED' } });
  });

  it('accepts an ISO submission to Dead on a Live meter point', () => {
    const decision = evaluate({ submission: isoSubmission(), meterPoint: meterPoint({ status: 'LI' }) });

    expect(decision.accepted).toBe(true);
  });

  it.each(['CA', 'CL'])('accepts an ISO submission to Live on a meter point that is %s', (status) => {
    const submission = withItem(
      withItem(isoSubmission(), 'requestedStatus', 'LI'),
      'isolation.workType',
      status === 'CA' ? 'UNCAPPED' : 'UNCLAMPED',
    );

    const decision = evaluate({ submission, meterPoint: meterPoint({ status }) });

    expect(decision.accepted).toBe(true);
  });

  it('accepts a submission on a meter point that has no registered shipper', () => {
    const decision = evaluate({ originator: SHIPPER_B, meterPoint: meterPoint({ registeredShipperId: null }) });

    expect(decision.accepted).toBe(true);
  });
});

describe('evaluateSubmission: each rejection code, from a submission built for it', () => {
  const cases: [RejectionCode, () => LoggingDecision][] = [
    ['MPRN_FORMAT', () => evaluate({ submission: withItem(dtlSubmission(), 'mprn', '39384244O3'), meterPoint: null })],
    ['MPRN_NOT_FOUND', () => evaluate({ meterPoint: null })],
    ['MPRN_EXTINCT', () => evaluate({ meterPoint: meterPoint({ status: 'EX' }) })],
    ['STATUS_NOT_DEAD', () => evaluate({ meterPoint: meterPoint({ status: 'LI' }) })],
    ['STATUS_ALREADY_DEAD', () => evaluate({ submission: isoSubmission(), meterPoint: meterPoint({ status: 'DE' }) })],
    [
      'STATUS_NOT_CAPPED_OR_CLAMPED',
      () =>
        evaluate({
          submission: withItem(withItem(isoSubmission(), 'requestedStatus', 'LI'), 'isolation.workType', 'UNCAPPED'),
          meterPoint: meterPoint({ status: 'LI' }),
        }),
    ],
    ['NOT_REGISTERED_SHIPPER', () => evaluate({ originator: SHIPPER_B })],
    ['OPEN_CONTACT_EXISTS', () => evaluate({ openContact: { crn: 'CRN-2026-000123', visibleToOriginator: true } })],
    ['MANDATORY_FIELD', () => evaluate({ submission: withItem(dtlSubmission(), 'description', undefined) })],
    [
      'ORG_NOT_PERMITTED',
      () => evaluate({ originator: CADENT, meterPoint: meterPoint({ registeredShipperId: null }) }),
    ],
  ];

  it.each(cases)('rejects with %s alone', (code, decide) => {
    const decision = decide();

    expect(codesOf(decision)).toEqual([code]);
  });

  it('has a case for every rejection code', () => {
    expect(cases.map(([code]) => code).sort()).toEqual([...REJECTION_CODES].sort());
  });

  it('tells the shipper that an unknown MPRN needs an MPRN creation request, not a DTL/ISO contact', () => {
    const [rejection] = rejectionsOf(evaluate({ meterPoint: null }));

    expect(rejection).toMatchObject({ code: 'MPRN_NOT_FOUND', field: 'mprn' });
    expect(rejection?.message).toContain('MPRN creation request (the MNC process)');
    expect(rejection?.message).toContain('instead of a DTL or ISO contact');
  });

  it('hints at a typing mistake when an unknown MPRN has inconsistent check digits', () => {
    const submission = withItem(dtlSubmission(), 'mprn', '3938424404');

    const [rejection] = rejectionsOf(evaluate({ submission, meterPoint: null }));

    expect(rejection?.code).toBe('MPRN_NOT_FOUND');
    expect(rejection?.message).toContain('check digits also look wrong');
  });

  it.each(['0', '00'])('hints at a typing mistake for the unknown MPRN %p, too short for a body and check digits', (mprn) => {
    const submission = withItem(dtlSubmission(), 'mprn', mprn);

    const [rejection] = rejectionsOf(evaluate({ submission, meterPoint: null }));

    expect(rejection?.code).toBe('MPRN_NOT_FOUND');
    expect(rejection?.message).toContain('check digits also look wrong');
  });

  it('does not hint at a typing mistake when the unknown MPRN has consistent check digits', () => {
    const [rejection] = rejectionsOf(evaluate({ meterPoint: null }));

    expect(rejection?.message).not.toContain('check digits');
  });

  it('gives an extinct meter point the same MNC guidance and no other status reason', () => {
    const rejections = rejectionsOf(evaluate({ meterPoint: meterPoint({ status: 'EX' }) }));

    expect(rejections).toHaveLength(1);
    expect(rejections[0]?.message).toContain('MPRN creation request (the MNC process)');
  });

  it('still applies the shipper and open-contact rules to an extinct meter point, for an organisation involved in the open contact', () => {
    const decision = evaluate({
      originator: SHIPPER_B,
      meterPoint: meterPoint({ status: 'EX' }),
      openContact: { crn: 'CRN-1', visibleToOriginator: true },
    });

    expect(codesOf(decision)).toEqual(['MPRN_EXTINCT', 'NOT_REGISTERED_SHIPPER', 'OPEN_CONTACT_EXISTS']);
  });

  it('names the open contact by its CRN to an organisation involved in it', () => {
    const [rejection] = rejectionsOf(evaluate({ openContact: { crn: 'CRN-2026-000123', visibleToOriginator: true } }));

    expect(rejection?.message).toContain('CRN-2026-000123');
  });

  it('still rejects, but does not name the open contact, for an organisation not involved in it', () => {
    const [rejection] = rejectionsOf(evaluate({ openContact: { crn: 'CRN-2026-000123', visibleToOriginator: false } }));

    expect(rejection?.code).toBe('OPEN_CONTACT_EXISTS');
    expect(rejection?.message).not.toContain('CRN-2026-000123');
    expect(rejection?.message).toContain('not shown to your organisation');
  });

  it('refuses an ISO to Live on a Dead meter point as not capped or clamped', () => {
    const submission = withItem(withItem(isoSubmission(), 'requestedStatus', 'LI'), 'isolation.workType', 'UNCLAMPED');

    const decision = evaluate({ submission, meterPoint: meterPoint({ status: 'DE' }) });

    expect(codesOf(decision)).toEqual(['STATUS_NOT_CAPPED_OR_CLAMPED']);
  });

  it('describes the meter point status by name in a status message', () => {
    const [rejection] = rejectionsOf(evaluate({ meterPoint: meterPoint({ status: 'CA' }) }));

    expect(rejection?.message).toContain('Capped (CA)');
  });

  it('does not name the registered shipper to another shipper', () => {
    const [rejection] = rejectionsOf(evaluate({ originator: SHIPPER_B }));

    expect(rejection?.message).not.toContain(SHIPPER_A.organisationId);
  });
});

describe('evaluateSubmission: every reason at once', () => {
  it('returns four entries for a submission that breaks four rules', () => {
    const submission = withItem(dtlSubmission(), 'description', undefined);

    const decision = evaluate({
      submission,
      originator: SHIPPER_B,
      meterPoint: meterPoint({ status: 'LI' }),
      openContact: { crn: 'CRN-9', visibleToOriginator: true },
    });

    expect(codesOf(decision)).toEqual([
      'MANDATORY_FIELD',
      'STATUS_NOT_DEAD',
      'NOT_REGISTERED_SHIPPER',
      'OPEN_CONTACT_EXISTS',
    ]);
  });

  it('returns field faults, the organisation rule and the register rules together', () => {
    const submission = withItem(
      withItem(isoSubmission(), 'originatorContact', { name: '' }),
      'isolation.workDate',
      '2027-01-01',
    );

    const decision = evaluate({
      submission,
      originator: CADENT,
      meterPoint: meterPoint({ status: 'DE' }),
      // Cadent involved in the open contact (referred to it): told of it beside every other reason.
      openContact: { crn: 'CRN-9', visibleToOriginator: true },
    });

    expect(rejectionsOf(decision).map((r) => [r.code, r.field])).toEqual([
      ['MANDATORY_FIELD', 'originatorContact.name'],
      ['MANDATORY_FIELD', 'originatorContact'],
      ['MANDATORY_FIELD', 'isolation.workDate'],
      ['ORG_NOT_PERMITTED', undefined],
      ['STATUS_ALREADY_DEAD', 'mprn'],
      ['NOT_REGISTERED_SHIPPER', undefined],
      ['OPEN_CONTACT_EXISTS', 'mprn'],
    ]);
  });

  it('still checks the register when the contact type is unknown', () => {
    const submission = withItem(dtlSubmission(), 'type', 'DTI');

    const decision = evaluate({ submission, meterPoint: null });

    expect(rejectionsOf(decision).map((r) => [r.code, r.field])).toEqual([
      ['MANDATORY_FIELD', 'type'],
      ['MPRN_NOT_FOUND', 'mprn'],
    ]);
  });

  it('applies no register rule to a malformed MPRN, even if a meter point and open contact are passed', () => {
    const submission = withItem(dtlSubmission(), 'mprn', '12345678901');

    const decision = evaluate({
      submission,
      originator: SHIPPER_B,
      meterPoint: meterPoint({ status: 'LI' }),
      openContact: { crn: 'CRN-9', visibleToOriginator: false },
    });

    expect(codesOf(decision)).toEqual(['MPRN_FORMAT']);
  });
});

describe('evaluateSubmission: who learns of an open contact (docs/domain.md, OPEN_CONTACT_EXISTS and Transparency)', () => {
  const OPEN_CRN = 'CRN-2026-000777';
  const involved = { crn: OPEN_CRN, visibleToOriginator: true };
  const notInvolved = { crn: OPEN_CRN, visibleToOriginator: false };
  const notEntitled: [string, Partial<LoggingRulesInput>, RejectionCode[]][] = [
    ['another shipper than the registered one', { originator: SHIPPER_B }, ['NOT_REGISTERED_SHIPPER']],
    ['an organisation type that may not raise the contact type', { originator: CADENT, meterPoint: meterPoint({ registeredShipperId: null }) }, ['ORG_NOT_PERMITTED']],
    ['a submitter on an MPRN the register does not know', { meterPoint: null }, ['MPRN_NOT_FOUND']],
    ['a submitter on an extinct meter point', { meterPoint: meterPoint({ status: 'EX' }) }, ['MPRN_EXTINCT']],
    [
      'a transporter whose submission has no readable contact type (no type is open to it)',
      { originator: CADENT, meterPoint: meterPoint({ registeredShipperId: null }), submission: withItem(dtlSubmission(), 'type', undefined) },
      ['MANDATORY_FIELD'],
    ],
  ];

  it.each(notEntitled)('does not tell %s, not involved in it, that a contact is open', (_who, overrides, codes) => {
    const decision = evaluate({ ...overrides, openContact: notInvolved });

    expect(codesOf(decision)).toEqual(codes);
    expect(JSON.stringify(decision)).not.toContain(OPEN_CRN);
  });

  it.each(notEntitled)('names the open contact to %s when involved in it, beside every other reason', (_who, overrides, codes) => {
    const rejections = rejectionsOf(evaluate({ ...overrides, openContact: involved }));

    expect(rejections.map((rejection) => rejection.code)).toEqual([...codes, 'OPEN_CONTACT_EXISTS']);
    expect(rejections[rejections.length - 1]?.message).toContain(OPEN_CRN);
  });

  it.each<[string, Partial<LoggingRulesInput>, RejectionCode[]]>([
    ['a request the meter point status does not allow', { meterPoint: meterPoint({ status: 'LI' }) }, ['STATUS_NOT_DEAD']],
    ['a missing item', { submission: withItem(dtlSubmission(), 'description', undefined) }, ['MANDATORY_FIELD']],
    ['no readable contact type', { submission: withItem(dtlSubmission(), 'type', undefined) }, ['MANDATORY_FIELD']],
    ['no other reason (the rule alone)', {}, []],
  ])('tells an entitled shipper not involved in it that one is open, without its CRN, beside %s', (_what, overrides, codes) => {
    const rejections = rejectionsOf(evaluate({ ...overrides, openContact: notInvolved }));

    expect(rejections.map((rejection) => rejection.code)).toEqual([...codes, 'OPEN_CONTACT_EXISTS']);
    expect(rejections[rejections.length - 1]?.message).toContain('not shown to your organisation');
    expect(JSON.stringify(rejections)).not.toContain(OPEN_CRN);
  });

  it('tells another shipper of it when the registered-shipper rule is switched off, since it is then entitled', () => {
    const decision = evaluate({ originator: SHIPPER_B, openContact: notInvolved, rules: { originatorMustBeRegisteredShipper: false } });

    expect(codesOf(decision)).toEqual(['OPEN_CONTACT_EXISTS']);
  });

  it('tells a transporter of it when the rules permit its organisation type the contact type', () => {
    const decision = evaluate({
      originator: CADENT,
      meterPoint: meterPoint({ registeredShipperId: null }),
      openContact: notInvolved,
      rules: { permittedOrganisationTypes: { DTL: ['SHIPPER', 'DN'], ISO: ['SHIPPER'] } },
    });

    expect(codesOf(decision)).toEqual(['OPEN_CONTACT_EXISTS']);
  });
});

describe('evaluateSubmission: each mandatory item missing gives its own field entry', () => {
  it.each([
    'type',
    'mprn',
    'originatorContact.name',
    'description',
    'dtlEvidence.meterRead.value',
    'dtlEvidence.meterRead.readDate',
    'dtlEvidence.meterSerialNumber',
  ])('a DTL submission without %s gets one MANDATORY_FIELD entry on it', (path) => {
    const submission = withItem(dtlSubmission(), path, undefined);

    const decision = evaluate({ submission, meterPoint: path === 'mprn' ? null : meterPoint() });

    expect(rejectionsOf(decision)).toEqual([
      { code: 'MANDATORY_FIELD', field: path, message: expect.stringContaining('is required') },
    ]);
  });

  it.each(['requestedStatus', 'isolation.workDate', 'isolation.workType'])(
    'an ISO submission without %s gets one MANDATORY_FIELD entry on it',
    (path) => {
      const submission = withItem(isoSubmission(), path, undefined);

      const decision = evaluate({ submission, meterPoint: meterPoint({ status: 'LI' }) });

      expect(rejectionsOf(decision)).toEqual([
        { code: 'MANDATORY_FIELD', field: path, message: expect.stringContaining('is required') },
      ]);
    },
  );

  it('a submission with neither telephone nor email gets one entry on originatorContact', () => {
    const submission = withItem(dtlSubmission(), 'originatorContact', { name: 'Priya Shah' });

    const decision = evaluate({ submission });

    expect(rejectionsOf(decision)).toEqual([
      {
        code: 'MANDATORY_FIELD',
        field: 'originatorContact',
        message: "The originator's telephone number or email address is required.",
      },
    ]);
  });

  it('a DTL submission without any evidence gets an entry for each evidence item', () => {
    const submission = withItem(dtlSubmission(), 'dtlEvidence', undefined);

    const decision = evaluate({ submission });

    expect(rejectionsOf(decision).map((r) => r.field)).toEqual([
      'dtlEvidence.meterRead.value',
      'dtlEvidence.meterRead.readDate',
      'dtlEvidence.meterSerialNumber',
    ]);
  });

  it('an empty submission gets an entry for every mandatory item and no register reason', () => {
    const decision = evaluate({ submission: {}, meterPoint: null });

    expect(rejectionsOf(decision).map((r) => [r.code, r.field])).toEqual([
      ['MANDATORY_FIELD', 'type'],
      ['MANDATORY_FIELD', 'mprn'],
      ['MANDATORY_FIELD', 'originatorContact.name'],
      ['MANDATORY_FIELD', 'originatorContact'],
      ['MANDATORY_FIELD', 'description'],
    ]);
  });
});

describe('evaluateSubmission: product decisions are configuration', () => {
  it('lets a DN raise a contact when the rules permit DN for that type', () => {
    const decision = evaluate({
      originator: CADENT,
      meterPoint: meterPoint({ registeredShipperId: null }),
      rules: { permittedOrganisationTypes: { DTL: ['SHIPPER', 'DN'], ISO: ['SHIPPER'] } },
    });

    expect(decision.accepted).toBe(true);
  });

  it('lets another shipper raise a contact when the registered-shipper rule is switched off', () => {
    const decision = evaluate({
      originator: SHIPPER_B,
      rules: { originatorMustBeRegisteredShipper: false },
    });

    expect(decision.accepted).toBe(true);
  });

  it('refuses a meter read older than the configured maximum age', () => {
    const submission = withItem(dtlSubmission(), 'dtlEvidence.meterRead.readDate', '2026-11-01');

    const decision = evaluate({ submission, rules: { maxMeterReadAgeDays: 7 } });

    expect(rejectionsOf(decision)).toEqual([
      {
        code: 'MANDATORY_FIELD',
        field: 'dtlEvidence.meterRead.readDate',
        message: 'The meter read date must be no more than 7 days ago.',
      },
    ]);
  });

  it('reads meter point statuses through the configured reference data codes', () => {
    const rules = {
      meterPointStatusCodes: { live: 'L', dead: 'D', capped: 'C1', clamped: 'C2', extinct: 'X' },
    };

    expect(evaluate({ meterPoint: meterPoint({ status: 'D' }), rules }).accepted).toBe(true);
    expect(codesOf(evaluate({ meterPoint: meterPoint({ status: 'DE' }), rules }))).toEqual(['STATUS_NOT_DEAD']);
    expect(codesOf(evaluate({ meterPoint: meterPoint({ status: 'X' }), rules }))).toEqual(['MPRN_EXTINCT']);
  });
});
