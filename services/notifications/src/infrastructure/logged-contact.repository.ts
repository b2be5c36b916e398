import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@cms/service-defaults';
import type { LoggedContactStore } from '../application/logged-contact-store.port';
import type { LoggedContact } from '../domain';

/** A row of `logged_contact` (see the migration). */
interface LoggedContactRow {
  crn: string;
  contact_type: 'DTL' | 'ISO';
  mprn: string;
  logged_at: Date;
  organisation_ids: string[];
}

/**
 * The contacts in PostgreSQL (the service's own database). Statements go through the kit's
 * `Database`, so that inside a transaction (the consumer's, with its inbox row) they take part in it.
 */
@Injectable()
export class LoggedContactRepository implements LoggedContactStore {
  constructor(@Inject(Database) private readonly database: Database) {}

  async add(contact: LoggedContact): Promise<void> {
    await this.database.query(
      `INSERT INTO logged_contact (crn, contact_type, mprn, logged_at, organisation_ids)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (crn) DO NOTHING`,
      [contact.crn, contact.contactType, contact.mprn, contact.loggedAt, contact.organisationIds],
    );
  }

  async find(crn: string): Promise<LoggedContact | undefined> {
    const [row] = await this.database.query<LoggedContactRow>(
      'SELECT crn, contact_type, mprn, logged_at, organisation_ids FROM logged_contact WHERE crn = $1',
      [crn],
    );
    if (!row) return undefined;
    return {
      crn: row.crn,
      contactType: row.contact_type,
      mprn: row.mprn,
      loggedAt: row.logged_at,
      organisationIds: row.organisation_ids,
    };
  }
}
