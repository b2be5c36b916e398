import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@cms/auth';
import { ProblemException } from '@cms/service-defaults';
import { CONTACT_AUDIT_STORE, type ContactAuditRow, type ContactAuditStore } from './contact-audit.port';

export const DEFAULT_AUDIT_PAGE_SIZE = 50;

export interface ContactAuditItem {
  id: string;
  occurredAt: string;
  actor: { userId: string; organisationId: string };
  /** The organisation the record is about: the contact's originator, taken from its state. */
  organisationId: string | null;
  action: string;
  crn: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  traceId: string | null;
}

export interface ContactAuditPage {
  items: ContactAuditItem[];
  nextCursor: string | null;
}

export interface ContactAuditQuery {
  organisationId?: string;
  action?: string;
  crn?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

/**
 * `GET /audit/contacts`: contact state-change records, newest first. Who reads what:
 * - a CDSP administrator (role CDSP_ADMIN in a CDSP organisation): every record, optionally those
 *   one organisation may read (`organisationId`);
 * - an LSO: the records its organisation may read, i.e. those whose actor's organisation is the
 *   LSO's, or whose contact the organisation can see (its id in the contact's `visible_to`: the
 *   originator, the transporter once referred, the CDSP), exactly as for the contact itself;
 * - anyone else (a contact user, an agent, a partner system): 403 FORBIDDEN.
 * The roles are those in the verified access token.
 */
@Injectable()
export class ContactAuditQueries {
  constructor(@Inject(CONTACT_AUDIT_STORE) private readonly audit: ContactAuditStore) {}

  async list(caller: Caller, query: ContactAuditQuery): Promise<ContactAuditPage> {
    const roles = caller.roles;
    let visibleToOrganisationId: string | undefined;
    if (roles.includes('CDSP_ADMIN') && caller.organisationType === 'CDSP') {
      visibleToOrganisationId = query.organisationId;
    } else if (roles.includes('LSO')) {
      if (query.organisationId !== undefined && query.organisationId !== caller.organisationId) throw ProblemException.notFound();
      visibleToOrganisationId = caller.organisationId;
    } else {
      throw ProblemException.forbidden('Only a Local Security Officer (LSO) or a CDSP administrator may read the audit.');
    }
    const limit = query.limit ?? DEFAULT_AUDIT_PAGE_SIZE;
    const rows = await this.audit.list({
      visibleToOrganisationId,
      action: query.action,
      crn: query.crn,
      from: query.from === undefined ? undefined : new Date(query.from),
      to: query.to === undefined ? undefined : new Date(query.to),
      before: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(itemOf), nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
  }
}

function itemOf(row: ContactAuditRow): ContactAuditItem {
  const state = row.after ?? row.before;
  const originator = state?.originator_organisation_id;
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    actor: { userId: row.actor_user_id, organisationId: row.actor_organisation_id },
    organisationId: typeof originator === 'string' ? originator : null,
    action: row.action,
    crn: row.crn,
    before: row.before,
    after: row.after,
    traceId: row.trace_id,
  };
}

/** Keyset cursor: the last row's (occurred_at, id), opaque to clients. */
function encodeCursor(row: ContactAuditRow): string {
  return Buffer.from(JSON.stringify([row.occurred_at.toISOString(), row.id])).toString('base64url');
}

function decodeCursor(cursor: string): { occurredAt: Date; id: string } {
  try {
    const [occurredAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    const date = new Date(occurredAt as string);
    if (typeof occurredAt !== 'string' || Number.isNaN(date.getTime()) || typeof id !== 'string' || !/^\d{1,19}$/.test(id))
      throw new Error('bad cursor');
    return { occurredAt: date, id };
  } catch {
    throw new ProblemException(400, 'INVALID_CURSOR', 'Invalid cursor', 'The cursor is not one this API returned.');
  }
}
