import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  ANONYMISED_MARKER,
  ContactAnonymisedV1,
  ContactAssignedV1,
  ContactLoggedV1,
  ContactParticipantsChangedV1,
  ContactResolvedV1,
  ContactWithdrawnV1,
  Topics,
  type EventEnvelope,
} from '@cms/contracts';
import { EventOutbox, type ConsumedEventHandler, type ConsumerDeclaration } from '@cms/service-defaults';
import type { InvolvedContact } from './involved-contact';
import { InvolvedContacts } from './involved-contacts';

/** How a contact ended, for the service's own work on it (close its threads, cancel its visits). */
export interface ContactEnding {
  cause: 'RESOLVED' | 'WITHDRAWN';
  at: Date;
}

/**
 * What a service does when a contact it works on is resolved or withdrawn (docs/domain.md
 * "Outcome": that closes the contact's open DCs and OCs and cancels its open SVs). It runs in the
 * consumer's transaction, with the contact locked and already marked ended, so a command racing it
 * either finishes first or finds the contact ended.
 */
export interface ContactEndedHandler {
  contactEnded(contact: InvolvedContact, ending: ContactEnding): Promise<void>;
}

/** The provider token of a service's ContactEndedHandler (optional). */
export const CONTACT_ENDED_HANDLER = Symbol('CONTACT_ENDED_HANDLER');

/** A contact's retention period has passed (ContactAnonymisedV1): what replaces its personal data, and when. */
export interface ContactAnonymisation {
  crn: string;
  /** ANONYMISED_MARKER: the same text in every service. */
  marker: string;
  at: Date;
}

/**
 * What a service does when a contact's retention period has passed (README "Retention"): replaces
 * every piece of the contact's personal data it holds (copied details, what people wrote, in its
 * tables and its audit) with `marker`, keeping ids, statuses, codes, dates and counts. It runs in the
 * consumer's transaction, with the contact locked when the copy holds it, and must be idempotent:
 * the marker replaced by the marker changes nothing.
 */
export interface ContactAnonymisedHandler {
  contactAnonymised(anonymisation: ContactAnonymisation): Promise<void>;
}

/** The provider token of a service's ContactAnonymisedHandler (optional). */
export const CONTACT_ANONYMISED_HANDLER = Symbol('CONTACT_ANONYMISED_HANDLER');

/** The events of cms.contacts.v1 the copy follows; the consumer passes over the others unread. */
export const INVOLVED_CONTACT_EVENT_TYPES = [
  ContactLoggedV1.type,
  ContactParticipantsChangedV1.type,
  ContactAssignedV1.type,
  ContactResolvedV1.type,
  ContactWithdrawnV1.type,
  ContactAnonymisedV1.type,
] as const;

/**
 * Keeps the service's copy of each contact from cms.contacts.v1, in the transaction that records
 * the event in the inbox (a redelivered event changes nothing). An event about a contact the copy
 * never heard logged (a service deployed after it was logged) is passed over: there is nothing of
 * the service's own about that contact to change.
 */
@Injectable()
export class InvolvedContactsConsumer implements ConsumedEventHandler {
  constructor(
    @Inject(InvolvedContacts) private readonly contacts: InvolvedContacts,
    @Inject(EventOutbox) private readonly events: EventOutbox,
    @Optional() @Inject(CONTACT_ENDED_HANDLER) private readonly ended?: ContactEndedHandler,
    @Optional() @Inject(CONTACT_ANONYMISED_HANDLER) private readonly anonymised?: ContactAnonymisedHandler,
  ) {}

  async handle(event: EventEnvelope): Promise<void> {
    switch (event.type) {
      case ContactLoggedV1.type: {
        const logged = event.data as ContactLoggedV1;
        await this.contacts.add({
          crn: logged.crn,
          mprn: logged.mprn,
          contactType: logged.contactType,
          requestedStatus: logged.requestedStatus,
          originatorOrganisationId: logged.originatorOrganisationId,
          loggedByUserId: logged.loggedByUserId,
          transporterOrganisationId: logged.transporterOrganisationId,
          ldz: logged.ldz ?? null,
          organisationIds: logged.organisationIds,
          status: 'LOGGED',
          investigatingAgentUserId: null,
          loggedAt: new Date(logged.loggedAt),
          endedAt: null,
        });
        return;
      }
      case ContactParticipantsChangedV1.type: {
        const changed = event.data as ContactParticipantsChangedV1;
        await this.contacts.involve(changed.crn, changed.organisationIds);
        return;
      }
      case ContactAssignedV1.type: {
        const assigned = event.data as ContactAssignedV1;
        const contact = await this.contacts.lock(assigned.crn);
        // An assignment arriving after the end (it cannot, on one partition, but a copy must never reopen a contact).
        if (!contact || contact.endedAt) return;
        await this.contacts.setStatus(assigned.crn, {
          status: assigned.status,
          ...(assigned.role === 'INVESTIGATING_AGENT' ? { investigatingAgentUserId: assigned.assigneeUserId } : {}),
        });
        return;
      }
      case ContactResolvedV1.type: {
        const resolved = event.data as ContactResolvedV1;
        await this.end(resolved.crn, { cause: 'RESOLVED', at: new Date(resolved.resolvedAt) }, resolved.organisationIds);
        return;
      }
      case ContactWithdrawnV1.type: {
        const withdrawn = event.data as ContactWithdrawnV1;
        await this.end(withdrawn.crn, { cause: 'WITHDRAWN', at: new Date(withdrawn.withdrawnAt) }, withdrawn.organisationIds);
        return;
      }
      case ContactAnonymisedV1.type: {
        const anonymised = event.data as ContactAnonymisedV1;
        // Locked when the copy holds it, so a command on it waits; run either way: a service's
        // other copies (the referral feed's) may name a contact its copy never heard logged.
        await this.contacts.lock(anonymised.crn);
        await this.anonymised?.contactAnonymised({ crn: anonymised.crn, marker: ANONYMISED_MARKER, at: new Date(anonymised.anonymisedAt) });
        // What this service's own events copied of it goes too, once they have gone out.
        await this.events.erasePublished(anonymised.crn);
        return;
      }
      default:
        return;
    }
  }

  private async end(crn: string, ending: ContactEnding, organisationIds: string[]): Promise<void> {
    await this.contacts.involve(crn, organisationIds);
    const contact = await this.contacts.lock(crn);
    if (!contact || contact.endedAt) return;
    const status = ending.cause;
    await this.contacts.setStatus(crn, { status, endedAt: ending.at });
    await this.ended?.contactEnded({ ...contact, status, endedAt: ending.at }, ending);
  }
}

/**
 * The `consumes` entry of a service that keeps involved contacts: consumer group
 * `<service>.contacts`, the copy's event types only.
 */
export function involvedContactsConsumer(): ConsumerDeclaration {
  return { name: 'contacts', topics: [Topics.contacts], handler: InvolvedContactsConsumer, eventTypes: INVOLVED_CONTACT_EVENT_TYPES };
}

/**
 * The providers a service adds to its module for its copy of involved contacts (and, when it has
 * them, its ContactEndedHandler and ContactAnonymisedHandler).
 */
export const involvedContactProviders = [InvolvedContacts, InvolvedContactsConsumer];
