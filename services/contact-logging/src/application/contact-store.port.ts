import type { Caller } from '@cms/auth';
import type { DomainEvent } from '@cms/contracts';
import type { OpenContact, Rejection } from '../domain';

export interface NewContact {
  crn: string;
  contactType: 'DTL' | 'ISO';
  mprn: string;
  status: 'LOGGED';
  requestedStatus: 'LI' | 'DE';
  originatorOrganisationId: string;
  originatorUserId: string;
  transporterOrganisationId: string;
  registeredShipperOrganisationId: string | null;
  visibleTo: string[];
  details: Record<string, unknown>;
  loggedAt: Date;
  /** The first entry of its history timeline, written with it. */
  history: Omit<HistoryEntry, 'crn' | 'occurredAt'>;
  /** The trace of the request that logged it, for its audit record; null outside a trace. */
  traceId: string | null;
}

export interface HistoryEntry {
  crn: string;
  occurredAt: Date;
  action: string;
  actorUserId: string;
  actorOrganisationId: string;
  detail: Record<string, unknown>;
}

export interface ContactRow {
  crn: string;
  contact_type: 'DTL' | 'ISO';
  mprn: string;
  status: string;
  requested_status: string;
  originator_organisation_id: string;
  originator_user_id: string;
  transporter_organisation_id: string;
  registered_shipper_organisation_id: string | null;
  details: Record<string, unknown>;
  outcome: string | null;
  outcome_reason: string | null;
  logged_at: Date;
  updated_at: Date;
  version: number;
}

export interface HistoryRow {
  occurred_at: Date;
  action: string;
  actor_user_id: string;
  actor_organisation_id: string;
  detail: Record<string, unknown>;
}

export interface ContactListFilter {
  type?: string;
  status?: string;
  mprn?: string;
  crn?: string;
  loggedFrom?: Date;
  loggedTo?: Date;
  /** Keyset cursor: contacts logged strictly before this (logged_at, crn). */
  before?: { loggedAt: Date; crn: string };
  limit: number;
}

export interface VisibleContact {
  contact: ContactRow;
  history: HistoryRow[];
}

export interface RejectedSubmission {
  id: string;
  submittedAt: Date;
  userId: string;
  organisationId: string;
  mprn: string | null;
  submission: unknown;
  rejections: Rejection[];
}

/**
 * Port: where contacts are kept. Every read on a caller's behalf returns only what the caller's
 * organisation may see: a contact the caller may not see is indistinguishable from a missing one.
 */
export interface ContactStore {
  /** The next Contact Reference Number, known before the contact is written. */
  nextCrn(): Promise<string>;
  /** The open contact on this meter point, whoever logged it (the one-open-contact rule), with whether `caller` may know its CRN. */
  findOpen(mprn: string, caller: Caller): Promise<OpenContact | null>;
  /**
   * Writes a newly logged contact, the first entry of its history, its audit record and its events,
   * all committed together. Refused with a unique violation on `contact_one_open_per_mprn` when
   * the meter point has an open contact already (`isOpenContactConflict`).
   */
  insertLogged(contact: NewContact, events: DomainEvent[]): Promise<void>;
  recordRejection(rejection: RejectedSubmission): Promise<void>;
  /** The contact and its whole history; null if the caller may not see it. */
  findVisible(caller: Caller, crn: string): Promise<VisibleContact | null>;
  listVisible(caller: Caller, filter: ContactListFilter): Promise<ContactRow[]>;
}

export const CONTACT_STORE = Symbol('CONTACT_STORE');

/** True for the store's refusal of a second open contact on one meter point. */
export function isOpenContactConflict(error: unknown): boolean {
  const { code, constraint } = error as { code?: string; constraint?: string };
  return code === '23505' && constraint === 'contact_one_open_per_mprn';
}
