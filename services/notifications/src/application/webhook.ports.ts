import type { RetryPolicy } from '../domain';

export interface WebhookEndpoint {
  id: string;
  organisationId: string;
  url: string;
  eventTypes: string[];
  secret: string;
  previousSecret: string | null;
  previousSecretUntil: Date | null;
  status: 'ACTIVE' | 'DISABLED';
  createdAt: Date;
  disabledAt: Date | null;
}

export interface WebhookAttempt {
  attempt: number;
  attemptedAt: Date;
  responseStatus: number | null;
  error: string | null;
}

export interface WebhookDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  crn: string;
  body: string;
  status: 'PENDING' | 'DELIVERED' | 'FAILED';
  firstAttemptAt: Date | null;
  createdAt: Date;
  attempts: WebhookAttempt[];
}

/** Where endpoints and deliveries are kept (the service's database), in the transaction in progress. */
export interface WebhookStore {
  addEndpoint(endpoint: WebhookEndpoint): Promise<void>;
  endpoints(organisationId: string): Promise<WebhookEndpoint[]>;
  endpoint(organisationId: string, id: string): Promise<WebhookEndpoint | undefined>;
  endpointById(id: string): Promise<WebhookEndpoint | undefined>;
  deleteEndpoint(organisationId: string, id: string): Promise<boolean>;
  rotateSecret(id: string, secret: string, previousUntil: Date): Promise<void>;
  disable(id: string, at: Date): Promise<void>;
  /** The active endpoints of these organisations that want this event type. */
  subscribed(organisationIds: readonly string[], eventType: string): Promise<WebhookEndpoint[]>;
  /** Adds a delivery unless the endpoint has one of this event; true when added. */
  addDelivery(delivery: Omit<WebhookDelivery, 'attempts'>): Promise<boolean>;
  /** The delivery, locked for its firing. */
  delivery(id: string): Promise<WebhookDelivery | undefined>;
  deliveries(endpointId: string, limit: number): Promise<WebhookDelivery[]>;
  recordAttempt(deliveryId: string, attempt: WebhookAttempt): Promise<void>;
  setDeliveryStatus(id: string, status: WebhookDelivery['status'], firstAttemptAt: Date | null): Promise<void>;
  /**
   * Retention (README "Retention"): in the body of every delivery of the contact's events, what
   * people wrote (the personal fields of its event type, libs/contracts) replaced with `marker`; a
   * redelivery sends it so. Idempotent.
   */
  anonymiseDeliveries(crn: string, marker: string): Promise<void>;
}

export const WEBHOOK_STORE = Symbol('WEBHOOK_STORE');

/** What the endpoint answered: its status code, or none (refused, timed out, an address refused). */
export interface WebhookAnswer {
  status: number | null;
  error: string | null;
}

/** Sends a signed delivery (webhook.sender.ts: Standard Webhooks headers, the server-side request forgery guard). */
export interface WebhookSender {
  send(url: string, delivery: { id: string; body: string; secrets: string[]; at: Date }): Promise<WebhookAnswer>;
}

export const WEBHOOK_SENDER = Symbol('WEBHOOK_SENDER');

/** Checks an endpoint's address at registration: refused when it is private, loopback or link-local and not allow-listed. */
export interface WebhookAddressGuard {
  /** The reason the address is refused, or null. */
  refusal(url: string): Promise<string | null>;
}

export const WEBHOOK_ADDRESS_GUARD = Symbol('WEBHOOK_ADDRESS_GUARD');

export interface WebhookSettings extends RetryPolicy {
  /** PD: how long the previous secret still signs after a rotation. */
  secretOverlapHours: number;
}

export const WEBHOOK_SETTINGS = Symbol('WEBHOOK_SETTINGS');
