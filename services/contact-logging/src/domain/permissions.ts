import { resolveLoggingRulesConfig, type LoggingRulesConfig } from './logging-rules-config';
import type { OrganisationType } from '@cms/gas-market';

/** The role a person needs to log DTL and ISO contacts (docs/api.md: `POST /contacts` is for SHIPPER users). */
export const CONTACT_USER_ROLE = 'CONTACT_USER';

export interface Submitter {
  readonly organisationType: OrganisationType;
  readonly roles: readonly string[];
  /** A partner system's token: held to its scopes (`contacts:write`), it carries no roles. */
  readonly isPartnerSystem: boolean;
}

/**
 * Whether a person of an organisation that may log contacts lacks the role to do so themselves,
 * a Local Security Officer say. A person of any other organisation type is not asked: the logging
 * rule ORG_NOT_PERMITTED answers them, with every other reason (docs/domain.md).
 */
export function lacksRoleToLogContacts(submitter: Submitter, rules?: Partial<LoggingRulesConfig>): boolean {
  if (submitter.isPartnerSystem) return false;
  const { permittedOrganisationTypes } = resolveLoggingRulesConfig(rules);
  const organisationMayLog = Object.values(permittedOrganisationTypes).some((types) => types.includes(submitter.organisationType));
  return organisationMayLog && !submitter.roles.includes(CONTACT_USER_ROLE);
}
