import { quotaDayOf, quotaHolderOf } from './lookup-quota';

describe('the look-up quota', () => {
  it('counts by Great Britain calendar day: in summer the day begins at 23:00 UTC', () => {
    expect(quotaDayOf(new Date('2026-07-01T22:59:59Z'))).toBe('2026-07-01');
    expect(quotaDayOf(new Date('2026-07-01T23:00:00Z'))).toBe('2026-07-02');
  });

  it('in winter at midnight UTC', () => {
    expect(quotaDayOf(new Date('2026-12-01T23:59:59Z'))).toBe('2026-12-01');
    expect(quotaDayOf(new Date('2026-12-02T00:00:00Z'))).toBe('2026-12-02');
  });

  it('is held by each user of each organisation apart', () => {
    expect(quotaHolderOf({ organisationId: 'org-a', userId: 'ann' })).not.toBe(quotaHolderOf({ organisationId: 'org-b', userId: 'ann' }));
  });
});
