import type { EmailDelivery, EmailedAlert, EmailPreferences, OutgoingEmail } from '../domain';
import type { AlertReader } from './alert-store.port';

/** A user who takes alerts by email: the address, and how they read (their organisation and roles). */
export interface EmailRecipient extends AlertReader {
  email: string;
}

/** Who gets an alert by email, and how. */
export interface EmailDue {
  userId: string;
  delivery: Exclude<EmailDelivery, 'IN_APP'>;
}

/** Where email preferences and digests are kept (the service's database). */
export interface EmailPreferenceStore {
  preferencesOf(userId: string): Promise<EmailPreferences>;
  /** Keeps the recipient (address, organisation, roles as now) and their choices. */
  save(recipient: EmailRecipient, preferences: EmailPreferences, at: Date): Promise<void>;
  recipient(userId: string): Promise<EmailRecipient | undefined>;
  /** The users with an email preference for the alert's kind who see the alert (the notifications area's rule). */
  dueFor(alertId: string): Promise<EmailDue[]>;
  /** The alert as `userId` sees it, or undefined (no longer theirs). */
  alertFor(userId: string, alertId: string): Promise<EmailedAlert | undefined>;
  queueForDigest(userId: string, alertId: string): Promise<void>;
  /** The alerts waiting for the user's digest, oldest first, taken off the queue. */
  takeDigest(userId: string): Promise<EmailedAlert[]>;
}

export const EMAIL_PREFERENCE_STORE = Symbol('EMAIL_PREFERENCE_STORE');

/** The signed-in user's email address, as access-control (which owns users) says now. */
export interface UserDirectory {
  emailOfCaller(): Promise<string>;
}

export const USER_DIRECTORY = Symbol('USER_DIRECTORY');

export interface Mailer {
  send(to: string, email: OutgoingEmail): Promise<void>;
}

export const MAILER = Symbol('MAILER');

export interface EmailSettings {
  /** PD: the hour (Great Britain time) of the daily digest, on working days. */
  digestHour: number;
  webAppUrl: string;
}

export const EMAIL_SETTINGS = Symbol('EMAIL_SETTINGS');

