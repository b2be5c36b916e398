import { stringify, type Stringifier } from 'csv-stringify';
import type { ContactListItemView } from '../application/contact.views';

export const CSV_MEDIA_TYPE = 'text/csv';

/** The export's columns, in order: the list item's fields, headed by their JSON names. */
export const CONTACT_CSV_COLUMNS: readonly (keyof ContactListItemView)[] = [
  'crn',
  'type',
  'mprn',
  'status',
  'requestedStatus',
  'originatorOrganisationId',
  'transporterOrganisationId',
  'investigatingAgentUserId',
  'handlerUserId',
  'nextDueOn',
  'overdue',
  'loggedAt',
  'updatedAt',
];

/**
 * A stream that turns list items (objects) into the export's CSV text (RFC 4180: a header row,
 * CRLF line ends, fields quoted where they must be). A cell that a spreadsheet would run as a
 * formula (starting with =, +, -, @, tab or carriage return, or their full-width forms) gets a
 * leading apostrophe, as OWASP advises against CSV injection
 * (https://owasp.org/www-community/attacks/CSV_Injection): user ids and any text a user typed end
 * up here. Booleans are written `true`/`false`, null as an empty cell.
 */
export function contactCsvStream(): Stringifier {
  return stringify({
    header: true,
    columns: [...CONTACT_CSV_COLUMNS],
    record_delimiter: 'windows',
    escape_formulas: true,
    cast: { boolean: (value) => String(value) },
  });
}

/** The export's file name: `contacts-YYYY-MM-DD.csv`, the Europe/London day it was made. */
export function contactCsvFileName(day: string): string {
  return `contacts-${day}.csv`;
}
