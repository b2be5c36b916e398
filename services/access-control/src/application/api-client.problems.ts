import { ProblemException } from '@cms/service-defaults';
import type { ScopeRefusal } from '../domain/api-client-scopes';
import type { OAuthErrorCode } from '../domain/client-credentials-request';

/** A client of another organisation is answered exactly like one that does not exist. */
export function apiClientNotFound(): ProblemException {
  return ProblemException.notFound('No such API client in your organisation.');
}

export function scopesRefused(refusal: ScopeRefusal): ProblemException {
  const message =
    refusal.code === 'UNKNOWN_SCOPE'
      ? (scope: string) => `${scope} is not a known scope.`
      : (scope: string) => `${scope} may not be granted to a client of a ${refusal.organisationType} organisation.`;
  return new ProblemException(
    422,
    refusal.code,
    refusal.code === 'UNKNOWN_SCOPE' ? 'Unknown scope' : 'Scope not allowed',
    refusal.scopes.map(message).join(' '),
    refusal.scopes.map((scope) => ({ code: refusal.code, field: 'scopes', message: message(scope) })),
  );
}

export function apiClientLimitReached(limit: number): ProblemException {
  return ProblemException.conflict(
    'API_CLIENT_LIMIT_REACHED',
    `An organisation may hold at most ${limit} API clients; revoke one no longer used first.`,
  );
}

export function rotationPending(kid: string): ProblemException {
  return ProblemException.conflict('ROTATION_PENDING', `Key ${kid} is already waiting to sign; rotate again once it is active.`);
}

/**
 * An OAuth 2 token-endpoint error (RFC 6749 §5.2), also a problem (RFC 9457) with the error in
 * capitals as its `code`: 401 for client authentication, 400 for the rest.
 */
export class OAuthProblem extends ProblemException {
  constructor(
    readonly error: OAuthErrorCode,
    description: string,
  ) {
    super(error === 'invalid_client' ? 401 : 400, error.toUpperCase(), OAUTH_TITLES[error], description);
  }
}

const OAUTH_TITLES: Record<OAuthErrorCode, string> = {
  invalid_request: 'Invalid token request',
  invalid_client: 'Client authentication failed',
  invalid_grant: 'Invalid grant',
  invalid_scope: 'Invalid scope',
  unsupported_grant_type: 'Unsupported grant type',
};
