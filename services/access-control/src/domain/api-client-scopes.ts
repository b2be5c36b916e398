import type { OrganisationType } from '@cms/gas-market';

/**
 * The scopes an API client (a partner system using the OAuth 2 client-credentials grant) may be
 * granted: a fixed reference list, one `resource:action` per thing a partner system does in CMS.
 */
export const API_CLIENT_SCOPES = [
  'contacts:read',
  'contacts:write',
  'clarifications:read',
  'clarifications:write',
  'site-visits:read',
  'site-visits:write',
  'meter-points:read',
  'addresses:read',
  'notifications:read',
  /**
   * Not a gateway scope: the transporter's referral feed on Kafka (README "The referral feed"). A
   * client holding it also gets a SCRAM credential on the broker's partner listener (its id and
   * secret) and the ACLs to read its organisation's partner topic; revoking the client removes both.
   */
  'referral-feed:read',
] as const;

export type ApiClientScope = (typeof API_CLIENT_SCOPES)[number];

/**
 * Which organisation types may hold each scope, following who does what (docs/domain.md "Who uses
 * it"): shippers log contacts, transporters (DN, IGT) work site visits, the CDSP works every
 * contact; anyone involved may read what concerns them. A client never gets more than its
 * organisation's users could do.
 */
const ORGANISATION_TYPES_BY_SCOPE: Record<ApiClientScope, readonly OrganisationType[]> = {
  'contacts:read': ['SHIPPER', 'DN', 'IGT', 'CDSP'],
  'contacts:write': ['SHIPPER', 'CDSP'],
  // Every side of a thread writes: the CDSP asks DCs, a transporter OCs, the originator answers.
  'clarifications:read': ['SHIPPER', 'DN', 'IGT', 'CDSP'],
  'clarifications:write': ['SHIPPER', 'DN', 'IGT', 'CDSP'],
  'site-visits:read': ['SHIPPER', 'DN', 'IGT', 'CDSP'],
  'site-visits:write': ['DN', 'IGT'],
  'meter-points:read': ['SHIPPER', 'DN', 'IGT', 'CDSP', 'DMSP', 'MRA', 'UIP'],
  // Postal address look-ups, for those who log contacts (an alternative address is chosen by UDPRN).
  'addresses:read': ['SHIPPER', 'CDSP'],
  'notifications:read': ['SHIPPER', 'DN', 'IGT', 'CDSP', 'DMSP', 'MRA', 'UIP'],
  // Only transporters are referred site visits (docs/domain.md "Investigation").
  'referral-feed:read': ['DN', 'IGT'],
};

/** Whether a client with these scopes reads its organisation's referral feed on the broker. */
export function readsReferralFeed(scopes: readonly string[]): boolean {
  return scopes.includes('referral-feed:read');
}

export function isApiClientScope(value: unknown): value is ApiClientScope {
  return typeof value === 'string' && (API_CLIENT_SCOPES as readonly string[]).includes(value);
}

export type ScopeRefusal =
  | { code: 'UNKNOWN_SCOPE'; scopes: string[] }
  | { code: 'SCOPE_NOT_ALLOWED'; scopes: string[]; organisationType: OrganisationType };

/** Why these scopes may not be granted to a client of this organisation type, or undefined when they may. */
export function refuseScopes(organisationType: OrganisationType, scopes: readonly string[]): ScopeRefusal | undefined {
  const unknown = scopes.filter((scope) => !isApiClientScope(scope));
  if (unknown.length > 0) return { code: 'UNKNOWN_SCOPE', scopes: unknown };
  const notAllowed = scopes.filter((scope) => !ORGANISATION_TYPES_BY_SCOPE[scope as ApiClientScope].includes(organisationType));
  if (notAllowed.length > 0) return { code: 'SCOPE_NOT_ALLOWED', scopes: notAllowed, organisationType };
  return undefined;
}

/** The scopes a client may still be granted: those its organisation type may hold. */
export function scopesAllowedFor(organisationType: OrganisationType): ApiClientScope[] {
  return API_CLIENT_SCOPES.filter((scope) => ORGANISATION_TYPES_BY_SCOPE[scope].includes(organisationType));
}

/** RFC 6749 §3.3: `scope-token = 1*( %x21 / %x23-5B / %x5D-7E )`, tokens separated by single spaces. */
const SCOPE_PARAMETER = /^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/;

export type ScopeRequestOutcome =
  | { granted: string[] }
  | { refused: 'MALFORMED' | 'NOT_GRANTED'; scopes: string[] };

/**
 * The scopes of a token requested with this `scope` parameter by a client holding `clientScopes`
 * (RFC 6749 §3.3, §4.4.2). Omitted: every scope of the client. Otherwise a subset of the client's
 * scopes, in the client's order; a scope it does not hold (known or not) refuses the request.
 */
export function scopesForTokenRequest(scopeParameter: string | undefined, clientScopes: readonly string[]): ScopeRequestOutcome {
  if (scopeParameter === undefined) return { granted: [...clientScopes] };
  if (!SCOPE_PARAMETER.test(scopeParameter)) return { refused: 'MALFORMED', scopes: [] };
  const requested = new Set(scopeParameter.split(' '));
  const notHeld = [...requested].filter((scope) => !clientScopes.includes(scope));
  if (notHeld.length > 0) return { refused: 'NOT_GRANTED', scopes: notHeld };
  return { granted: clientScopes.filter((scope) => requested.has(scope)) };
}
