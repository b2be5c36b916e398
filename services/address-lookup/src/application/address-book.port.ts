import type { PafRecord } from '../domain';

/** A record of the file being imported, with the line it was read from. */
export interface StagedRecord {
  line: number;
  record: PafRecord;
}

/** Two records of the file with one UDPRN: the file is refused. */
export interface DuplicateUdprn {
  udprn: string;
  /** The line of its first record and of the one that repeats it. */
  firstLine: number;
  line: number;
}

export interface ReplaceCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Delivery points held that the file no longer has (Royal Mail deleted them). */
  deleted: number;
}

export type ReplaceOutcome =
  | { replaced: true; counts: ReplaceCounts }
  | { replaced: false; duplicates: DuplicateUdprn[] }
  | { replaced: false; abandoned: true };

/** Where the records of the file are put aside until the whole file has been read. */
export interface Staging {
  stage(records: StagedRecord[]): Promise<void>;
}

/** Port: the service's address table, replaced as a whole from a PAF file. */
export interface AddressBook {
  /**
   * Replaces the table's content with the records `fill` stages, in one transaction: rows that
   * changed are updated, new ones inserted, those the file lacks deleted, equal ones left alone.
   * Nothing is changed when `fill` answers false (the file is broken) or the file repeats a UDPRN.
   * One import at a time: a second waits for the first.
   */
  replaceAll(fill: (staging: Staging) => Promise<boolean>): Promise<ReplaceOutcome>;
}

export const ADDRESS_BOOK = Symbol('ADDRESS_BOOK');
