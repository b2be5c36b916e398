import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@cms/auth';
import { uuidv7, type EventEnvelope } from '@cms/contracts';
import { Clock, ProblemException, Timers, Transactions, type Timer, type TimerHandler } from '@cms/service-defaults';
import { isDelivered, nextAttemptAt, WEBHOOK_EVENT_TYPES, WORKING_ROLES } from '../domain';
import { ALERT_STORE, type AlertStore } from './alert-store.port';
import { EmailNotifications } from './email-notifications';
import {
  WEBHOOK_ADDRESS_GUARD,
  WEBHOOK_SENDER,
  WEBHOOK_SETTINGS,
  WEBHOOK_STORE,
  type WebhookAddressGuard,
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookSender,
  type WebhookSettings,
  type WebhookStore,
} from './webhook.ports';

/** The durable timer of a delivery's next attempt (the kit's `timers`), keyed by the delivery's id. */
export const WEBHOOK_TIMER = 'webhook.delivery';

interface DeliveryPayload extends Record<string, unknown> {
  deliveryId: string;
}

export function webhookNotFound(): ProblemException {
  return ProblemException.notFound('No such webhook endpoint of your organisation.');
}

/**
 * Webhooks for partner systems (issue 12): an organisation's LSO registers an endpoint and the
 * event types it wants; each event of a contact the organisation is involved in (the event's
 * `organisationIds`) becomes one delivery per endpoint, signed per Standard Webhooks and retried
 * with exponential backoff for a day on the kit's durable timers. A delivery given up disables its
 * endpoint and alerts the organisation's LSOs.
 */
@Injectable()
export class Webhooks implements TimerHandler {
  constructor(
    @Inject(WEBHOOK_STORE) private readonly store: WebhookStore,
    @Inject(WEBHOOK_SENDER) private readonly sender: WebhookSender,
    @Inject(WEBHOOK_ADDRESS_GUARD) private readonly guard: WebhookAddressGuard,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
    @Inject(ALERT_STORE) private readonly alerts: AlertStore,
    @Inject(EmailNotifications) private readonly email: EmailNotifications,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(Transactions) private readonly transactions: Transactions,
  ) {}

  /** Registers an endpoint; its secret is in the answer, and never shown again. */
  async register(caller: Caller, url: string, eventTypes: string[]): Promise<WebhookEndpoint> {
    const refusal = await this.guard.refusal(url);
    if (refusal) throw new ProblemException(422, 'WEBHOOK_ADDRESS_REFUSED', 'Address refused', refusal);
    const unknown = eventTypes.filter((type) => !WEBHOOK_EVENT_TYPES.includes(type));
    if (unknown.length > 0) throw new ProblemException(400, 'UNKNOWN_EVENT_TYPE', 'Unknown event type', `Not an event type a webhook can receive: ${unknown.join(', ')}.`);
    const endpoint: WebhookEndpoint = {
      id: uuidv7(),
      organisationId: caller.organisationId,
      url,
      eventTypes: [...new Set(eventTypes)],
      secret: newSecret(),
      previousSecret: null,
      previousSecretUntil: null,
      status: 'ACTIVE',
      createdAt: this.clock.now(),
      disabledAt: null,
    };
    await this.store.addEndpoint(endpoint);
    return endpoint;
  }

  list(caller: Caller): Promise<WebhookEndpoint[]> {
    return this.store.endpoints(caller.organisationId);
  }

  async remove(caller: Caller, id: string): Promise<void> {
    if (!(await this.store.deleteEndpoint(caller.organisationId, id))) throw webhookNotFound();
  }

  /** A new secret; the previous one still signs (beside it) for the overlap, so receivers can change without a gap. */
  async rotateSecret(caller: Caller, id: string): Promise<{ secret: string; previousSecretValidUntil: Date }> {
    const endpoint = await this.store.endpoint(caller.organisationId, id);
    if (!endpoint) throw webhookNotFound();
    const secret = newSecret();
    const previousSecretValidUntil = new Date(this.clock.now().getTime() + this.settings.secretOverlapHours * 3_600_000);
    await this.store.rotateSecret(id, secret, previousSecretValidUntil);
    return { secret, previousSecretValidUntil };
  }

  async deliveries(caller: Caller, id: string, limit: number): Promise<WebhookDelivery[]> {
    if (!(await this.store.endpoint(caller.organisationId, id))) throw webhookNotFound();
    return this.store.deliveries(id, limit);
  }

