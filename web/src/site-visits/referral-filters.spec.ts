import { nextPageSearch } from '../contacts/contact-filters';
import {
  referralFilterErrors,
  referralFilterOf,
  referralFiltersOf,
  referralQueryOf,
  referralSearchOf,
} from './referral-filters';

describe('the referrals’ filters', () => {
  it('puts a status and due days typed as day, month and year in the address, as dates', () => {
    const search = referralSearchOf({ status: 'REFERRED', dueFrom: '2026-12-1', dueTo: '2027-1-31' });
    expect(search).toBe('?status=REFERRED&dueFrom=2026-12-01&dueTo=2027-01-31');
    expect(referralFiltersOf(new URLSearchParams(search))).toEqual({
      status: 'REFERRED',
      dueFrom: '2026-12-01',
      dueTo: '2027-01-31',
    });
    expect(referralSearchOf({ status: '', dueFrom: '', dueTo: '' })).toBe('');
  });

  it('asks the API for that page of them', () => {
    const first = new URLSearchParams('status=ACCEPTED&dueTo=2026-12-24');
    expect(referralQueryOf(first)).toEqual({ limit: 25, status: 'ACCEPTED', dueTo: '2026-12-24' });
    expect(referralQueryOf(new URLSearchParams(nextPageSearch(first, 'next')))).toEqual({
      limit: 25,
      status: 'ACCEPTED',
      dueTo: '2026-12-24',
      cursor: 'next',
    });
  });

  it('names a due day missing a part before asking', () => {
    expect(referralFilterErrors({ status: '', dueFrom: '2026--1', dueTo: '2026-12-24' })).toEqual([
      { code: 'VALIDATION_FAILED', field: 'dueFrom', message: 'Due from must have a day, a month and a year.' },
    ]);
    expect(referralFilterErrors({ status: '', dueFrom: '', dueTo: '' })).toEqual([]);
  });

  it('knows which filter the API’s reasons name', () => {
    expect([referralFilterOf('dueTo'), referralFilterOf('status'), referralFilterOf('cursor')]).toEqual(['dueTo', 'status', undefined]);
  });
});
