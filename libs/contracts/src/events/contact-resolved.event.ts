import { IsBoolean } from 'class-validator';
import { Topics } from '../topics';
import { Crn, Instant, MESSAGE_MAX_LENGTH, Mprn, OneOf, OptionalText, OrganisationId, OrganisationIds, REASON_MAX_LENGTH, StatusCode, Text, UserId, UserIdOrNull } from './event-fields';

/**
 * A CDSP agent resolved a contact VALID or INVALID with a reason, or a timer closed it INVALID on
 * its own (`automatic`: a DC to the originator unanswered past its limit, docs/domain.md "Time
 * limits"). On VALID the register applies `requestedStatus` to the meter point if it still has
 * `meterPointStatusAtLogging` (docs/domain.md "Outcome"), answering on `cms.meter-points.v1`.
 * Its open clarifications close and its site visits are cancelled. Published on `cms.contacts.v1`,
 * keyed by CRN.
 */
export class ContactResolvedV1 {
  static readonly type = 'uk.gas.cms.contact.resolved.v1';
  static readonly topic = Topics.contacts;

  @Crn()
  crn!: string;

  @OneOf(['DTL', 'ISO'])
  contactType!: 'DTL' | 'ISO';

  @Mprn()
  mprn!: string;

  @OneOf(['VALID', 'INVALID'])
  outcome!: 'VALID' | 'INVALID';

  /** A resolution reason of the reference data, e.g. NO_RESPONSE_TO_DC. */
  @Text(40)
  reasonCode!: string;

  /** The reason as people read it. */
  @Text(REASON_MAX_LENGTH)
  reason!: string;

  @OptionalText(MESSAGE_MAX_LENGTH)
  note?: string;

  /** True when a timer closed it, not a person. */
  @IsBoolean()
  automatic!: boolean;

  /** The meter point status the originator asked for; the register's status on VALID. */
  @StatusCode()
  requestedStatus!: string;

  /** The register's status when the contact was logged: the change applies only if it still holds. */
  @StatusCode()
  meterPointStatusAtLogging!: string;

  @OrganisationId()
  originatorOrganisationId!: string;

  @UserId()
  loggedByUserId!: string;

  /** The agent who resolved it; null when `automatic`. */
  @UserIdOrNull()
  resolvedByUserId!: string | null;

  @Instant()
  resolvedAt!: string;

  @OrganisationIds()
  organisationIds!: string[];
}
