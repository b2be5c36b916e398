import type { Organisation } from '../domain/organisation';
import type { UserAccount } from '../domain/user-account';
import type { AccessTokenSigning } from './token-signing.port';

/** What a successful sign-in or refresh returns (OAuth 2.0 token response shape, RFC 6749 §5.1). */
export interface TokenPair {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken: string;
}

export async function tokenPair(
  signer: AccessTokenSigning,
  user: UserAccount,
  organisation: Organisation,
  sessionId: string,
  refreshToken: string,
  now: Date,
): Promise<TokenPair> {
  const access = await signer.sign(
    {
      userId: user.userId,
      organisationId: organisation.id,
      organisationType: organisation.type,
      roles: user.roles,
      sessionId,
      passwordChangeRequired: user.mustChangePassword,
    },
    now,
  );
  return { accessToken: access.token, tokenType: 'Bearer', expiresIn: access.expiresIn, refreshToken };
}
