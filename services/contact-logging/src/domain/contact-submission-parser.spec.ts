import { parseSubmission, ParsedSubmission, readMprn } from './contact-submission-parser';
import { dtlSubmission, isoSubmission, TODAY, withItem } from './contact-submission.fixture';

function parse(submission: unknown): ParsedSubmission {
  return parseSubmission(submission, { today: TODAY });
}

function faultsOf(parsed: ParsedSubmission): [string, string | undefined][] {
  return parsed.rejections.map((r) => [r.code, r.field]);
}

describe('parseSubmission: normalised values', () => {
  it('trims text and normalises the postcode of an alternative address', () => {
    const submission = {
      ...dtlSubmission(),
      description: '  Gas in use.  ',
      originatorContact: { name: '  Priya Shah ', email: ' priya@shipper-a.example ' },
      alternativeAddress: { buildingNumber: ' 12 ', thoroughfare: 'High Street', postcode: ' sw1a1aa ' },
    };

    const parsed = parse(submission);

    expect(parsed.rejections).toEqual([]);
    expect(parsed.contact).toMatchObject({
      description: 'Gas in use.',
      originatorContact: { name: 'Priya Shah', telephone: null, email: 'priya@shipper-a.example' },
      alternativeAddress: { buildingNumber: '12', thoroughfare: 'High Street', postcode: 'SW1A 1AA', postTown: null },
    });
  });

  it('keeps the MPRN digits as given, leading zeros included', () => {
    const parsed = parse(withItem(dtlSubmission(), 'mprn', '0012345678'));

    expect(parsed.contact?.mprn).toBe('0012345678');
  });

  it('accepts the MPRN and the meter read as JSON numbers and keeps them as digit strings', () => {
    const submission = withItem(withItem(dtlSubmission(), 'mprn', 3938424403), 'dtlEvidence.meterRead.value', 4521);

    const parsed = parse(submission);

    expect(parsed.contact).toMatchObject({ mprn: '3938424403', dtlEvidence: { meterRead: { value: '4521' } } });
  });

  it('records that a DTL contact asks for Live', () => {
    expect(parse(dtlSubmission()).requestedStatus).toBe('LI');
    expect(parse(withItem(dtlSubmission(), 'requestedStatus', 'LI')).contact?.requestedStatus).toBe('LI');
  });

  it('applies NFC normalisation so the same text is stored the same way', () => {
    const decomposed = 'Cafe\u0301 on the corner';

    const parsed = parse(withItem(dtlSubmission(), 'description', decomposed));

    expect(parsed.contact?.description).toBe('Caf\u00e9 on the corner');
  });

  it('treats blank optional items as not given', () => {
    const submission = withItem(dtlSubmission(), 'originatorContact', {
      name: 'Priya',
      telephone: '',
      email: 'p@a.example',
    });

    const parsed = parse(submission);

    expect(parsed.contact?.originatorContact).toEqual({ name: 'Priya', telephone: null, email: 'p@a.example' });
  });

  it('reads an untouched, all-blank alternative address as none', () => {
    const submission = withItem(dtlSubmission(), 'alternativeAddress', { postcode: '', thoroughfare: ' ' });

    expect(parse(submission).contact?.alternativeAddress).toBeNull();
  });
});

describe('parseSubmission: the items still known when others are at fault', () => {
  it('gives the type, MPRN and requested status even when the description is missing', () => {
    const parsed = parse(withItem(isoSubmission(), 'description', undefined));

    expect(parsed).toMatchObject({ type: 'ISO', mprn: '3938424403', requestedStatus: 'DE', contact: null });
  });
});

