import { createRemoteJWKSet, jwtVerify, errors as joseErrors, type JWTVerifyGetKey } from 'jose';
import { isOrganisationType } from '@cms/gas-market';
import {
  ACCESS_TOKEN_ALGORITHM,
  ACCESS_TOKEN_AUDIENCE,
  CLAIM_ORGANISATION_ID,
  CLAIM_ORGANISATION_TYPE,
  CLAIM_CLIENT_ID,
  CLAIM_ROLES,
  CLAIM_SCOPE,
  CLAIM_SESSION_ID,
  CLAIM_PASSWORD_CHANGE_REQUIRED,
  type Caller,
} from './caller';

export class InvalidAccessTokenError extends Error {}

/**
 * Verifies CMS access tokens against the issuer's JWKS: signature, algorithm allow-list, issuer,
 * audience and expiry. Keys are fetched once and cached; an unknown `kid` triggers a refetch, so a
 * signing-key rotation needs no restart.
 */
export class AccessTokenVerifier {
  private readonly keys: JWTVerifyGetKey;
  /**
   * Tokens already verified, until they expire. The key is the whole token, signature included,
   * so a hit means these exact bytes passed every check before; a client sends the same token
   * many times in its few minutes of life, and an ECDSA verification costs far more than a lookup.
   */
  private readonly verified = new Map<string, { caller: Caller; expiresAt: number }>();
  private static readonly MAX_CACHED = 10_000;

  constructor(
    private readonly options: { jwksUrl: string; issuer: string; audience?: string },
    keys?: JWTVerifyGetKey,
  ) {
    this.keys = keys ?? createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 30_000, timeoutDuration: 5_000 });
  }

  async verify(token: string): Promise<Caller> {
    const cached = this.verified.get(token);
    if (cached) {
      if (cached.expiresAt > Date.now()) return cached.caller;
      this.verified.delete(token);
    }
    const { caller, expiresAt } = await this.verifyAfresh(token);
    if (this.verified.size >= AccessTokenVerifier.MAX_CACHED) {
      // Drop the oldest entry (Map keeps insertion order).
      this.verified.delete(this.verified.keys().next().value!);
    }
    this.verified.set(token, { caller, expiresAt });
    return caller;
  }

  private async verifyAfresh(token: string): Promise<{ caller: Caller; expiresAt: number }> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.options.issuer,
        audience: this.options.audience ?? ACCESS_TOKEN_AUDIENCE,
        algorithms: [ACCESS_TOKEN_ALGORITHM],
        requiredClaims: ['sub', 'exp', CLAIM_ORGANISATION_ID, CLAIM_ORGANISATION_TYPE],
      }));
    } catch (error) {
      if (error instanceof joseErrors.JOSEError || error instanceof TypeError) {
        throw new InvalidAccessTokenError(error instanceof joseErrors.JWTExpired ? 'access token expired' : 'access token invalid');
      }
      throw error;
    }
    const organisationType = payload[CLAIM_ORGANISATION_TYPE];
    const roles = payload[CLAIM_ROLES] ?? [];
    if (
      typeof payload[CLAIM_ORGANISATION_ID] !== 'string' ||
      !isOrganisationType(organisationType) ||
      !Array.isArray(roles) ||
      !roles.every((role) => typeof role === 'string')
    ) {
      throw new InvalidAccessTokenError('access token invalid');
    }
    const scope = payload[CLAIM_SCOPE];
    if (payload[CLAIM_CLIENT_ID] !== undefined && typeof scope !== 'string') {
      throw new InvalidAccessTokenError('access token invalid');
    }
    return {
      caller: {
        userId: payload.sub!,
        organisationId: payload[CLAIM_ORGANISATION_ID] as string,
        organisationType,
        roles: roles as string[],
        ...(payload[CLAIM_CLIENT_ID] !== undefined ? { scopes: (scope as string).split(' ').filter(Boolean) } : {}),
        ...(typeof payload[CLAIM_SESSION_ID] === 'string' ? { sessionId: payload[CLAIM_SESSION_ID] } : {}),
        ...(payload[CLAIM_PASSWORD_CHANGE_REQUIRED] === true ? { passwordChangeRequired: true } : {}),
      },
      expiresAt: payload.exp! * 1000,
    };
  }
}

/** Reads `Authorization: Bearer <token>`; undefined when absent or of another scheme. */
export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9\-_.~+/]+=*)$/.exec(authorization ?? '');
  return match?.[1];
}
