import { WorkingDayCalendar } from '@cms/gas-market';
import { alertEmail, defaultPreferences, digestEmail, nextDigestAt } from './email';

const calendar = new WorkingDayCalendar('ENGLAND_AND_WALES', ['2026-12-31']);
const links = { webAppUrl: 'https://cms.example.com' };

describe('alerts by email', () => {
  it('sends nothing by email until the user asks', () => {
    expect(new Set(Object.values(defaultPreferences()))).toEqual(new Set(['IN_APP']));
  });

  it('sends the digest at the hour, Great Britain time, of the next working day whose hour is still to come', () => {
    // Tuesday 1 December 2026 (GMT): before 08:00 it is today's; after, Wednesday's.
    expect(nextDigestAt(new Date('2026-12-01T07:59:00Z'), 8, calendar)).toEqual(new Date('2026-12-01T08:00:00Z'));
    expect(nextDigestAt(new Date('2026-12-01T08:00:00Z'), 8, calendar)).toEqual(new Date('2026-12-02T08:00:00Z'));
    // Friday evening: Monday's. Christmas Eve evening: past the bank holidays (25, 28) to Tuesday 29th.
    expect(nextDigestAt(new Date('2026-12-04T18:00:00Z'), 8, calendar)).toEqual(new Date('2026-12-07T08:00:00Z'));
    expect(nextDigestAt(new Date('2026-12-24T18:00:00Z'), 8, calendar)).toEqual(new Date('2026-12-29T08:00:00Z'));
    // A closure day of the reference data has none either.
    expect(nextDigestAt(new Date('2026-12-30T12:00:00Z'), 8, calendar)).toEqual(new Date('2027-01-04T08:00:00Z'));
    // British Summer Time: 08:00 in London is 07:00 UTC.
    expect(nextDigestAt(new Date('2026-07-01T06:00:00Z'), 8, calendar)).toEqual(new Date('2026-07-01T07:00:00Z'));
  });

  it('writes an alert as plain text and HTML, linking its contact and the way to stop these, the text escaped in HTML', () => {
    const email = alertEmail({ kind: 'CONTACT_RESOLVED', crn: 'C000001234', title: 'Contact C000001234 was resolved VALID: <b>flow</b> & "seen"', occurredAt: new Date() }, links);
    expect(email.subject).toBe('CMS: Contact C000001234 was resolved VALID: <b>flow</b> & "seen"');
    expect(email.text).toContain('https://cms.example.com/contacts/C000001234');
    expect(email.unsubscribeUrl).toBe('https://cms.example.com/settings/notifications?unsubscribe=CONTACT_RESOLVED');
    expect(email.text).toContain(email.unsubscribeUrl);
    expect(email.html).toContain('&lt;b&gt;flow&lt;/b&gt; &amp; &quot;seen&quot;');
    expect(email.html).toContain('<a href="https://cms.example.com/contacts/C000001234">');
  });

  it('lists a digest’s alerts in order, each with its contact', () => {
    const email = digestEmail(
      [
        { kind: 'CLARIFICATION_RECEIVED', crn: 'C000000001', title: 'DC on contact C000000001 for you', occurredAt: new Date() },
        { kind: 'REMINDER', crn: 'C000000002', title: 'Contact C000000002 is due', occurredAt: new Date() },
      ],
      links,
    );
    expect(email.subject).toBe('CMS: your daily digest, 2 alerts');
    expect(email.text.indexOf('C000000001')).toBeLessThan(email.text.indexOf('C000000002'));
    expect(email.html).toContain('https://cms.example.com/contacts/C000000002');
  });
});
