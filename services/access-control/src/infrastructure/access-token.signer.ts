import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SignJWT } from 'jose';
import {
  ACCESS_TOKEN_ALGORITHM,
  ACCESS_TOKEN_AUDIENCE,
  CLAIM_ORGANISATION_ID,
  CLAIM_ORGANISATION_TYPE,
  CLAIM_ROLES,
  CLAIM_PASSWORD_CHANGE_REQUIRED,
  CLAIM_SESSION_ID,
} from '@cms/auth';
import { SERVICE_CONFIG } from '@cms/service-defaults';
import type { AccessControlConfig } from '../access-control.config';
import {
  SIGNING_KEYS,
  type AccessTokenSigning,
  type AccessTokenSubject,
  type ClientTokenSubject,
  type SignedAccessToken,
} from '../application/token-signing.port';
import { clientSubject } from '../domain/api-client';
import type { SigningKeyStore } from './signing-key.store';

/** Claims of a client's token (RFC 8693 §4.2 `scope`, RFC 9068 §2.2 `client_id`). */
export const CLAIM_SCOPE = 'scope';
export const CLAIM_CLIENT_ID = 'client_id';

/**
 * Signs CMS access tokens: ES256 JWTs with the active key's `kid`, verified by every service with
 * `AccessTokenVerifier` (@cms/auth) against this service's JWKS.
 */
@Injectable()
export class AccessTokenSigner implements AccessTokenSigning {
  private readonly issuer: string;
  private readonly ttlSeconds: number;

  constructor(
    @Inject(SIGNING_KEYS) private readonly keys: SigningKeyStore,
    @Inject(SERVICE_CONFIG) config: Pick<AccessControlConfig, 'AUTH_ISSUER' | 'ACCESS_TOKEN_TTL_SECONDS'>,
  ) {
    this.issuer = config.AUTH_ISSUER;
    this.ttlSeconds = config.ACCESS_TOKEN_TTL_SECONDS;
  }

  async sign(subject: AccessTokenSubject, now = new Date()): Promise<SignedAccessToken> {
    return this.signClaims(
      subject.userId,
      {
        [CLAIM_ORGANISATION_ID]: subject.organisationId,
        [CLAIM_ORGANISATION_TYPE]: subject.organisationType,
        [CLAIM_ROLES]: subject.roles,
        [CLAIM_SESSION_ID]: subject.sessionId,
        ...(subject.passwordChangeRequired ? { [CLAIM_PASSWORD_CHANGE_REQUIRED]: true } : {}),
      },
      now,
    );
  }

  /**
   * A client's token: the same kind of token as a user's (issuer, audience, key, `org`, `org_type`),
   * with `sub` = `client:<clientId>`, no roles, the granted scopes, and `sid` = the client id: when
   * the client is revoked, the gateway refuses its tokens at once (SessionsEnded).
   */
  async signForClient(subject: ClientTokenSubject, now = new Date()): Promise<SignedAccessToken> {
    return this.signClaims(
      clientSubject(subject.clientId),
      {
        [CLAIM_ORGANISATION_ID]: subject.organisationId,
        [CLAIM_ORGANISATION_TYPE]: subject.organisationType,
        [CLAIM_ROLES]: [],
        [CLAIM_SCOPE]: subject.scopes.join(' '),
        [CLAIM_CLIENT_ID]: subject.clientId,
        [CLAIM_SESSION_ID]: subject.clientId,
      },
      now,
    );
  }

  private async signClaims(sub: string, claims: Record<string, unknown>, now: Date): Promise<SignedAccessToken> {
    const { kid, privateKey } = await this.keys.signingKey();
    const issuedAt = Math.floor(now.getTime() / 1000);
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, kid, typ: 'JWT' })
      .setSubject(sub)
      .setIssuer(this.issuer)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + this.ttlSeconds)
      .setJti(randomUUID())
      .sign(privateKey);
    return { token, expiresIn: this.ttlSeconds };
  }
}
