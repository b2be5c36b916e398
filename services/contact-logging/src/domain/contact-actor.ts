import type { OrganisationType } from '@cms/gas-market';

/** The role a CDSP person needs to investigate and resolve contacts (access-control's CDSP_AGENT). */
export const CDSP_AGENT_ROLE = 'CDSP_AGENT';

/**
 * Who gives a lifecycle command, as the verified token says: a person (with roles) or a partner
 * system (held to its scopes, no roles).
 */
export interface ContactActor {
  readonly userId: string;
  readonly organisationId: string;
  readonly organisationType: OrganisationType;
  readonly roles: readonly string[];
  readonly isPartnerSystem: boolean;
}
