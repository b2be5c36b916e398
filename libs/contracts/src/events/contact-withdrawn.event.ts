import { Topics } from '../topics';
import { Crn, Instant, Mprn, OrganisationId, OrganisationIds, REASON_MAX_LENGTH, Text, UserId } from './event-fields';

/**
 * The originator's organisation withdrew an open contact, with a reason (docs/domain.md "Outcome").
 * Its open clarifications close and its site visits are cancelled; the register does not change.
 * Published on `cms.contacts.v1`, keyed by CRN.
 */
export class ContactWithdrawnV1 {
  static readonly type = 'uk.gas.cms.contact.withdrawn.v1';
  static readonly topic = Topics.contacts;

  @Crn()
  crn!: string;

  @Mprn()
  mprn!: string;

  @Text(REASON_MAX_LENGTH)
  reason!: string;

  @UserId()
  withdrawnByUserId!: string;

  @OrganisationId()
  withdrawnByOrganisationId!: string;

  @Instant()
  withdrawnAt!: string;

  @OrganisationIds()
  organisationIds!: string[];
}
