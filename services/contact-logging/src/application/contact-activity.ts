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
        crn: raised.crn,
        entry: {
          occurredAt: new Date(raised.raisedAt),
          action: 'CLARIFICATION_RAISED',
          actorUserId: raised.raisedByUserId,
          actorOrganisationId: raised.raisedByOrganisationId,
          detail: pick(raised, ['clarificationId', 'kind', 'addressedTo', 'addressedToOrganisationId', 'question', 'dueOn']),
        },
        // A DC to a stakeholder (the transporter) makes it a participant (docs/domain.md "Transparency").
        joins: [raised.addressedToOrganisationId],
        waitingOn: {
          itemType: raised.kind,
          itemId: raised.clarificationId,
          waitingOnOrganisationId: raised.addressedToOrganisationId,
          dueOn: raised.dueOn,
          addressedTo: raised.addressedTo,
        },
      };
    }
    case ClarificationMessagePostedV1.type: {
      const posted = event.data as ClarificationMessagePostedV1;
      return {
        crn: posted.crn,
        entry: {
          occurredAt: new Date(posted.postedAt),
          action: 'CLARIFICATION_MESSAGE',
          actorUserId: posted.postedByUserId,
          actorOrganisationId: posted.postedByOrganisationId,
          detail: pick(posted, ['clarificationId', 'kind', 'messageId', 'text', 'waitingOnOrganisationId', 'dueOn']),
        },
        waitingOn: {
          itemType: posted.kind,
          itemId: posted.clarificationId,
          waitingOnOrganisationId: posted.waitingOnOrganisationId,
          dueOn: posted.dueOn,
          addressedTo: null,
        },
      };
    }
    case ClarificationClosedV1.type: {
      const closed = event.data as ClarificationClosedV1;
      return {
        crn: closed.crn,
        entry: {
          occurredAt: new Date(closed.closedAt),
          action: 'CLARIFICATION_CLOSED',
          actorUserId: closed.closedByUserId,
          actorOrganisationId: closed.closedByOrganisationId,
          detail: pick(closed, ['clarificationId', 'kind', 'cause', 'reason']),
        },
        settles: closed.clarificationId,
      };
    }
    case ClarificationDeadlineReachedV1.type: {
      const reached = event.data as ClarificationDeadlineReachedV1;
      return {
        crn: reached.crn,
        entry: {
          occurredAt: new Date(reached.reachedAt),
          action: `CLARIFICATION_${reached.stage}`,
          actorUserId: null,
          actorOrganisationId: null,
          detail: pick(reached, ['clarificationId', 'kind', 'addressedTo', 'waitingOnOrganisationId', 'dueOn']),
        },
      };
    }
    case SiteVisitReferredV1.type: {
      const referred = event.data as SiteVisitReferredV1;
      return {
        crn: referred.crn,
        entry: {
          occurredAt: new Date(referred.referredAt),
          action: 'SITE_VISIT_REFERRED',
          actorUserId: referred.referredByUserId,
          actorOrganisationId: null,
          detail: pick(referred, ['siteVisitId', 'transporterOrganisationId', 'confirmStatus', 'instructions', 'dueOn']),
        },
        // The transporter referred becomes a stakeholder of the contact (docs/domain.md "Investigation").
        joins: [referred.transporterOrganisationId],
        waitingOn: {
          itemType: 'SV',
          itemId: referred.siteVisitId,
          waitingOnOrganisationId: referred.transporterOrganisationId,
          dueOn: referred.dueOn,
          addressedTo: null,
        },
      };
    }
    case SiteVisitAcceptedV1.type: {
      const accepted = event.data as SiteVisitAcceptedV1;
      return siteVisitEntry(accepted.crn, accepted.acceptedAt, 'SITE_VISIT_ACCEPTED', accepted.acceptedByUserId, accepted.transporterOrganisationId, {
        siteVisitId: accepted.siteVisitId,
      });
    }
    case SiteVisitDeclinedV1.type: {
      const declined = event.data as SiteVisitDeclinedV1;
      return {
        ...siteVisitEntry(declined.crn, declined.declinedAt, 'SITE_VISIT_DECLINED', declined.declinedByUserId, declined.transporterOrganisationId, {
          siteVisitId: declined.siteVisitId,
          reason: declined.reason,
        }),
        // Declined, it returns to the agent: the contact no longer waits on the transporter.
        settles: declined.siteVisitId,
      };
    }
    case SiteVisitFindingReportedV1.type: {
      const finding = event.data as SiteVisitFindingReportedV1;
      return {
        ...siteVisitEntry(
          finding.crn,
          finding.reportedAt,
          'SITE_VISIT_FINDING',
          finding.reportedByUserId,
          finding.transporterOrganisationId,
          pick(finding, ['siteVisitId', 'confirmed', 'visitedOn', 'notes', 'meterSerialNumber', 'meterRead', 'condition']),
        ),
        settles: finding.siteVisitId,
      };
    }
    case SiteVisitCancelledV1.type: {
      const cancelled = event.data as SiteVisitCancelledV1;
      return {
        ...siteVisitEntry(cancelled.crn, cancelled.cancelledAt, 'SITE_VISIT_CANCELLED', null, null, { siteVisitId: cancelled.siteVisitId, cause: cancelled.cause }),
        settles: cancelled.siteVisitId,
      };
    }
    case SiteVisitDeadlineReachedV1.type: {
      const reached = event.data as SiteVisitDeadlineReachedV1;
      return siteVisitEntry(reached.crn, reached.reachedAt, `SITE_VISIT_${reached.stage}`, null, null, {
        siteVisitId: reached.siteVisitId,
        transporterOrganisationId: reached.transporterOrganisationId,
        dueOn: reached.dueOn,
      });
    }
    case MeterPointStatusChangedV1.type: {
      const changed = event.data as MeterPointStatusChangedV1;
      return {
        crn: changed.crn,
        entry: {
          occurredAt: new Date(changed.changedAt),
          action: 'METER_POINT_STATUS_CHANGED',
          actorUserId: null,
          actorOrganisationId: null,
          detail: pick(changed, ['mprn', 'previousStatus', 'status']),
        },
        meterPointStatusAfter: changed.status,
      };
    }
    case MeterPointStatusChangeRefusedV1.type: {
      const refused = event.data as MeterPointStatusChangeRefusedV1;
      return {
        crn: refused.crn,
        entry: {
          occurredAt: new Date(refused.refusedAt),
          action: 'METER_POINT_STATUS_CHANGE_REFUSED',
          actorUserId: null,
          actorOrganisationId: null,
          detail: pick(refused, ['mprn', 'code', 'reason', 'requestedStatus', 'expectedStatus', 'actualStatus']),
        },
      };
    }
    default:
      return null;
  }
}

function siteVisitEntry(
  crn: string,
  at: string,
  action: string,
  actorUserId: string | null,
  actorOrganisationId: string | null,
  detail: Record<string, unknown>,
): ContactActivity {
  return { crn, entry: { occurredAt: new Date(at), action, actorUserId, actorOrganisationId, detail } };
}

function pick<T extends object, K extends keyof T>(value: T, keys: K[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => value[key] !== undefined).map((key) => [key, value[key]]));
}
