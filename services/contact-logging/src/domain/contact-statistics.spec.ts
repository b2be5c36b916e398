import { periodProblems, readsContactStatistics, STATISTICS_PERIOD_MAX_DAYS } from './contact-statistics';

describe('the contact statistics', () => {
  it('are read by the CDSP alone', () => {
    expect(readsContactStatistics('CDSP')).toBe(true);
    for (const type of ['SHIPPER', 'DN', 'IGT', 'DMSP', 'MRA', 'UIP'] as const) expect(readsContactStatistics(type)).toBe(false);
  });

  it('take a period of one day up to the longest, both days included', () => {
    expect(periodProblems('2026-11-20', '2026-11-20')).toEqual([]);
    expect(periodProblems('2028-01-01', '2028-12-31')).toEqual([]); // a leap year: 366 days
    expect(STATISTICS_PERIOD_MAX_DAYS).toBe(366);
  });

  it('refuse a period that ends before it starts, on `to`, and one too long, on `from`', () => {
    expect(periodProblems('2026-11-20', '2026-11-19')).toEqual([{ field: 'to', message: 'to must be on or after from.' }]);
    expect(periodProblems('2026-01-01', '2027-01-02')).toEqual([
      { field: 'from', message: 'The period may be at most 366 days long; this one is 367.' },
    ]);
  });

  it('count days across the change to summer time as whole days', () => {
    expect(periodProblems('2026-03-28', '2026-03-30')).toEqual([]);
    expect(periodProblems('2025-03-30', '2026-03-30')).toEqual([]); // 366 days
  });
});
