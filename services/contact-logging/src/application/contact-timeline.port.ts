import type { ContactUnderWork } from '../domain';
import type { ContactActivity, WaitingItem } from './contact-activity';

/**
 * Port: the contact's one-screen history as the other services' events feed it. Used inside the
 * consumer's transaction (the one that records the event id), so an event delivered twice changes
 * nothing.
 */
export interface ContactTimeline {
  /** The contact, locked until the transaction ends; null when this service holds no such contact. */
  lock(crn: string): Promise<ContactUnderWork | null>;
  addEntry(crn: string, entry: ContactActivity['entry']): Promise<void>;
  /** Waits on the item from now (or moves its turn and due date). */
  waitOn(crn: string, item: WaitingItem, since: Date): Promise<void>;
  settle(crn: string, itemId: string): Promise<void>;
  setParticipants(crn: string, visibleTo: string[]): Promise<void>;
  setMeterPointStatusAfter(crn: string, status: string): Promise<void>;
  /** The open item of the contact with this id, or null when it waits on no such thing. */
  waitingItem(crn: string, itemId: string): Promise<WaitingItem | null>;
  /** Whether the contact waits on anything of this organisation's now. */
  isWaitingOn(crn: string, organisationId: string): Promise<boolean>;
  /** Moves the resolution clock: its due date, and since when it is paused (null: running). */
  setClock(crn: string, clock: { dueOn: string; clockPausedOn: string | null }): Promise<void>;
}

export const CONTACT_TIMELINE = Symbol('CONTACT_TIMELINE');
