import { stringify } from 'csv-stringify/sync';

/** Records as RFC 4180 CSV, each followed by CRLF, as Royal Mail's PAF CSV files are written. */
export function formatCsv(records: readonly (readonly string[])[]): string {
  return stringify(records as string[][], { record_delimiter: 'windows' });
}
