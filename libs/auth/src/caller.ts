import type { OrganisationType } from '@cms/gas-market';

/**
 * Who is calling, taken only from a verified access token: never from the path, query or body.
 */
export interface Caller {
  userId: string;
  organisationId: string;
  organisationType: OrganisationType;
  roles: string[];
  /**
   * Present only on a partner system's token (OAuth 2 client credentials): what it may do, such
   * as `contacts:write`. A person's token has roles instead and no scopes.
   */
  scopes?: string[];
  /**
   * The session a token belongs to (claim `sid`): a person's sign-in session, or for a partner
   * system its API client. Once it has ended (signed out, suspended, client revoked) its tokens are
   * refused at once.
   */
  sessionId?: string;
  /**
   * Signed in with a password someone else set (a new user's temporary one): until it is changed,
   * only the routes marked @AllowedWhilePasswordChangeRequired() answer.
   */
  passwordChangeRequired?: boolean;
}

/**
 * Who gives a command, as a service's domain rules see it: a person (held to the roles of the
 * token) or a partner system (held to its scopes, with no roles).
 */
export interface CommandActor {
  readonly userId: string;
  readonly organisationId: string;
  readonly organisationType: OrganisationType;
  readonly roles: readonly string[];
  readonly isPartnerSystem: boolean;
}

/** The caller as the actor of a command: a partner system is a caller whose token carries scopes. */
export function commandActor(caller: Caller): CommandActor {
  return {
    userId: caller.userId,
    organisationId: caller.organisationId,
    organisationType: caller.organisationType,
    roles: caller.roles,
    isPartnerSystem: caller.scopes !== undefined,
  };
}

/** Custom claims CMS puts in its access tokens, beside the registered `sub`, `iss`, `aud`, `exp`. */
export const CLAIM_ORGANISATION_ID = 'org';
export const CLAIM_ORGANISATION_TYPE = 'org_type';
export const CLAIM_ROLES = 'roles';
/** Space-separated scopes of a partner system's token (RFC 8693 §4.2 `scope`), with its `client_id`. */
export const CLAIM_SCOPE = 'scope';
export const CLAIM_CLIENT_ID = 'client_id';
/** The sign-in session (refresh-token family) a person's access token was issued for. */
export const CLAIM_SESSION_ID = 'sid';
/** Present (and `true`) only while the user must change a password someone else set. */
export const CLAIM_PASSWORD_CHANGE_REQUIRED = 'pwd_change';

export const ACCESS_TOKEN_AUDIENCE = 'cms-api';
export const ACCESS_TOKEN_ALGORITHM = 'ES256';
