import { Inject, Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@cms/contracts';
import { InvolvedContacts } from '@cms/involved-contacts';
import { alertsFor, type AlertContext, type AlertingEvent } from '../domain';
import { ALERT_STORE, type AlertStore } from './alert-store.port';
import { EmailNotifications } from './email-notifications';
import { Webhooks } from './webhooks';

/**
 * Turns the lifecycle's events into alerts (docs/domain.md "Alerts"), their emails, and the
 * partner systems' webhook deliveries. Called by the consumer in the
 * transaction that records the event in the inbox, so the alerts and the inbox row commit together.
 */
@Injectable()
export class Alerting {
  constructor(
    @Inject(ALERT_STORE) private readonly store: AlertStore,
    @Inject(InvolvedContacts) private readonly contacts: InvolvedContacts,
    @Inject(EmailNotifications) private readonly email: EmailNotifications,
    @Inject(Webhooks) private readonly webhooks: Webhooks,
  ) {}

  /** Keeps the alerts of one event; returns the ids of those it added (none for an event already seen). */
  async onEvent(envelope: EventEnvelope): Promise<string[]> {
    const event = envelope as unknown as AlertingEvent;
    const context = await this.contextOf(event);
    const added = await this.store.add(envelope.id, alertsFor(event, context));
    await this.email.alertsAdded(added);
    await this.webhooks.onEvent(envelope);
    return added;
  }

  /** What the rules need besides the event: the contact's sides, who asked a thread, who referred a visit. */
  private async contextOf(event: AlertingEvent): Promise<AlertContext> {
    const contact = await this.contacts.find(event.data.crn);
    const context: AlertContext = contact ? { contact } : {};
    switch (event.type) {
      case 'uk.gas.cms.clarification.raised.v1': {
        const raised = event.data;
        await this.store.keepThread(raised.clarificationId, raised.crn, {
          raisedByUserId: raised.raisedByUserId,
          raisedByOrganisationId: raised.raisedByOrganisationId,
          addressedTo: raised.addressedTo,
          addressedToOrganisationId: raised.addressedToOrganisationId,
        });
        return context;
      }
      case 'uk.gas.cms.clarification.message-posted.v1':
      case 'uk.gas.cms.clarification.closed.v1':
      case 'uk.gas.cms.clarification.deadline-reached.v1':
        return { ...context, thread: await this.store.findThread(event.data.clarificationId) };
      case 'uk.gas.cms.site-visit.referred.v1':
        await this.store.keepVisit(event.data.siteVisitId, event.data.crn, { referredByUserId: event.data.referredByUserId });
        return context;
      case 'uk.gas.cms.site-visit.accepted.v1':
      case 'uk.gas.cms.site-visit.declined.v1':
      case 'uk.gas.cms.site-visit.finding-reported.v1':
        return { ...context, visit: await this.store.findVisit(event.data.siteVisitId) };
      default:
        return context;
    }
  }
}
