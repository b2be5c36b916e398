import {
  axisOf,
  defaultPeriod,
  formatDays,
  mondayOf,
  outcomeBars,
  overdueBars,
  periodProblems,
  resolutionBars,
  weeksOf,
} from './statistics';

describe('the CDSP dashboard', () => {
  it('opens on the twelve weeks to today, from a Monday', () => {
    expect(mondayOf('2026-11-20')).toBe('2026-11-16'); // a Friday
    expect(mondayOf('2026-11-22')).toBe('2026-11-16'); // a Sunday
    expect(mondayOf('2026-11-16')).toBe('2026-11-16');
    expect(defaultPeriod('2026-11-20')).toEqual({ from: '2026-08-31', to: '2026-11-20' });
  });

  it('checks a period as the API does, each reason on its date', () => {
    expect(periodProblems('2026-08-31', '2026-11-20')).toEqual([]);
    expect(periodProblems(undefined, '2026-02-30').map((problem) => problem.field)).toEqual(['from', 'to']);
    expect(periodProblems('2026-11-20', '2026-11-19')).toEqual([
      { field: 'to', message: 'The last day must be on or after the first.' },
    ]);
    expect(periodProblems('2025-01-01', '2026-01-02')).toEqual([
      { field: 'from', message: 'The period may be at most 366 days long.' },
    ]);
  });

  it('reads the weekly figures as one row a week, each type in it', () => {
    const { types, weeks } = weeksOf({
      loggedPerWeek: [
        { weekStarting: '2026-11-09', type: 'DTL', contacts: 3 },
        { weekStarting: '2026-11-09', type: 'ISO', contacts: 1 },
        { weekStarting: '2026-11-16', type: 'DTL', contacts: 0 },
        { weekStarting: '2026-11-16', type: 'ISO', contacts: 2 },
      ],
    });
    expect(types).toEqual(['DTL', 'ISO']);
    expect(weeks).toEqual([
      { weekStarting: '2026-11-09', byType: { DTL: 3, ISO: 1 }, total: 4 },
      { weekStarting: '2026-11-16', byType: { DTL: 0, ISO: 2 }, total: 2 },
    ]);
  });

  it('adds the outcomes of both types, naming each and those closed automatically', () => {
    expect(
      outcomeBars({
        outcomes: [
          { type: 'DTL', outcome: 'VALID', contacts: 4, closedAutomatically: 0 },
          { type: 'ISO', outcome: 'VALID', contacts: 1, closedAutomatically: 0 },
          { type: 'ISO', outcome: 'INVALID', contacts: 2, closedAutomatically: 2 },
        ],
      }),
    ).toEqual([
      { label: 'Resolved valid', value: 5, note: undefined },
      { label: 'Resolved invalid', value: 2, note: '2 closed automatically' },
      { label: 'Withdrawn', value: 0, note: undefined },
    ]);
  });

  it('bands the days to resolve, every band shown', () => {
    const bars = resolutionBars({
      timeToResolve: {
        resolved: 6,
        medianDays: 5,
        p90Days: 22,
        byDays: [
          { days: 0, contacts: 1 },
          { days: 5, contacts: 2 },
          { days: 6, contacts: 1 },
          { days: 40, contacts: 2 },
        ],
      },
    });
    expect(bars.map((bar) => [bar.label, bar.value])).toEqual([
      ['0 to 1 days', 1],
      ['2 to 5 days', 2],
      ['6 to 10 days', 1],
      ['11 to 20 days', 0],
      ['21 days or more', 2],
    ]);
  });

  it('names each party and what it owes', () => {
    const names: Record<string, string> = { a: 'Brightwater Energy', c: 'Central Data Service Provider' };
    expect(
      overdueBars(
        {
          overdueByParty: [
            { organisationId: 'a', item: 'DC', contacts: 3 },
            { organisationId: 'c', item: 'RESOLUTION', contacts: 1 },
          ],
        },
        (id) => names[id],
      ),
    ).toEqual([
      { label: 'Brightwater Energy: data clarification', value: 3 },
      { label: 'Central Data Service Provider: resolution', value: 1 },
    ]);
  });

  it('draws axes to a round top with whole-number steps', () => {
    expect(axisOf(0)).toEqual({ top: 1, ticks: [0, 1] });
    expect(axisOf(3)).toEqual({ top: 3, ticks: [0, 1, 2, 3] });
    expect(axisOf(7)).toEqual({ top: 8, ticks: [0, 2, 4, 6, 8] });
    expect(axisOf(230)).toEqual({ top: 250, ticks: [0, 50, 100, 150, 200, 250] });
    expect(formatDays(6)).toBe('6');
    expect(formatDays(6.8)).toBe('6.8');
    expect(formatDays(null)).toBe('–');
  });
});
