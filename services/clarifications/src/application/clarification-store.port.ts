import type { Addressee, ClarificationKind, ClarificationStatus, ClosureCause, Thread } from '../domain';

/** A thread as stored: the domain's thread, who raised it and when, its closure, its version. */
export interface StoredThread extends Thread {
  readonly raisedByUserId: string;
  readonly raisedAt: Date;
  readonly closure: ThreadClosure | null;
  /** Starts at 1, one more with each change: the ETag (If-Match on every command). */
  readonly version: number;
}

export interface ThreadClosure {
  readonly cause: ClosureCause;
  readonly reason: string;
  /** Null when the contact's end closed it. */
  readonly closedByUserId: string | null;
  readonly closedByOrganisationId: string | null;
  readonly closedAt: Date;
}

export interface StoredMessage {
  readonly id: string;
  /** 1 for the question, then in order. */
  readonly sequence: number;
  readonly postedByUserId: string;
  readonly postedByOrganisationId: string;
  readonly text: string;
  readonly postedAt: Date;
}

/** One entry of the audit of every change to a thread (docs/quality.md "Security"). */
export interface ClarificationAuditEntry {
  readonly clarificationId: string;
  readonly crn: string;
  readonly action: 'RAISED' | 'MESSAGE_POSTED' | 'CLOSED' | 'REMINDER' | 'OVERDUE';
  /** Null where no person acted (a timer, the contact's end). */
  readonly actorUserId: string | null;
  readonly actorOrganisationId: string | null;
  readonly occurredAt: Date;
  readonly detail: Record<string, unknown>;
  readonly traceId: string | null;
}

export interface ThreadChange {
  readonly status: ClarificationStatus;
  readonly waitingOnOrganisationId: string | null;
  readonly dueOn: string | null;
  readonly closure: ThreadClosure | null;
}

/** Port: the threads in the service's own database, written inside the command's transaction. */
export interface ClarificationStore {
  /** The thread, locked until the transaction ends. */
  lock(id: string): Promise<StoredThread | undefined>;
  /** The contact's open threads, locked. */
  lockOpenThreadsOf(crn: string): Promise<StoredThread[]>;
  insert(thread: StoredThread, question: StoredMessage): Promise<void>;
  addMessage(clarificationId: string, message: Omit<StoredMessage, 'sequence'>): Promise<void>;
  /** Applies the change and returns the new version. */
  update(id: string, change: ThreadChange): Promise<number>;
  audit(entry: ClarificationAuditEntry): Promise<void>;
  /**
   * Retention (README "Retention"): replaces what people wrote in the contact's threads (every
   * message, the question included, and each closure's reason), in the threads and in their audit,
   * with `marker`. Who wrote, when, turns, statuses and causes are kept. Idempotent.
   */
  anonymiseContact(crn: string, marker: string): Promise<void>;
}

export const CLARIFICATION_STORE = Symbol('CLARIFICATION_STORE');

export type { Addressee, ClarificationKind };
