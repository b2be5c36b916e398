import { TODAY } from './contact-submission.fixture';
import { toEpochDay } from '@cms/gas-market';
import { DtlEvidence, readDtlEvidence } from './dtl-evidence';
import type { Rejection } from './rejection';

const dates = { todayEpochDay: toEpochDay(TODAY) as number, maxMeterReadAgeDays: 365 };

function read(raw: unknown): { evidence: DtlEvidence | null; problems: Rejection[] } {
  const problems: Rejection[] = [];
  const evidence = readDtlEvidence(raw, dates, problems);
  return { evidence, problems };
}

function evidenceWith(value: unknown, readDate: unknown = '2026-11-20', meterSerialNumber: unknown = 'G4A-001') {
  return { meterRead: { value, readDate }, meterSerialNumber };
}

describe('readDtlEvidence', () => {
  it('reads a meter read, its date and the serial number', () => {
    expect(read(evidenceWith('04521')).evidence).toEqual({
      meterRead: { value: '04521', readDate: '2026-11-20' },
      meterSerialNumber: 'G4A-001',
    });
  });

  it.each<unknown>([0, 123456789012, '000000000000'])('accepts the meter read %p', (value) => {
    expect(read(evidenceWith(value)).problems).toEqual([]);
  });

  it.each<unknown>([-1, 12.5, '12.5', '1234567890123', 1234567890123, 'ten', true])(
    'refuses the meter read %p',
    (value) => {
      expect(read(evidenceWith(value)).problems).toEqual([
        {
          code: 'MANDATORY_FIELD',
          field: 'dtlEvidence.meterRead.value',
          message: 'The meter read must be a whole number of up to 12 digits.',
        },
      ]);
    },
  );

  it.each([
    ['today', TODAY, null],
    ['exactly the maximum age ago', '2025-11-23', null],
    ['tomorrow', '2026-11-24', 'The meter read date must not be in the future.'],
    ['a day too old', '2025-11-22', 'The meter read date must be no more than 365 days ago.'],
    ['not a real date', '2026-02-29', 'The meter read date must be a real date written YYYY-MM-DD.'],
    ['in another format', '20/11/2026', 'The meter read date must be a real date written YYYY-MM-DD.'],
  ])('with a read date %s gives %p', (_case, readDate, message) => {
    const { problems } = read(evidenceWith('1', readDate));

    expect(problems.map((p) => p.message)).toEqual(message === null ? [] : [message]);
  });

  it.each(['G4A 001', 'G4A_001', 'A'.repeat(21)])('refuses the meter serial number %p', (serial) => {
    const { problems } = read(evidenceWith('1', '2026-11-20', serial));

    expect(problems.map((p) => p.field)).toEqual(['dtlEvidence.meterSerialNumber']);
  });

  it('refuses a meter read that is not an object with one entry on it', () => {
    const { problems } = read({ meterRead: '04521', meterSerialNumber: 'G4A-001' });

    expect(problems.map((p) => p.field)).toEqual(['dtlEvidence.meterRead']);
  });
});
