import { WorkingDayCalendar } from '@cms/gas-market';
import { findingDueOn } from './site-visit-clock';
import { isOpenSiteVisit } from './site-visit';

const englandAndWales = new WorkingDayCalendar('ENGLAND_AND_WALES');
const scotland = new WorkingDayCalendar('SCOTLAND');

describe("a site visit's clock", () => {
  it('makes the finding due the set number of working days after the referral', () => {
    // Tuesday 1 December 2026: ten working days on is Tuesday 15 December.
    expect(findingDueOn('2026-12-01', englandAndWales, 10)).toBe('2026-12-15');
    expect(findingDueOn('2026-12-01', englandAndWales, 5)).toBe('2026-12-08');
  });

  it("counts in the meter point's calendar: Scotland keeps 2 January's substitute, England and Wales do not", () => {
    expect(findingDueOn('2026-12-22', englandAndWales, 10)).toBe('2027-01-08');
    expect(findingDueOn('2026-12-22', scotland, 10)).toBe('2027-01-11');
  });

  it('counts closure days as non-working days', () => {
    expect(findingDueOn('2026-12-01', new WorkingDayCalendar('ENGLAND_AND_WALES', ['2026-12-14']), 10)).toBe('2026-12-16');
  });

  it('runs while the visit waits on the transporter: referred or accepted', () => {
    expect(isOpenSiteVisit({ status: 'REFERRED' })).toBe(true);
    expect(isOpenSiteVisit({ status: 'ACCEPTED' })).toBe(true);
    for (const status of ['DECLINED', 'FINDING_REPORTED', 'CANCELLED'] as const) expect(isOpenSiteVisit({ status })).toBe(false);
  });
});