describe('parseSubmission: malformed items', () => {
  it('refuses a submission that is not a JSON object with a single reason', () => {
    for (const submission of [null, 'DTL', [dtlSubmission()], 42]) {
      expect(parse(submission).rejections).toEqual([
        { code: 'MANDATORY_FIELD', message: 'The submission must be a JSON object.' },
      ]);
    }
  });

  it('refuses an unknown contact type on the type field', () => {
    expect(faultsOf(parse(withItem(dtlSubmission(), 'type', 'dtl')))).toEqual([['MANDATORY_FIELD', 'type']]);
  });

  it('refuses a malformed MPRN as MPRN_FORMAT rather than a missing field', () => {
    expect(faultsOf(parse(withItem(dtlSubmission(), 'mprn', '12345678901')))).toEqual([['MPRN_FORMAT', 'mprn']]);
  });

  it('refuses a DTL contact that requests Dead', () => {
    expect(faultsOf(parse(withItem(dtlSubmission(), 'requestedStatus', 'DE')))).toEqual([
      ['MANDATORY_FIELD', 'requestedStatus'],
    ]);
  });

  it('refuses an ISO requested status other than DE or LI', () => {
    const parsed = parse(withItem(isoSubmission(), 'requestedStatus', 'CA'));

    expect(parsed.rejections).toEqual([
      { code: 'MANDATORY_FIELD', field: 'requestedStatus', message: 'The requested status must be one of: DE, LI.' },
    ]);
  });

  it('refuses isolation work on a DTL contact and DTL evidence on an ISO contact', () => {
    const dtl = withItem(dtlSubmission(), 'isolation', { workDate: '2026-11-01', workType: 'CAPPED' });
    const iso = withItem(isoSubmission(), 'dtlEvidence', dtlSubmission().dtlEvidence);

    expect(faultsOf(parse(dtl))).toEqual([['MANDATORY_FIELD', 'isolation']]);
    expect(faultsOf(parse(iso))).toEqual([['MANDATORY_FIELD', 'dtlEvidence']]);
  });

  it('checks the evidence sent with a submission of unknown type', () => {
    const submission = withItem(
      withItem(dtlSubmission(), 'type', undefined),
      'dtlEvidence.meterSerialNumber',
      'G4A 001',
    );

    expect(faultsOf(parse(submission))).toEqual([
      ['MANDATORY_FIELD', 'type'],
      ['MANDATORY_FIELD', 'dtlEvidence.meterSerialNumber'],
    ]);
  });

  it('refuses an ISO work type that implies the other requested status, on isolation.workType', () => {
    const submission = withItem(isoSubmission(), 'isolation.workType', 'UNCAPPED');

    const parsed = parse(submission);

    expect(parsed.rejections).toEqual([
      {
        code: 'MANDATORY_FIELD',
        field: 'isolation.workType',
        message: 'Work of kind UNCAPPED sets a meter point Live (LI), but the contact requests DE.',
      },
    ]);
  });

  it.each([
    ['a line break', 'Gas in use.\nDials moving.'],
    ['a tab', 'Gas\tin use'],
    ['a NUL character', 'Gas in use\u0000'],
    ['a bidirectional override', 'Gas in use \u202Eesu ni'],
  ])('refuses a description containing %s', (_case, description) => {
    const parsed = parse(withItem(dtlSubmission(), 'description', description));

    expect(parsed.rejections).toEqual([
      {
        code: 'MANDATORY_FIELD',
        field: 'description',
        message: 'The description must not contain control characters such as line breaks or tabs.',
      },
    ]);
  });

  it('refuses text holding half a surrogate pair', () => {
    const parsed = parse(withItem(dtlSubmission(), 'originatorContact.name', 'Priya \uD83D'));

    expect(faultsOf(parsed)).toEqual([['MANDATORY_FIELD', 'originatorContact.name']]);
  });

  it('counts characters, not UTF-16 units, against the length limits', () => {
    const fits = '🔥'.repeat(100);

    expect(parse(withItem(dtlSubmission(), 'originatorContact.name', fits)).rejections).toEqual([]);
    expect(faultsOf(parse(withItem(dtlSubmission(), 'originatorContact.name', `${fits}x`)))).toEqual([
      ['MANDATORY_FIELD', 'originatorContact.name'],
    ]);
  });

  it('refuses a description longer than 2000 characters', () => {
    const parsed = parse(withItem(dtlSubmission(), 'description', 'x'.repeat(2001)));

    expect(parsed.rejections[0]?.message).toBe('The description must be at most 2000 characters.');
  });

  it('refuses a number where text is expected', () => {
    expect(parse(withItem(dtlSubmission(), 'description', 42)).rejections[0]?.message).toBe(
      'The description must be text.',
    );
  });

  it('refuses an originatorContact that is not an object with one entry on it', () => {
    expect(faultsOf(parse(withItem(dtlSubmission(), 'originatorContact', 'Priya')))).toEqual([
      ['MANDATORY_FIELD', 'originatorContact'],
    ]);
  });

  it('refuses unknown fields at every level, one entry each', () => {
    const submission = withItem(withItem(dtlSubmission(), 'priority', 'HIGH'), 'dtlEvidence.meterRead.unit', 'm3');

    expect(parse(submission).rejections).toEqual([
      { code: 'MANDATORY_FIELD', field: 'priority', message: '"priority" is not a recognised field.' },
      { code: 'MANDATORY_FIELD', field: 'dtlEvidence.meterRead.unit', message: '"unit" is not a recognised field.' },
    ]);
  });
});

describe('parseSubmission: caller mistakes', () => {
  it('throws when today is not a calendar date', () => {
    expect(() => parseSubmission(dtlSubmission(), { today: '23/11/2026' })).toThrow(RangeError);
  });
});

describe('readMprn', () => {
  it('reads the normalised MPRN from a submission so the caller can look it up', () => {
    expect(readMprn({ type: 'DTL', mprn: ' 3938424403 ' })).toBe('3938424403');
    expect(readMprn({ type: 'DTL', mprn: 3938424403 })).toBe('3938424403');
  });

  it('reads nothing from a submission whose MPRN is missing or malformed', () => {
    expect(readMprn({ type: 'DTL' })).toBeNull();
    expect(readMprn({ mprn: 'ABC' })).toBeNull();
    expect(readMprn('3938424403')).toBeNull();
  });
});
