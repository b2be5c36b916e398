import { Crn, Id, OneOf, OrganisationIds } from './event-fields';
import { CLARIFICATION_KINDS, type ClarificationKind } from './clarification-kind';

/**
 * What every clarification event carries: the thread, its contact, its kind, and who may see it.
 * Each event of `cms.clarifications.v1` is this and its own fields; all are v1 together.
 */
export abstract class ClarificationEventV1 {
  @Id()
  clarificationId!: string;

  @Crn()
  crn!: string;

  @OneOf(CLARIFICATION_KINDS)
  kind!: ClarificationKind;

  @OrganisationIds()
  organisationIds!: string[];
}
