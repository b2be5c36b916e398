import { Topics } from '../topics';
import { Crn, Instant, Mprn, OrganisationId, OrganisationIds, StatusCode } from './event-fields';

/**
 * The register applied a resolved contact's requested status to a meter point (docs/domain.md
 * "Outcome"). A later contact on the MPRN is judged against `status`. Published on
 * `cms.meter-points.v1`, keyed by MPRN; `crn` names the contact that caused it.
 */
export class MeterPointStatusChangedV1 {
  static readonly type = 'uk.gas.cms.meter-point.status-changed.v1';
  static readonly topic = Topics.meterPoints;

  @Mprn()
  mprn!: string;

  @StatusCode()
  previousStatus!: string;

  @StatusCode()
  status!: string;

  @Crn()
  crn!: string;

  @OrganisationId()
  transporterOrganisationId!: string;

  @Instant()
  changedAt!: string;

  /** The organisations of the contact that caused it. */
  @OrganisationIds()
  organisationIds!: string[];
}
