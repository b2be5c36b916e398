import { toEpochDay } from '@cms/gas-market';
import { TODAY } from './contact-submission.fixture';
import { IsolationWorkType, readIsolationWork, requestedStatusImpliedBy } from './isolation-work';
import type { RequestedMeterPointStatus } from './requested-meter-point-status';
import type { Rejection } from './rejection';

const today = toEpochDay(TODAY) as number;

describe('requestedStatusImpliedBy', () => {
  it.each<[IsolationWorkType, RequestedMeterPointStatus]>([
    ['SERVICE_REMOVED', 'DE'],
    ['CAPPED', 'DE'],
    ['CLAMPED', 'DE'],
    ['UNCAPPED', 'LI'],
    ['UNCLAMPED', 'LI'],
  ])('work of kind %s implies %s', (workType, status) => {
    expect(requestedStatusImpliedBy(workType)).toBe(status);
  });
});

describe('readIsolationWork', () => {
  it('reads the work date and kind', () => {
    const problems: Rejection[] = [];

    const work = readIsolationWork({ workDate: '2026-11-01', workType: 'CLAMPED' }, 'DE', today, problems);

    expect(work).toEqual({ workDate: '2026-11-01', workType: 'CLAMPED' });
    expect(problems).toEqual([]);
  });

  it('accepts work done long ago: only the meter read has a maximum age', () => {
    const problems: Rejection[] = [];

    readIsolationWork({ workDate: '2001-01-01', workType: 'CAPPED' }, 'DE', today, problems);

    expect(problems).toEqual([]);
  });

  it('refuses work dated in the future', () => {
    const problems: Rejection[] = [];

    readIsolationWork({ workDate: '2026-11-24', workType: 'CAPPED' }, 'DE', today, problems);

    expect(problems).toEqual([
      {
        code: 'MANDATORY_FIELD',
        field: 'isolation.workDate',
        message: 'The isolation work date must not be in the future.',
      },
    ]);
  });

  it('refuses a kind of work it does not know', () => {
    const problems: Rejection[] = [];

    readIsolationWork({ workDate: '2026-11-01', workType: 'DISCONNECTED' }, 'DE', today, problems);

    expect(problems.map((p) => p.field)).toEqual(['isolation.workType']);
  });

  it('does not judge consistency while the requested status is unknown', () => {
    const problems: Rejection[] = [];

    readIsolationWork({ workDate: '2026-11-01', workType: 'UNCAPPED' }, null, today, problems);

    expect(problems).toEqual([]);
  });
});
