/**
 * RFC 4180 CSV: fields separated by commas, records by CRLF (LF and lone CR accepted on input).
 * A field containing a comma, a double quote, CR or LF is enclosed in double quotes, and each
 * double quote inside it is doubled.
 */

const NEEDS_QUOTING = /[",\r\n]/;
const SPECIAL = /[",\r\n]/g;
const COMMA = 44;
const QUOTE = 34;
const CR = 13;
const LF = 10;

export function formatCsvField(value: string): string {
  return NEEDS_QUOTING.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function formatCsvRecord(values: readonly string[]): string {
  return values.map(formatCsvField).join(',');
}

export interface CsvRecord {
  /** Physical line (1-based) on which the record starts. */
  line: number;
  fields: string[];
  /** Set when the record breaks RFC 4180 (stray quote, unterminated quoted field). */
  error?: string;
}

/**
 * Incremental RFC 4180 reader: feed it chunks of any size (a record, a quoted field or a CRLF may be
 * split across chunks) and it returns the records completed so far. Blank lines are skipped.
 * Memory use is bounded by the longest record, so it suits large files read as a stream.
 */
export class CsvRecordReader {
  private fields: string[] = [];
  private field = '';
  private inQuotes = false;
  private afterClosingQuote = false;
  private anyQuoted = false;
  private prevWasCR = false;
  private line = 1;
  private recordLine = 1;
  private error: string | undefined;
  private atStart = true;

  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    const len = chunk.length;
    let i = 0;
    if (this.atStart && len > 0) {
      this.atStart = false;
      if (chunk.charCodeAt(0) === 0xfeff) i = 1; // byte order mark
    }
    while (i < len) {
      if (this.inQuotes) {
        // everything up to the next double quote belongs to the field
        const q = chunk.indexOf('"', i);
        const stop = q === -1 ? len : q;
        if (stop > i) {
          const part = chunk.slice(i, stop);
          this.countLineBreaks(part);
          this.field += part;
        }
        if (q === -1) break;
        this.inQuotes = false;
        this.afterClosingQuote = true;
        this.prevWasCR = false;
        i = q + 1;
        continue;
      }

      const c = chunk.charCodeAt(i);
      if (c !== COMMA && c !== CR && c !== LF && c !== QUOTE) {
        // a run of ordinary characters
        SPECIAL.lastIndex = i;
        const stop = SPECIAL.exec(chunk)?.index ?? len;
        if (this.afterClosingQuote) {
          this.error ??= `unexpected text after a closing double quote (field ${this.fields.length + 1})`;
          this.afterClosingQuote = false;
        }
        this.field += chunk.slice(i, stop);
        this.prevWasCR = false;
        i = stop;
        continue;
      }

      const prevWasCR = this.prevWasCR;
      this.prevWasCR = c === CR;
      i++;
      if (c === LF && prevWasCR) continue; // second half of CRLF
      if (c === CR || c === LF) {
        this.line++;
        this.endRecord(out);
      } else if (c === COMMA) {
        this.fields.push(this.field);
        this.field = '';
        this.afterClosingQuote = false;
      } else if (this.afterClosingQuote) {
        // "" inside a quoted field: a literal quote, and the field goes on
        this.field += '"';
        this.inQuotes = true;
        this.afterClosingQuote = false;
      } else if (this.field === '') {
        this.inQuotes = true;
        this.anyQuoted = true;
      } else {
        this.error ??= `unexpected double quote inside an unquoted field (field ${this.fields.length + 1})`;
        this.field += '"';
      }
    }
    return out;
  }

  /** Counts CR, LF and CRLF line breaks inside a quoted field, CRLF once even across chunks. */
  private countLineBreaks(part: string): void {
    for (let j = 0; j < part.length; j++) {
      const c = part.charCodeAt(j);
      if (c === CR || (c === LF && !this.prevWasCR)) this.line++;
      this.prevWasCR = c === CR;
    }
  }

  /** Flushes the last record (a file need not end with a line break). */
  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.inQuotes) {
      this.error ??= `unterminated quoted field (field ${this.fields.length + 1})`;
      this.inQuotes = false;
    }
    if (this.fields.length > 0 || this.field !== '' || this.anyQuoted || this.error) this.endRecord(out);
    return out;
  }

  private endRecord(out: CsvRecord[]): void {
    this.fields.push(this.field);
    const blank = this.fields.length === 1 && this.fields[0] === '' && !this.anyQuoted && !this.error;
    if (!blank) {
      const record: CsvRecord = { line: this.recordLine, fields: this.fields };
      if (this.error) record.error = this.error;
      out.push(record);
    }
    this.fields = [];
    this.field = '';
    this.afterClosingQuote = false;
    this.anyQuoted = false;
    this.error = undefined;
    this.recordLine = this.line;
  }
}

/** Reads a whole CSV text into records. */
export function readCsv(text: string): CsvRecord[] {
  const reader = new CsvRecordReader();
  return [...reader.push(text), ...reader.end()];
}
