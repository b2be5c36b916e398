import { Topics } from '../topics';
import { Crn, Id, Instant, OneOf, OrganisationIdOrNull, OrganisationIds, REASON_MAX_LENGTH, Text, UserIdOrNull } from './event-fields';
import {
  CLARIFICATION_CLOSURE_CAUSES,
  CLARIFICATION_KINDS,
  type ClarificationClosureCause,
  type ClarificationKind,
} from './clarification-kind';

/**
 * A thread closed: a side closed it with a reason, or the contact was resolved or withdrawn
 * (`closedByUserId` and `closedByOrganisationId` null then). Published on `cms.clarifications.v1`,
 * keyed by CRN.
 */
export class ClarificationClosedV1 {
  static readonly type = 'uk.gas.cms.clarification.closed.v1';
  static readonly topic = Topics.clarifications;

  @Id()
  clarificationId!: string;

  @Crn()
  crn!: string;

  @OneOf(CLARIFICATION_KINDS)
  kind!: ClarificationKind;

  @OneOf(CLARIFICATION_CLOSURE_CAUSES)
  cause!: ClarificationClosureCause;

  @Text(REASON_MAX_LENGTH)
  reason!: string;

  @UserIdOrNull()
  closedByUserId!: string | null;

  @OrganisationIdOrNull()
  closedByOrganisationId!: string | null;

  @Instant()
  closedAt!: string;

  @OrganisationIds()
  organisationIds!: string[];
}
