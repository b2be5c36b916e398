import type { JWK } from 'jose';
import type { OrganisationType } from '@cms/gas-market';

export interface AccessTokenSubject {
  userId: string;
  organisationId: string;
  organisationType: OrganisationType;
  roles: string[];
  /** The refresh-token family: lets this service refuse tokens of a session that was signed out. */
  sessionId: string;
  /** The user must change their password before doing anything else. */
  passwordChangeRequired?: boolean;
}

/** A partner system's API client, signing in with the client-credentials grant. */
export interface ClientTokenSubject {
  clientId: string;
  organisationId: string;
  organisationType: OrganisationType;
  /** The scopes granted to this token. */
  scopes: string[];
}

export interface SignedAccessToken {
  token: string;
  expiresIn: number;
}

/** Port: signs CMS access tokens, for users and for API clients. */
export interface AccessTokenSigning {
  sign(subject: AccessTokenSubject, now?: Date): Promise<SignedAccessToken>;
  signForClient(subject: ClientTokenSubject, now?: Date): Promise<SignedAccessToken>;
}

export const ACCESS_TOKEN_SIGNING = Symbol('ACCESS_TOKEN_SIGNING');

export interface Rotation {
  kid: string;
  /** The key that signs until the new one activates, then stays published for the retention window. */
  retiringKid: string;
  activatesAt: Date;
}

/** A public key as published in the JWKS. */
export type PublishedKey = JWK & { kid: string; alg: string; use: 'sig' };

export class RotationPendingError extends Error {
  constructor(readonly pendingKid: string) {
    super(`key ${pendingKid} is already waiting to sign`);
  }
}

/** Port: the token-signing keys. */
export interface SigningKeys {
  /**
   * Makes a new key, published at once and signing after `activationDelaySeconds`. Refused
   * (RotationPendingError) while another rotation is still waiting. `record` runs in the same
   * transaction (the audit record).
   */
  rotate(activationDelaySeconds: number, record?: (rotation: Rotation) => Promise<void>): Promise<Rotation>;
  /** The public keys of the active key, of a key waiting to sign, and of keys retired within the retention window; newest first. */
  publishedKeys(): Promise<PublishedKey[]>;
}

export const SIGNING_KEYS = Symbol('SIGNING_KEYS');
