import type { LoggedContact } from '../domain';

/** Where the contacts this service heard of are kept (its PostgreSQL database). Use cases depend on this port only. */
export interface LoggedContactStore {
  /** Keeps the contact; a CRN already kept is left as it is (a contact is logged once). */
  add(contact: LoggedContact): Promise<void>;

  find(crn: string): Promise<LoggedContact | undefined>;
}

export const LOGGED_CONTACT_STORE = Symbol('LOGGED_CONTACT_STORE');
