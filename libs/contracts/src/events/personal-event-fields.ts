import { ClarificationClosedV1 } from './clarification-closed.event';
import { ClarificationMessagePostedV1 } from './clarification-message-posted.event';
import { ClarificationRaisedV1 } from './clarification-raised.event';
import { ContactResolvedV1 } from './contact-resolved.event';
import { ContactWithdrawnV1 } from './contact-withdrawn.event';
import { PartnerClarificationRaisedV1 } from './partner-clarification-raised.event';
import { PartnerContactResolvedV1 } from './partner-contact-resolved.event';
import { PartnerContactWithdrawnV1 } from './partner-contact-withdrawn.event';
import { PartnerSiteVisitReferredV1 } from './partner-site-visit-referred.event';
import { SiteVisitDeclinedV1 } from './site-visit-declined.event';
import { SiteVisitFindingReportedV1 } from './site-visit-finding-reported.event';
import { SiteVisitReferredV1 } from './site-visit-referred.event';

/**
 * The fields of each event's body that hold what a person wrote freely (a note, a question, a
 * message, a reason, instructions), which may name or describe people: what a service that keeps a
 * copy of an event's body (a webhook delivery, a kept outcome) replaces with ANONYMISED_MARKER when
 * the contact's retention period has passed (README "Retention"). Every other field is an id, a code,
 * a status, a date or a flag, kept. A resolution's `reason` is the label of its reason code
 * (reference data), not a person's words. An event type not listed holds none.
 */
export const PERSONAL_EVENT_FIELDS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  [ContactResolvedV1.type]: ['note'],
  [ContactWithdrawnV1.type]: ['reason'],
  [ClarificationRaisedV1.type]: ['question'],
  [ClarificationMessagePostedV1.type]: ['text'],
  [ClarificationClosedV1.type]: ['reason'],
  [SiteVisitReferredV1.type]: ['instructions'],
  [SiteVisitDeclinedV1.type]: ['reason'],
  [SiteVisitFindingReportedV1.type]: ['notes'],
  [PartnerContactResolvedV1.type]: ['note'],
  [PartnerContactWithdrawnV1.type]: ['reason'],
  [PartnerClarificationRaisedV1.type]: ['question'],
  [PartnerSiteVisitReferredV1.type]: ['instructions'],
});
