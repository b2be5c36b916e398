import {
  ClarificationClosedV1,
  ClarificationDeadlineReachedV1,
  ClarificationMessagePostedV1,
  ClarificationRaisedV1,
  MeterPointStatusChangedV1,
  MeterPointStatusChangeRefusedV1,
  SiteVisitAcceptedV1,
  SiteVisitCancelledV1,
  SiteVisitDeadlineReachedV1,
  SiteVisitDeclinedV1,
  SiteVisitFindingReportedV1,
  SiteVisitReferredV1,
  type EventEnvelope,
} from '@cms/contracts';

/** Something a contact waits on (docs/domain.md "Lifecycle (PD)"): an open DC, OC or SV, whose turn it is and by when. */
export interface WaitingItem {
  itemType: 'DC' | 'OC' | 'SV';
  itemId: string;
  waitingOnOrganisationId: string;
  /** `YYYY-MM-DD`, counted in working days by the service that owns the item. */
  dueOn: string;
  /** For a clarification: whom it was addressed to (an unanswered DC to the originator pauses the contact's clock). */
  addressedTo: 'ORIGINATOR' | 'STAKEHOLDER' | null;
}

/**
 * What another service's event means for a contact: an entry of its one-screen timeline, and
 * where it applies, organisations that join it, an item it now waits on or no longer waits on,
 * and the register's status after its outcome.
 */
export interface ContactActivity {
  crn: string;
  entry: {
    occurredAt: Date;
    action: string;
    /** Null where no person acted (the register, a timer). */
    actorUserId: string | null;
    actorOrganisationId: string | null;
    detail: Record<string, unknown>;
  };
  joins?: string[];
  waitingOn?: WaitingItem;
  /** The item, by id, it no longer waits on. */
  settles?: string;
  meterPointStatusAfter?: string;
}

/**
 * The timeline's reading of the lifecycle events of clarifications, site visits and the register
 * (libs/contracts; docs/domain.md "Transparency": every DC, OC and SV message and finding, every
 * reminder and status change, with its time and who acted). Null for an event that adds nothing.
 */
