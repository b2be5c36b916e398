import { exportFileNameOf, exportQueryOf } from './contact-export';

describe('the contact list exported as CSV', () => {
  it('asks for the filters of the list on screen, over every page', () => {
    expect(exportQueryOf(new URLSearchParams('q=C000001234&type=DTL&overdue=true&pages=abc.def'))).toEqual({
      crn: 'C000001234',
      type: 'DTL',
      overdue: 'true',
    });
    expect(exportQueryOf(new URLSearchParams(''))).toEqual({});
  });

  it('names the file as the API does, and plainly when it does not', () => {
    expect(exportFileNameOf('attachment; filename="contacts-2026-11-20.csv"')).toBe('contacts-2026-11-20.csv');
    expect(exportFileNameOf(null)).toBe('contacts.csv');
    expect(exportFileNameOf('attachment; filename="../../etc/passwd"')).toBe('contacts.csv');
  });
});
