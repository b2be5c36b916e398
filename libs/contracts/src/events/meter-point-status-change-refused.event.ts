import { ValidateIf } from 'class-validator';
import { Topics } from '../topics';
import { Crn, Instant, Mprn, OneOf, OrganisationIds, REASON_MAX_LENGTH, StatusCode, Text } from './event-fields';

/**
 * Why the register did not apply a VALID contact's requested status: the meter point's status
 * changed since the contact was logged, or the meter point is no longer in the register.
 */
export const STATUS_CHANGE_REFUSAL_CODES = ['STATUS_CHANGED_SINCE_LOGGING', 'METER_POINT_NOT_FOUND'] as const;
export type StatusChangeRefusalCode = (typeof STATUS_CHANGE_REFUSAL_CODES)[number];

/**
 * The register refused a resolved contact's status change and says why, so the agent sees it on the
 * contact's history (docs/domain.md "Outcome"). Published on `cms.meter-points.v1`, keyed by MPRN.
 */
export class MeterPointStatusChangeRefusedV1 {
  static readonly type = 'uk.gas.cms.meter-point.status-change-refused.v1';
  static readonly topic = Topics.meterPoints;

  @Mprn()
  mprn!: string;

  @Crn()
  crn!: string;

  @OneOf(STATUS_CHANGE_REFUSAL_CODES)
  code!: StatusChangeRefusalCode;

  @Text(REASON_MAX_LENGTH)
  reason!: string;

  @StatusCode()
  requestedStatus!: string;

  /** The status the contact was logged against. */
  @StatusCode()
  expectedStatus!: string;

  /** The register's status now; null when the meter point is not found. */
  @ValidateIf((_, value) => value !== null)
  @StatusCode()
  actualStatus!: string | null;

  @Instant()
  refusedAt!: string;

  @OrganisationIds()
  organisationIds!: string[];
}