export function contactActivityOf(event: EventEnvelope): ContactActivity | null {
  switch (event.type) {
    case ClarificationRaisedV1.type: {
      const raised = event.data as ClarificationRaisedV1;
      return {
        ...activity(
          raised.crn,
          raised.raisedAt,
          'CLARIFICATION_RAISED',
          raised.raisedByUserId,
          raised.raisedByOrganisationId,
          pick(raised, ['clarificationId', 'kind', 'addressedTo', 'addressedToOrganisationId', 'question', 'dueOn']),
        ),
        // A DC to a stakeholder (the transporter) makes it a participant (docs/domain.md "Transparency").
        joins: [raised.addressedToOrganisationId],
        waitingOn: waiting(
          raised.kind,
          raised.clarificationId,
          raised.addressedToOrganisationId,
          raised.dueOn,
          raised.addressedTo,
        ),
      };
    }
    case ClarificationMessagePostedV1.type: {
      const posted = event.data as ClarificationMessagePostedV1;
      return {
        ...activity(
          posted.crn,
          posted.postedAt,
          'CLARIFICATION_MESSAGE',
          posted.postedByUserId,
          posted.postedByOrganisationId,
          pick(posted, ['clarificationId', 'kind', 'messageId', 'text', 'waitingOnOrganisationId', 'dueOn']),
        ),
        waitingOn: waiting(posted.kind, posted.clarificationId, posted.waitingOnOrganisationId, posted.dueOn, null),
      };
    }
    case ClarificationClosedV1.type: {
      const closed = event.data as ClarificationClosedV1;
      return {
        ...activity(
          closed.crn,
          closed.closedAt,
          'CLARIFICATION_CLOSED',
          closed.closedByUserId,
          closed.closedByOrganisationId,
          pick(closed, ['clarificationId', 'kind', 'cause', 'reason']),
        ),
        settles: closed.clarificationId,
      };
    }
    case ClarificationDeadlineReachedV1.type: {
      const reached = event.data as ClarificationDeadlineReachedV1;
      return activity(
        reached.crn,
        reached.reachedAt,
        `CLARIFICATION_${reached.stage}`,
        null,
        null,
        pick(reached, ['clarificationId', 'kind', 'addressedTo', 'waitingOnOrganisationId', 'dueOn']),
      );
    }
    case SiteVisitReferredV1.type: {
      const referred = event.data as SiteVisitReferredV1;
      return {
        ...activity(
          referred.crn,
          referred.referredAt,
          'SITE_VISIT_REFERRED',
          referred.referredByUserId,
          null,
          pick(referred, ['siteVisitId', 'transporterOrganisationId', 'confirmStatus', 'instructions', 'dueOn']),
        ),
        // The transporter referred becomes a stakeholder of the contact (docs/domain.md "Investigation").
        joins: [referred.transporterOrganisationId],
        waitingOn: waiting('SV', referred.siteVisitId, referred.transporterOrganisationId, referred.dueOn, null),
      };
    }
    case SiteVisitAcceptedV1.type: {
      const accepted = event.data as SiteVisitAcceptedV1;
      return activity(
        accepted.crn,
        accepted.acceptedAt,
        'SITE_VISIT_ACCEPTED',
        accepted.acceptedByUserId,
        accepted.transporterOrganisationId,
        pick(accepted, ['siteVisitId']),
      );
    }
    case SiteVisitDeclinedV1.type: {
      const declined = event.data as SiteVisitDeclinedV1;
      // Declined, it returns to the agent: the contact no longer waits on the transporter.
      return {
        ...activity(
          declined.crn,
          declined.declinedAt,
          'SITE_VISIT_DECLINED',
          declined.declinedByUserId,
          declined.transporterOrganisationId,
          pick(declined, ['siteVisitId', 'reason']),
        ),
        settles: declined.siteVisitId,
      };
    }
    case SiteVisitFindingReportedV1.type: {
      const finding = event.data as SiteVisitFindingReportedV1;
      return {
        ...activity(
          finding.crn,
          finding.reportedAt,
          'SITE_VISIT_FINDING',
          finding.reportedByUserId,
          finding.transporterOrganisationId,
          pick(finding, [
            'siteVisitId',
            'confirmed',
            'visitedOn',
            'notes',
            'meterSerialNumber',
            'meterRead',
            'condition',
          ]),
        ),
        settles: finding.siteVisitId,
      };
    }
    case SiteVisitCancelledV1.type: {
      const cancelled = event.data as SiteVisitCancelledV1;
      return {
        ...activity(
          cancelled.crn,
          cancelled.cancelledAt,
          'SITE_VISIT_CANCELLED',
          null,
          null,
          pick(cancelled, ['siteVisitId', 'cause']),
        ),
        settles: cancelled.siteVisitId,
      };
    }
    case SiteVisitDeadlineReachedV1.type: {
      const reached = event.data as SiteVisitDeadlineReachedV1;
      return activity(
        reached.crn,
        reached.reachedAt,
        `SITE_VISIT_${reached.stage}`,
        null,
        null,
        pick(reached, ['siteVisitId', 'transporterOrganisationId', 'dueOn']),
      );
    }
    case MeterPointStatusChangedV1.type: {
      const changed = event.data as MeterPointStatusChangedV1;
      return {
        ...activity(
          changed.crn,
          changed.changedAt,
          'METER_POINT_STATUS_CHANGED',
          null,
          null,
          pick(changed, ['mprn', 'previousStatus', 'status']),
        ),
        meterPointStatusAfter: changed.status,
      };
    }
    case MeterPointStatusChangeRefusedV1.type: {
      const refused = event.data as MeterPointStatusChangeRefusedV1;
      return activity(
        refused.crn,
        refused.refusedAt,
        'METER_POINT_STATUS_CHANGE_REFUSED',
        null,
        null,
        pick(refused, ['mprn', 'code', 'reason', 'requestedStatus', 'expectedStatus', 'actualStatus']),
      );
    }
    default:
      return null;
  }
}

/** A timeline entry of `crn`; the actor null where no person acted (the register, a timer). */
function activity(
  crn: string,
  at: string,
  action: string,
  actorUserId: string | null,
  actorOrganisationId: string | null,
  detail: Record<string, unknown>,
): ContactActivity {
  return { crn, entry: { occurredAt: new Date(at), action, actorUserId, actorOrganisationId, detail } };
}

function waiting(
  itemType: WaitingItem['itemType'],
  itemId: string,
  waitingOnOrganisationId: string,
  dueOn: string,
  addressedTo: WaitingItem['addressedTo'],
): WaitingItem {
  return { itemType, itemId, waitingOnOrganisationId, dueOn, addressedTo };
}

function pick<T extends object, K extends keyof T>(value: T, keys: K[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => value[key] !== undefined).map((key) => [key, value[key]]));
}
