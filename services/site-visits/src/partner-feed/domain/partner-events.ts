import {
  PERSONAL_EVENT_FIELDS,
  PartnerClarificationRaisedV1,
  PartnerContactResolvedV1,
  PartnerContactWithdrawnV1,
  PartnerSiteVisitCancelledV1,
  PartnerSiteVisitReferredV1,
  type ClarificationRaisedV1,
  type ContactResolvedV1,
  type ContactWithdrawnV1,
  type DomainEvent,
  type SiteVisitCancelledV1,
  type SiteVisitReferredV1,
} from '@cms/contracts';

/**
 * The referral feed's mapping from internal events to partner events (README "The referral feed").
 * Each partner event is addressed to one transporter and copies only what it may see of a contact
 * it is involved in (docs/domain.md "Transparency"): the facts of its own visit or question and the
 * contact's outcome, never another organisation's id (the originator's, who withdrew, the
 * `organisationIds` list), nor the users of other organisations. Field by field, on purpose: a field
 * added to an internal event reaches partners only when it is added here and to their schema.
 */

/** The transporter a referral, its cancellation or a stakeholder's clarification concerns. */
export type PartnerEvent = DomainEvent<{ organisationId: string; crn: string }>;

export function partnerReferred(referred: SiteVisitReferredV1): PartnerEvent {
  const data: PartnerSiteVisitReferredV1 = {
    organisationId: referred.transporterOrganisationId,
    crn: referred.crn,
    siteVisitId: referred.siteVisitId,
    mprn: referred.mprn,
    contactType: referred.contactType,
    confirmStatus: referred.confirmStatus,
    ...(referred.instructions === undefined ? {} : { instructions: referred.instructions }),
    dueOn: referred.dueOn,
    referredAt: referred.referredAt,
  };
  return { type: PartnerSiteVisitReferredV1.type, subject: referred.crn, data, time: new Date(referred.referredAt) };
}

export function partnerCancelled(cancelled: SiteVisitCancelledV1): PartnerEvent {
  const data: PartnerSiteVisitCancelledV1 = {
    organisationId: cancelled.transporterOrganisationId,
    crn: cancelled.crn,
    siteVisitId: cancelled.siteVisitId,
    cause: cancelled.cause,
    cancelledAt: cancelled.cancelledAt,
  };
  return { type: PartnerSiteVisitCancelledV1.type, subject: cancelled.crn, data, time: new Date(cancelled.cancelledAt) };
}

/** A clarification is the feed's only when addressed to a stakeholder: the transporter. */
export function isAddressedToTransporter(raised: ClarificationRaisedV1): boolean {
  return raised.addressedTo === 'STAKEHOLDER';
}

export function partnerClarificationRaised(raised: ClarificationRaisedV1): PartnerEvent {
  if (!isAddressedToTransporter(raised)) throw new Error(`clarification ${raised.clarificationId} is not addressed to a stakeholder`);
  const data: PartnerClarificationRaisedV1 = {
    organisationId: raised.addressedToOrganisationId,
    crn: raised.crn,
    clarificationId: raised.clarificationId,
    kind: raised.kind,
    messageId: raised.messageId,
    question: raised.question,
    dueOn: raised.dueOn,
    raisedAt: raised.raisedAt,
  };
  return { type: PartnerClarificationRaisedV1.type, subject: raised.crn, data, time: new Date(raised.raisedAt) };
}

/**
 * How a contact ended, as every transporter involved in it may read it: kept until a transporter
 * becomes involved after it ended (the events come on different topics, in no set order).
 */
export type ContactOutcome =
  | { kind: 'RESOLVED'; data: Omit<PartnerContactResolvedV1, 'organisationId'> }
  | { kind: 'WITHDRAWN'; data: Omit<PartnerContactWithdrawnV1, 'organisationId'> };

export function resolvedOutcome(resolved: ContactResolvedV1): ContactOutcome {
  return {
    kind: 'RESOLVED',
    data: {
      crn: resolved.crn,
      mprn: resolved.mprn,
      contactType: resolved.contactType,
      outcome: resolved.outcome,
      reasonCode: resolved.reasonCode,
      reason: resolved.reason,
      ...(resolved.note === undefined ? {} : { note: resolved.note }),
      resolvedAt: resolved.resolvedAt,
    },
  };
}

export function withdrawnOutcome(withdrawn: ContactWithdrawnV1): ContactOutcome {
  return {
    kind: 'WITHDRAWN',
    data: { crn: withdrawn.crn, mprn: withdrawn.mprn, reason: withdrawn.reason, withdrawnAt: withdrawn.withdrawnAt },
  };
}

/**
 * What people wrote in a kept outcome, replaced when the contact's retention period has passed
 * (README "Retention"): the personal fields of the partner event it becomes (a resolution's note, a
 * withdrawal's reason).
 */
export const PERSONAL_OUTCOME_FIELDS: Readonly<Record<ContactOutcome['kind'], readonly string[]>> = Object.freeze({
  RESOLVED: PERSONAL_EVENT_FIELDS[PartnerContactResolvedV1.type],
  WITHDRAWN: PERSONAL_EVENT_FIELDS[PartnerContactWithdrawnV1.type],
});

/** The outcome addressed to one involved transporter. */
export function partnerOutcome(outcome: ContactOutcome, organisationId: string): PartnerEvent {
  if (outcome.kind === 'RESOLVED') {
    const data: PartnerContactResolvedV1 = { organisationId, ...outcome.data };
    return { type: PartnerContactResolvedV1.type, subject: data.crn, data, time: new Date(data.resolvedAt) };
  }
  const data: PartnerContactWithdrawnV1 = { organisationId, ...outcome.data };
  return { type: PartnerContactWithdrawnV1.type, subject: data.crn, data, time: new Date(data.withdrawnAt) };
}
