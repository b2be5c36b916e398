import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@cms/service-defaults';
import { involves, withOrganisations, type InvolvedContact, type OrganisationOfCaller } from './involved-contact';

/** A row of `involved_contact` (see its migration). */
interface InvolvedContactRow {
  crn: string;
  mprn: string;
  contact_type: 'DTL' | 'ISO';
  requested_status: string;
  originator_organisation_id: string;
  logged_by_user_id: string;
  transporter_organisation_id: string;
  ldz: string | null;
  organisation_ids: string[];
  status: InvolvedContact['status'];
  investigating_agent_user_id: string | null;
  logged_at: Date;
  ended_at: Date | null;
}

const COLUMNS = `crn, mprn, contact_type, requested_status, originator_organisation_id, logged_by_user_id,
  transporter_organisation_id, ldz, organisation_ids, status, investigating_agent_user_id, logged_at, ended_at`;

/**
 * The service's copy of the contacts it works on, in its own database. Statements go through the
 * kit's `Database`, so inside a transaction (a command's, or the consumer's with its inbox row) they
 * take part in it.
 */
@Injectable()
export class InvolvedContacts {
  constructor(@Inject(Database) private readonly database: Database) {}

  async find(crn: string): Promise<InvolvedContact | undefined> {
    const [row] = await this.database.query<InvolvedContactRow>(`SELECT ${COLUMNS} FROM involved_contact WHERE crn = $1`, [crn]);
    return row && contactOf(row);
  }

  /**
   * The contact, locked until the transaction ends: a command that starts work on it (a question, a
   * visit) and the contact's end (which closes that work) take their turns, never interleave.
   */
  async lock(crn: string): Promise<InvolvedContact | undefined> {
    const [row] = await this.database.query<InvolvedContactRow>(`SELECT ${COLUMNS} FROM involved_contact WHERE crn = $1 FOR UPDATE`, [crn]);
    return row && contactOf(row);
  }

  /** The contact when the caller's organisation is involved in it; one it is not involved in is as absent as one never logged. */
  async involving(crn: string, caller: OrganisationOfCaller, options: { lock?: boolean } = {}): Promise<InvolvedContact | undefined> {
    const contact = options.lock ? await this.lock(crn) : await this.find(crn);
    return contact && involves(contact, caller) ? contact : undefined;
  }

  async add(contact: InvolvedContact): Promise<void> {
    await this.database.query(
      `INSERT INTO involved_contact (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (crn) DO NOTHING`,
      [
        contact.crn,
        contact.mprn,
        contact.contactType,
        contact.requestedStatus,
        contact.originatorOrganisationId,
        contact.loggedByUserId,
        contact.transporterOrganisationId,
        contact.ldz,
        contact.organisationIds,
        contact.status,
        contact.investigatingAgentUserId,
        contact.loggedAt,
        contact.endedAt,
      ],
    );
  }

  /**
   * Organisations join the contact: from contact-logging's ContactParticipantsChanged, or at once
   * by the service that involves them (a DC addressed to the transporter), so that they can read
   * what they were sent before the announcement arrives. The set only grows.
   */
  async involve(crn: string, organisationIds: readonly string[]): Promise<void> {
    const contact = await this.lock(crn);
    if (!contact) return;
    const after = withOrganisations(contact.organisationIds, organisationIds);
    if (after.length === contact.organisationIds.length) return;
    await this.database.query('UPDATE involved_contact SET organisation_ids = $2 WHERE crn = $1', [crn, after]);
  }

  async setStatus(crn: string, change: { status: InvolvedContact['status']; investigatingAgentUserId?: string; endedAt?: Date }): Promise<void> {
    await this.database.query(
      `UPDATE involved_contact
          SET status = $2,
              investigating_agent_user_id = coalesce($3, investigating_agent_user_id),
              ended_at = coalesce($4, ended_at)
        WHERE crn = $1`,
      [crn, change.status, change.investigatingAgentUserId ?? null, change.endedAt ?? null],
    );
  }
}

function contactOf(row: InvolvedContactRow): InvolvedContact {
  return {
    crn: row.crn,
    mprn: row.mprn,
    contactType: row.contact_type,
    requestedStatus: row.requested_status,
    originatorOrganisationId: row.originator_organisation_id,
    loggedByUserId: row.logged_by_user_id,
    transporterOrganisationId: row.transporter_organisation_id,
    ldz: row.ldz,
    organisationIds: row.organisation_ids,
    status: row.status,
    investigatingAgentUserId: row.investigating_agent_user_id,
    loggedAt: row.logged_at,
    endedAt: row.ended_at,
  };
}
