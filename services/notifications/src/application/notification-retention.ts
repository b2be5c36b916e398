import { Inject, Injectable } from '@nestjs/common';
import type { ContactAnonymisation, ContactAnonymisedHandler } from '@cms/involved-contacts';
import { ALERT_STORE, type AlertStore } from './alert-store.port';
import { WEBHOOK_STORE, type WebhookStore } from './webhook.ports';

/**
 * Retention (README "Retention"): when a contact's retention period has passed, what people wrote
 * that this service repeats goes, in its alerts (a closure's or a decline's reason) and in its
 * webhook deliveries (the events' notes, questions, messages, reasons, instructions). Run by
 * libs/involved-contacts in the consumer's transaction, which also forgets the published events.
 */
@Injectable()
export class NotificationRetention implements ContactAnonymisedHandler {
  constructor(
    @Inject(ALERT_STORE) private readonly alerts: AlertStore,
    @Inject(WEBHOOK_STORE) private readonly webhooks: WebhookStore,
  ) {}

  async contactAnonymised({ crn, marker }: ContactAnonymisation): Promise<void> {
    await this.alerts.anonymiseContact(crn, marker);
    await this.webhooks.anonymiseDeliveries(crn, marker);
  }
}
