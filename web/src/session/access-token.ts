/** What the web app reads of its access token: for what to show only, never for a decision the API makes. */
export interface AccessTokenClaims {
  userId: string;
  /** Signed in with a temporary password: only changing it is allowed (the `pwd_change` claim). */
  passwordChangeRequired: boolean;
}

/** The claims of an access token (a JWT), read without verifying it: the API verifies every request. */
export function readAccessToken(token: string): AccessTokenClaims {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('not a JWT');
  const base64 = payload
    .replaceAll('-', '+')
    .replaceAll('_', '/')
    .padEnd(Math.ceil(payload.length / 4) * 4, '=');
  const json = new TextDecoder().decode(Uint8Array.from(atob(base64), (character) => character.charCodeAt(0)));
  const claims = JSON.parse(json) as { sub?: unknown; pwd_change?: unknown };
  if (typeof claims.sub !== 'string') throw new Error('the access token names no user');
  return { userId: claims.sub, passwordChangeRequired: claims.pwd_change === true };
}
