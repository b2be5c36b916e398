import { ProblemException } from '@cms/service-defaults';

/**
 * One answer for every failed sign-in: wrong password, unknown user, suspended or locked account.
 * Telling them apart would let anyone probe which user ids exist and which are locked (OWASP
 * Authentication Cheat Sheet, "Authentication and Error Messages"); the reason is logged instead.
 * The message still mentions the lock so that a genuine user knows to wait or ask their LSO.
 */
export function invalidCredentials(): ProblemException {
  return new ProblemException(
    401,
    'INVALID_CREDENTIALS',
    'Sign-in failed',
    'The user ID or password is not correct, or the account cannot sign in at the moment. ' +
      'After repeated failures sign-in is paused for a while; your Local Security Officer can help.',
  );
}

export function invalidRefreshToken(): ProblemException {
  return new ProblemException(
    401,
    'INVALID_REFRESH_TOKEN',
    'Session ended',
    'The refresh token is not valid, has expired or was revoked. Sign in again.',
  );
}

/** A verified access token whose session was signed out, or whose user can no longer sign in. */
export function sessionEnded(): ProblemException {
  return new ProblemException(401, 'UNAUTHENTICATED', 'Authentication required', 'The session has ended. Sign in again.');
}
