import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@cms/auth';
import { isCrn, londonToday } from '@cms/gas-market';
import { auditReaderOrganisation, Clock, keysetFilter, keysetPage, type KeysetPage, type KeysetPageRequest } from '@cms/service-defaults';
import { isOverdue, type ClarificationKind, type ClarificationStatus } from '../domain';
import {
  CLARIFICATION_READER,
  type ClarificationAuditRecord,
  type ClarificationReader,
  type ThreadSummary,
  type ThreadWithMessages,
} from './clarification-reader.port';
import type { StoredMessage, StoredThread } from './clarification-store.port';

/** A message as the API shows it. */
export interface MessageView {
  id: string;
  sequence: number;
  postedByUserId: string;
  postedByOrganisationId: string;
  text: string;
  postedAt: string;
}

/** A thread as the API shows it; with its messages when read on its own or with its contact. */
export interface ClarificationView {
  id: string;
  crn: string;
  kind: ClarificationKind;
  addressedTo: 'ORIGINATOR' | 'STAKEHOLDER';
  askingOrganisationId: string;
  addressedToOrganisationId: string;
  raisedByUserId: string;
  raisedAt: string;
  status: ClarificationStatus;
  waitingOnOrganisationId: string | null;
  dueOn: string | null;
  overdue: boolean;
  closure: {
    cause: string;
    reason: string;
    closedByUserId: string | null;
    closedByOrganisationId: string | null;
    closedAt: string;
  } | null;
  version: number;
}

export interface ClarificationWithMessagesView extends ClarificationView {
  messages: MessageView[];
}

export interface ClarificationSummaryView extends ClarificationView {
  messageCount: number;
  lastPostedAt: string;
}

export interface ClarificationListRequest extends KeysetPageRequest {
  waitingOnMe?: 'true';
  status?: ClarificationStatus;
  kind?: ClarificationKind;
  crn?: string;
  overdue?: 'true';
}

export interface ClarificationAuditRequest extends KeysetPageRequest {
  crn?: string;
  /** CDSP administrators: the records this organisation may read. */
  organisationId?: string;
}

export interface ClarificationAuditView {
  id: string;
  occurredAt: string;
  clarificationId: string;
  crn: string;
  action: string;
  actorUserId: string | null;
  organisationId: string | null;
  detail: Record<string, unknown>;
  traceId: string | null;
}

/** The read side: a contact's threads, one thread, my organisation's threads, the audit. */
@Injectable()
export class ClarificationQueries {
  constructor(
    @Inject(CLARIFICATION_READER) private readonly reader: ClarificationReader,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Undefined when the caller's organisation is not involved in the contact (or there is none). */
  async ofContact(caller: Caller, crn: string): Promise<ClarificationWithMessagesView[] | undefined> {
    if (!isCrn(crn)) return undefined;
    const threads = await this.reader.threadsOfContact(caller, crn);
    const today = this.today();
    return threads?.map((thread) => withMessages(thread, today));
  }

  async get(caller: Caller, id: string): Promise<ClarificationWithMessagesView | undefined> {
    const thread = await this.reader.thread(caller, id);
    return thread && withMessages(thread, this.today());
  }

  /** Threads of which my organisation is a side, newest first (raised from/to): all, or those waiting on us, open, of a kind, of a contact, overdue. */
  async list(caller: Caller, request: ClarificationListRequest, limit: number): Promise<KeysetPage<ClarificationSummaryView>> {
    const { from, to, before, limit: rows } = keysetFilter(request, limit);
    const today = this.today();
    const summaries = await this.reader.list(caller, {
      sideOrganisationId: caller.organisationId,
      ...(request.waitingOnMe ? { waitingOnOrganisationId: caller.organisationId } : {}),
      ...(request.status ? { status: request.status } : {}),
      ...(request.kind ? { kind: request.kind } : {}),
      ...(request.crn ? { crn: request.crn } : {}),
      ...(request.overdue ? { dueBefore: today } : {}),
      from,
      to,
      before,
      limit: rows,
    });
    return keysetPage(summaries, limit, (row) => row.position, (row) => summaryView(row, today));
  }

  /**
   * The audit: a CDSP administrator reads every record (or those an organisation may read); an LSO
   * those of threads its organisation is involved in or acted in; anyone else is refused (403).
   */
  async audit(caller: Caller, request: ClarificationAuditRequest, limit: number): Promise<KeysetPage<ClarificationAuditView>> {
    const reader = auditReaderOrganisation(caller, request.organisationId);
    const filter = keysetFilter(request, limit);
    const records = await this.reader.audit({
      ...(reader === undefined ? {} : { visibleToOrganisationId: reader }),
      ...(request.crn ? { crn: request.crn } : {}),
      ...filter,
    });
    return keysetPage(records, limit, (record) => ({ occurredAt: record.occurredAt, id: record.id }), auditView);
  }

  private today(): string {
    return londonToday(this.clock.now());
  }
}

function threadView(thread: StoredThread, today: string): ClarificationView {
  return {
    id: thread.id,
    crn: thread.crn,
    kind: thread.kind,
    addressedTo: thread.addressedTo,
    askingOrganisationId: thread.askingOrganisationId,
    addressedToOrganisationId: thread.addressedOrganisationId,
    raisedByUserId: thread.raisedByUserId,
    raisedAt: thread.raisedAt.toISOString(),
    status: thread.status,
    waitingOnOrganisationId: thread.waitingOnOrganisationId,
    dueOn: thread.dueOn,
    overdue: isOverdue(thread, today),
    closure: thread.closure && { ...thread.closure, closedAt: thread.closure.closedAt.toISOString() },
    version: thread.version,
  };
}

function withMessages(thread: ThreadWithMessages, today: string): ClarificationWithMessagesView {
  return { ...threadView(thread, today), messages: thread.messages.map(messageView) };
}

function summaryView(thread: ThreadSummary, today: string): ClarificationSummaryView {
  return { ...threadView(thread, today), messageCount: thread.messageCount, lastPostedAt: thread.lastPostedAt.toISOString() };
}

function messageView(message: StoredMessage): MessageView {
  return { ...message, postedAt: message.postedAt.toISOString() };
}

function auditView(record: ClarificationAuditRecord): ClarificationAuditView {
  return {
    id: record.id,
    occurredAt: record.occurredAt.toISOString(),
    clarificationId: record.clarificationId,
    crn: record.crn,
    action: record.action,
    actorUserId: record.actorUserId,
    organisationId: record.actorOrganisationId,
    detail: record.detail,
    traceId: record.traceId,
  };
}
