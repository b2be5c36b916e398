import type { Caller } from '@cms/auth';
import type { KeysetPosition } from '@cms/service-defaults';
import type { ClarificationKind, ClarificationStatus } from '../domain';
import type { ClarificationAuditEntry, StoredMessage, StoredThread } from './clarification-store.port';

/** A thread with every message, oldest first. */
export interface ThreadWithMessages extends StoredThread {
  readonly messages: StoredMessage[];
}

/** A thread in a list: without its messages, with how many there are and when the last came. */
export interface ThreadSummary extends StoredThread {
  readonly messageCount: number;
  readonly lastPostedAt: Date;
  /** The keyset position of the row (raised_at, its sequence number). */
  readonly position: KeysetPosition;
}

export interface ThreadListFilter {
  /** Threads of which this organisation is a side (the caller's). */
  readonly sideOrganisationId: string;
  /** Only those whose turn is this organisation's. */
  readonly waitingOnOrganisationId?: string;
  readonly status?: ClarificationStatus;
  readonly kind?: ClarificationKind;
  readonly crn?: string;
  /** Only open threads due before this day (overdue on it). */
  readonly dueBefore?: string;
  /** Raised at or after. */
  readonly from?: Date;
  /** Raised before. */
  readonly to?: Date;
  readonly before?: KeysetPosition;
  readonly limit: number;
}

export interface ClarificationAuditFilter {
  /** Records of threads this organisation can see, or in which it acted; every record when absent (CDSP administrator). */
  readonly visibleToOrganisationId?: string;
  readonly crn?: string;
  readonly from?: Date;
  readonly to?: Date;
  readonly before?: KeysetPosition;
  readonly limit: number;
}

export interface ClarificationAuditRecord extends ClarificationAuditEntry {
  readonly id: string;
}

/**
 * Port: reads on behalf of a caller. Each read filters on the caller's organisation and runs as the
 * caller's database role, so row-level security answers only what its organisation is involved in.
 */
export interface ClarificationReader {
  /** Every thread of the contact, with messages, oldest first; undefined when the caller may not see the contact. */
  threadsOfContact(caller: Caller, crn: string): Promise<ThreadWithMessages[] | undefined>;
  thread(caller: Caller, id: string): Promise<ThreadWithMessages | undefined>;
  list(caller: Caller, filter: ThreadListFilter): Promise<ThreadSummary[]>;
  audit(filter: ClarificationAuditFilter): Promise<ClarificationAuditRecord[]>;
}

export const CLARIFICATION_READER = Symbol('CLARIFICATION_READER');
