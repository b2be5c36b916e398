import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { parse } from 'csv-parse/sync';
import type { ContactListItemView } from '../application/contact.views';
import { CONTACT_CSV_COLUMNS, contactCsvFileName, contactCsvStream } from './contacts.csv';

const item: ContactListItemView = {
  crn: 'C000000042',
  type: 'DTL',
  mprn: '3938424403',
  status: 'UNDER_INVESTIGATION',
  requestedStatus: 'LI',
  originatorOrganisationId: 'b39b394d-4352-47f1-9cab-919d828cf087',
  transporterOrganisationId: '383da001-dcc0-4cf5-8481-59b9749b0a6c',
  investigatingAgentUserId: 'xo.agent',
  handlerUserId: null,
  nextDueOn: '2026-12-08',
  overdue: false,
  loggedAt: '2026-12-01T09:30:00.123Z',
  updatedAt: '2026-12-02T10:00:00.000Z',
};

async function csvOf(items: ContactListItemView[]): Promise<string> {
  return text(Readable.from(items).pipe(contactCsvStream()));
}

describe('contact CSV export', () => {
  it('writes a header row of the JSON field names, then one CRLF-ended record per contact', async () => {
    const csv = await csvOf([item, { ...item, crn: 'C000000043', overdue: true, nextDueOn: null, investigatingAgentUserId: null }]);
    expect(csv.split('\r\n')).toEqual([
      CONTACT_CSV_COLUMNS.join(','),
      'C000000042,DTL,3938424403,UNDER_INVESTIGATION,LI,b39b394d-4352-47f1-9cab-919d828cf087,383da001-dcc0-4cf5-8481-59b9749b0a6c,xo.agent,,2026-12-08,false,2026-12-01T09:30:00.123Z,2026-12-02T10:00:00.000Z',
      'C000000043,DTL,3938424403,UNDER_INVESTIGATION,LI,b39b394d-4352-47f1-9cab-919d828cf087,383da001-dcc0-4cf5-8481-59b9749b0a6c,,,,true,2026-12-01T09:30:00.123Z,2026-12-02T10:00:00.000Z',
      '',
    ]);
  });

  it('writes the header row alone when no contact matches', async () => {
    expect(await csvOf([])).toBe(`${CONTACT_CSV_COLUMNS.join(',')}\r\n`);
  });

  it.each([
    ['=', '=HYPERLINK("http://evil.example","Click")'],
    ['+', '+1+2'],
    ['-', '-2+3'],
    ['@', '@SUM(A1:A2)'],
    ['a tab', '\t=1+1'],
    ['a carriage return', '\r=1+1'],
    ['a full-width =', '\uFF1D1+1'],
  ])('defuses a cell starting with %s by a leading apostrophe, so a spreadsheet shows it as text (OWASP CSV injection)', async (_start, value) => {
    const csv = await csvOf([{ ...item, handlerUserId: value }]);
    const [, record] = parse(csv, { columns: false }) as string[][];
    expect(record[CONTACT_CSV_COLUMNS.indexOf('handlerUserId')]).toBe(`'${value}`);
  });

  it('leaves a cell alone when the formula characters are not at its start, and quotes what must be quoted', async () => {
    const csv = await csvOf([{ ...item, investigatingAgentUserId: 'a=b', handlerUserId: 'O"Brien, Pat' }]);
    expect(csv).toContain(',a=b,"O""Brien, Pat",');
  });

  it('names the file after the day it was made', () => {
    expect(contactCsvFileName('2026-12-03')).toBe('contacts-2026-12-03.csv');
  });
});
