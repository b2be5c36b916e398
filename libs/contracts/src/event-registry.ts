import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ContactLoggedV1 } from './events/contact-logged.event';
import { ContactAssignedV1 } from './events/contact-assigned.event';
import { ContactResolvedV1 } from './events/contact-resolved.event';
import { ContactWithdrawnV1 } from './events/contact-withdrawn.event';
import { ContactParticipantsChangedV1 } from './events/contact-participants-changed.event';
import { ContactDeadlineReachedV1 } from './events/contact-deadline-reached.event';
import { ContactAnonymisedV1 } from './events/contact-anonymised.event';
import { ClarificationRaisedV1 } from './events/clarification-raised.event';
import { ClarificationMessagePostedV1 } from './events/clarification-message-posted.event';
import { ClarificationClosedV1 } from './events/clarification-closed.event';
import { ClarificationDeadlineReachedV1 } from './events/clarification-deadline-reached.event';
import { SiteVisitReferredV1 } from './events/site-visit-referred.event';
import { SiteVisitAcceptedV1 } from './events/site-visit-accepted.event';
import { SiteVisitDeclinedV1 } from './events/site-visit-declined.event';
import { SiteVisitFindingReportedV1 } from './events/site-visit-finding-reported.event';
import { SiteVisitCancelledV1 } from './events/site-visit-cancelled.event';
import { SiteVisitDeadlineReachedV1 } from './events/site-visit-deadline-reached.event';
import { MeterPointStatusChangedV1 } from './events/meter-point-status-changed.event';
import { MeterPointStatusChangeRefusedV1 } from './events/meter-point-status-change-refused.event';
import { SessionsEndedV1 } from './events/sessions-ended.event';
import { PartnerSiteVisitReferredV1 } from './events/partner-site-visit-referred.event';
import { PartnerSiteVisitCancelledV1 } from './events/partner-site-visit-cancelled.event';
import { PartnerClarificationRaisedV1 } from './events/partner-clarification-raised.event';
import { PartnerContactResolvedV1 } from './events/partner-contact-resolved.event';
import { PartnerContactWithdrawnV1 } from './events/partner-contact-withdrawn.event';
import { PartnerTopics, partnerTopic, type PartnerTopicTemplate, type TopicName } from './topics';

/**
 * An event schema: its class carries its versioned type name and the one topic it travels on, or,
 * for a partner event, the template of the partner topics it travels on (one per organisation).
 */
type EventClass = { new (): object; readonly type: string; readonly topic: TopicName | PartnerTopicTemplate };

/** Every event schema, once. Producers and consumers both validate against this registry. */
const eventClasses: EventClass[] = [
  ContactLoggedV1,
  ContactAssignedV1,
  ContactResolvedV1,
  ContactWithdrawnV1,
  ContactParticipantsChangedV1,
  ContactDeadlineReachedV1,
  ContactAnonymisedV1,
  ClarificationRaisedV1,
  ClarificationMessagePostedV1,
  ClarificationClosedV1,
  ClarificationDeadlineReachedV1,
  SiteVisitReferredV1,
  SiteVisitAcceptedV1,
  SiteVisitDeclinedV1,
  SiteVisitFindingReportedV1,
  SiteVisitCancelledV1,
  SiteVisitDeadlineReachedV1,
  MeterPointStatusChangedV1,
  MeterPointStatusChangeRefusedV1,
  SessionsEndedV1,
  PartnerSiteVisitReferredV1,
  PartnerSiteVisitCancelledV1,
  PartnerClarificationRaisedV1,
  PartnerContactResolvedV1,
  PartnerContactWithdrawnV1,
];

const partnerTopicTemplates: readonly string[] = Object.values(PartnerTopics);

const registry = new Map<string, EventClass>(eventClasses.map((cls) => [cls.type, cls]));

export class InvalidEventError extends Error {
  constructor(
    readonly eventType: string,
    readonly problems: string[],
  ) {
    super(`invalid ${eventType} event: ${problems.join('; ')}`);
  }
}

export function knownEventTypes(): string[] {
  return [...registry.keys()];
}

/** The schema class of an event type (its validation rules, topic and type name); undefined if unknown. */
export function eventClassOf(type: string): EventClass | undefined {
  return registry.get(type);
}

/** Whether the type is a partner event's: it travels on the partner topic of the organisation it is addressed to. */
export function isPartnerEventType(type: string): boolean {
  const cls = registry.get(type);
  return cls !== undefined && partnerTopicTemplates.includes(cls.topic);
}

/**
 * The topic an event type travels on (its aggregate's topic); throws for a type not in the registry
 * and for a partner event's, whose topic depends on its body (`partnerTopicOf`).
 */
export function topicOf(type: string): TopicName {
  const cls = registry.get(type);
  if (!cls) throw new InvalidEventError(type, ['unknown event type']);
  if (partnerTopicTemplates.includes(cls.topic)) {
    throw new InvalidEventError(type, ['a partner event travels on the partner topic of its organisation: partnerTopicOf(type, data)']);
  }
  return cls.topic as TopicName;
}

/**
 * The one topic a partner event travels on: its template with the `organisationId` of its body, the
 * organisation it is addressed to. Derived from the body, so it can never be sent to another's.
 */
export function partnerTopicOf(type: string, data: { organisationId: string }): string {
  const cls = registry.get(type);
  if (!cls || !partnerTopicTemplates.includes(cls.topic)) throw new InvalidEventError(type, ['not a partner event']);
  return partnerTopic(cls.topic as PartnerTopicTemplate, data.organisationId);
}

/** Validates an event body against its schema; throws InvalidEventError listing every problem. */
export function validateEventData(type: string, data: unknown): void {
  const cls = registry.get(type);
  if (!cls) throw new InvalidEventError(type, ['unknown event type']);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InvalidEventError(type, ['body must be a JSON object']);
  }
  const instance = plainToInstance(cls, data);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    throw new InvalidEventError(
      type,
      errors.flatMap((error) => Object.values(error.constraints ?? { [error.property]: 'invalid' })),
    );
  }
}