  /** Sends a delivery again, with the same id (a receiver that had it de-duplicates), at once. */
  async redeliver(caller: Caller, endpointId: string, deliveryId: string): Promise<void> {
    await this.transactions.run(async () => {
      const endpoint = await this.store.endpoint(caller.organisationId, endpointId);
      const delivery = endpoint && (await this.store.delivery(deliveryId));
      if (!endpoint || !delivery || delivery.endpointId !== endpointId) throw ProblemException.notFound('No such delivery of your endpoint.');
      if (endpoint.status !== 'ACTIVE') throw new ProblemException(409, 'WEBHOOK_DISABLED', 'Endpoint disabled', 'The endpoint is disabled: register it again to receive deliveries.');
      await this.store.setDeliveryStatus(deliveryId, 'PENDING', null);
      await this.timers.schedule<DeliveryPayload>({ kind: WEBHOOK_TIMER, key: deliveryId, dueAt: this.clock.now(), payload: { deliveryId } });
    });
  }

  /** Called in the consumer's transaction: one delivery per subscribed endpoint of an involved organisation. */
  async onEvent(event: EventEnvelope): Promise<void> {
    const data = event.data as { crn?: string; organisationIds?: string[] };
    if (!data.crn || !data.organisationIds) return;
    for (const endpoint of await this.store.subscribed(data.organisationIds, event.type)) {
      const delivery = {
        id: uuidv7(),
        endpointId: endpoint.id,
        eventId: event.id,
        eventType: event.type,
        crn: data.crn,
        body: JSON.stringify({ id: event.id, type: event.type, time: event.time, subject: event.subject, data: event.data }),
        status: 'PENDING' as const,
        firstAttemptAt: null,
        createdAt: this.clock.now(),
      };
      if (await this.store.addDelivery(delivery)) {
        await this.timers.schedule<DeliveryPayload>({ kind: WEBHOOK_TIMER, key: delivery.id, dueAt: this.clock.now(), payload: { deliveryId: delivery.id } });
      }
    }
  }

  /** One attempt of a delivery: sent, recorded; on failure the next attempt is set, or the delivery given up. */
  async fire(timer: Timer): Promise<void> {
    const { deliveryId } = timer.payload as DeliveryPayload;
    const delivery = await this.store.delivery(deliveryId);
    if (!delivery || delivery.status !== 'PENDING') return;
    const endpoint = await this.store.endpointById(delivery.endpointId);
    if (!endpoint || endpoint.status !== 'ACTIVE') return;
    const now = this.clock.now();
    const secrets = [endpoint.secret, ...(endpoint.previousSecret && endpoint.previousSecretUntil && endpoint.previousSecretUntil > now ? [endpoint.previousSecret] : [])];
    const answer = await this.sender.send(endpoint.url, { id: delivery.id, body: delivery.body, secrets, at: now });
    await this.store.recordAttempt(delivery.id, { attempt: delivery.attempts.length + 1, attemptedAt: now, responseStatus: answer.status, error: answer.error });
    const firstAttemptAt = delivery.firstAttemptAt ?? now;
    if (isDelivered(answer.status)) {
      await this.store.setDeliveryStatus(delivery.id, 'DELIVERED', firstAttemptAt);
      return;
    }
    // Attempts since the first of this round (a manual redelivery starts a new round, and a new day).
    const failedSinceRedelivery = delivery.firstAttemptAt === null ? 1 : delivery.attempts.filter((attempt) => attempt.attemptedAt >= firstAttemptAt).length + 1;
    const next = nextAttemptAt(firstAttemptAt, failedSinceRedelivery, now, this.settings);
    if (next) {
      await this.store.setDeliveryStatus(delivery.id, 'PENDING', firstAttemptAt);
      await this.timers.schedule<DeliveryPayload>({ kind: WEBHOOK_TIMER, key: delivery.id, dueAt: next, payload: { deliveryId: delivery.id } });
      return;
    }
    await this.giveUp(endpoint, delivery, firstAttemptAt, now);
  }

  private async giveUp(endpoint: WebhookEndpoint, delivery: WebhookDelivery, firstAttemptAt: Date, now: Date): Promise<void> {
    await this.store.setDeliveryStatus(delivery.id, 'FAILED', firstAttemptAt);
    await this.store.disable(endpoint.id, now);
    const added = await this.alerts.add(delivery.id, [
      {
        kind: 'WEBHOOK_DISABLED',
        crn: delivery.crn,
        recipient: { kind: 'ORGANISATION', organisationId: endpoint.organisationId, roles: WORKING_ROLES.ADMINISTRATION },
        title: `Your webhook endpoint ${endpoint.url} was disabled: deliveries failed for ${this.settings.retryForHours} hours`,
        detail: { webhookId: endpoint.id, deliveryId: delivery.id, url: endpoint.url },
        occurredAt: now,
      },
    ]);
    await this.email.alertsAdded(added);
  }
}

/** A Standard Webhooks secret: `whsec_` and 24 random bytes in base64, shown once. */
function newSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}
