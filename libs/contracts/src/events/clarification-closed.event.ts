import { ClarificationEventV1 } from './clarification-event';
import { Topics } from '../topics';
import { Instant, OneOf, OrganisationIdOrNull, REASON_MAX_LENGTH, Text, UserIdOrNull } from './event-fields';
import { CLARIFICATION_CLOSURE_CAUSES, type ClarificationClosureCause } from './clarification-kind';

/**
 * A thread closed: a side closed it with a reason, or the contact was resolved or withdrawn
 * (`closedByUserId` and `closedByOrganisationId` null then). Published on `cms.clarifications.v1`,
 * keyed by CRN.
 */
export class ClarificationClosedV1 extends ClarificationEventV1 {
  static readonly type = 'uk.gas.cms.clarification.closed.v1';
  static readonly topic = Topics.clarifications;

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
}
