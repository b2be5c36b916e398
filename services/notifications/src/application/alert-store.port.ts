import type { AlertDraft, AlertKind, RaisedThread, ReferredVisit } from '../domain';

/** An alert as kept, and as one reader sees it (read or not is the reader's own). */
export interface KeptAlert {
  /** Its position in the order alerts were committed, as decimal text: the live stream's event id. */
  id: string;
  kind: AlertKind;
  crn: string;
  title: string;
  detail: AlertDraft['detail'];
  occurredAt: Date;
  createdAt: Date;
  read: boolean;
}

/** Whose notifications area: the verified token's user, organisation and roles. */
export interface AlertReader {
  userId: string;
  organisationId: string;
  organisationType: string;
  roles: readonly string[];
}

/** Where alerts are kept (the service's PostgreSQL database). Use cases depend on this port only. */
export interface AlertStore {
  /**
   * Keeps an event's alerts in order; an alert of the same event and recipient already kept is
   * left as it is. Returns the ids of the alerts it added.
   */
  add(eventId: string, alerts: readonly AlertDraft[]): Promise<string[]>;

  /** The reader's alerts newest first, strictly before the alert `before` when given. */
  newestFirst(reader: AlertReader, before: string | undefined, limit: number): Promise<KeptAlert[]>;

  /** The reader's alerts oldest first, strictly after the alert `after` (the live stream's catch-up). */
  after(reader: AlertReader, after: string, limit: number): Promise<KeptAlert[]>;

  /** The id of the newest alert of anyone's, or '0': where a new live stream starts. */
  newestId(): Promise<string>;

  unreadCount(reader: AlertReader): Promise<number>;

  /** Marks one of the reader's alerts read; false when the reader has no such alert. */
  markRead(reader: AlertReader, id: string, at: Date): Promise<boolean>;

  /** Marks every alert of the reader's up to the newest read. */
  markAllRead(reader: AlertReader, at: Date): Promise<void>;

  keepThread(clarificationId: string, crn: string, thread: RaisedThread): Promise<void>;
  findThread(clarificationId: string): Promise<RaisedThread | undefined>;
  keepVisit(siteVisitId: string, crn: string, visit: ReferredVisit): Promise<void>;
  findVisit(siteVisitId: string): Promise<ReferredVisit | undefined>;
  /** Retention (README "Retention"): what people wrote that the contact's alerts repeat (PERSONAL_ALERT_DETAILS) replaced with `marker`. Idempotent. */
  anonymiseContact(crn: string, marker: string): Promise<void>;
}

export const ALERT_STORE = Symbol('ALERT_STORE');
