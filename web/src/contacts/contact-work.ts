import type { Viewer } from './contact-permissions';

/**
 * What the parts of the contact screen share while a person works the contact: who they are, which
 * command's form is open (one at a time), and what to do after a command.
 */
export interface ContactWork {
  crn: string;
  viewer: Viewer;
  openForm: string | undefined;
  setOpenForm(formId: string | undefined): void;
  /** Reads the contact, its threads and visits, and the lists they are on, again. */
  refresh(): void;
  /** A command succeeded: its form closes and the screen says what it did. */
  done(message: string): void;
}

/** `If-Match` for the version a decision was made on: the strong ETag the API sends (`"3"`). */
export function ifMatch(version: number): string {
  return `"${version}"`;
}

/** The headers of a command on a contact, thread or visit: the version it was decided on, and its Idempotency-Key. */
export function guardedBy(version: number, idempotencyKey: string): { 'If-Match': string; 'Idempotency-Key': string } {
  return { 'If-Match': ifMatch(version), 'Idempotency-Key': idempotencyKey };
}
