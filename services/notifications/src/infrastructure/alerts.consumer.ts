import { Inject, Injectable } from '@nestjs/common';
import { Topics, type EventEnvelope } from '@cms/contracts';
import type { ConsumedEventHandler, ConsumerDeclaration } from '@cms/service-defaults';
import { Alerting } from '../application/alerting';
import { ALERTING_EVENT_TYPES } from '../domain';

/**
 * The lifecycle's events that make alerts, from the contacts, clarifications and site-visits
 * topics. The kit's consumer runner has checked each event against its schema and runs this in the
 * transaction that records the event id in the inbox; a handler that throws is retried, then
 * dead-lettered.
 */
@Injectable()
export class AlertsConsumer implements ConsumedEventHandler {
  constructor(@Inject(Alerting) private readonly alerting: Alerting) {}

  async handle(event: EventEnvelope): Promise<void> {
    await this.alerting.onEvent(event);
  }
}

/** Consumer group `notifications.alerts`: the replicas of this service share the topics' partitions. */
export function alertsConsumer(): ConsumerDeclaration {
  return {
    name: 'alerts',
    topics: [Topics.contacts, Topics.clarifications, Topics.siteVisits],
    handler: AlertsConsumer,
    eventTypes: ALERTING_EVENT_TYPES,
  };
}
