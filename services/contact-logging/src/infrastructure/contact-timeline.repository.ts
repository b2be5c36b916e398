import { Injectable } from '@nestjs/common';
import { Database } from '@cms/service-defaults';
import type { ContactActivity, WaitingItem } from '../application/contact-activity';
import { contactUnderWork, type ContactRow } from '../application/contact-store.port';
import type { ContactTimeline } from '../application/contact-timeline.port';
import type { ContactUnderWork } from '../domain';

/** The timeline's writes, in the transaction in progress (the consumer's). */
@Injectable()
export class ContactTimelineRepository implements ContactTimeline {
  constructor(private readonly database: Database) {}

  async lock(crn: string): Promise<ContactUnderWork | null> {
    const [row] = await this.database.query<ContactRow>(`SELECT * FROM contact WHERE crn = $1 FOR UPDATE`, [crn]);
    return row ? contactUnderWork(row) : null;
  }

  async addEntry(crn: string, entry: ContactActivity['entry']): Promise<void> {
    await this.database.query(
      `INSERT INTO contact_history (crn, occurred_at, action, actor_user_id, actor_organisation_id, detail) VALUES ($1, $2, $3, $4, $5, $6)`,
      [crn, entry.occurredAt, entry.action, entry.actorUserId, entry.actorOrganisationId, entry.detail],
    );
  }

  async waitOn(crn: string, item: WaitingItem, since: Date): Promise<void> {
    // A reply moves the turn and the due date; whom the thread was addressed to stays as raised.
    await this.database.query(
      `INSERT INTO contact_waiting_on (crn, item_id, item_type, waiting_on_organisation_id, due_on, addressed_to, since)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (crn, item_id) DO UPDATE
         SET waiting_on_organisation_id = excluded.waiting_on_organisation_id, due_on = excluded.due_on, since = excluded.since`,
      [crn, item.itemId, item.itemType, item.waitingOnOrganisationId, item.dueOn, item.addressedTo, since],
    );
  }

  async settle(crn: string, itemId: string): Promise<void> {
    await this.database.query(`DELETE FROM contact_waiting_on WHERE crn = $1 AND item_id = $2`, [crn, itemId]);
  }

  async setParticipants(crn: string, visibleTo: string[]): Promise<void> {
    await this.database.query(`UPDATE contact SET visible_to = $2 WHERE crn = $1`, [crn, visibleTo]);
  }

  async setMeterPointStatusAfter(crn: string, status: string): Promise<void> {
    await this.database.query(`UPDATE contact SET meter_point_status_after = $2 WHERE crn = $1`, [crn, status]);
  }

  async waitingItem(crn: string, itemId: string): Promise<WaitingItem | null> {
    const [row] = await this.database.query<{ item_type: WaitingItem['itemType']; waiting_on_organisation_id: string; due_on: string; addressed_to: WaitingItem['addressedTo'] }>(
      `SELECT item_type, waiting_on_organisation_id, due_on, addressed_to FROM contact_waiting_on WHERE crn = $1 AND item_id = $2`,
      [crn, itemId],
    );
    return row
      ? { itemType: row.item_type, itemId, waitingOnOrganisationId: row.waiting_on_organisation_id, dueOn: row.due_on, addressedTo: row.addressed_to }
      : null;
  }

  async isWaitingOn(crn: string, organisationId: string): Promise<boolean> {
    const [row] = await this.database.query<{ waiting: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM contact_waiting_on WHERE crn = $1 AND waiting_on_organisation_id = $2) AS waiting`,
      [crn, organisationId],
    );
    return row.waiting;
  }

  async setClock(crn: string, clock: { dueOn: string; clockPausedOn: string | null }): Promise<void> {
    await this.database.query(`UPDATE contact SET due_on = $2, clock_paused_on = $3 WHERE crn = $1`, [crn, clock.dueOn, clock.clockPausedOn]);
  }
}
