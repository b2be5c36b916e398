import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';
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
} from '@cms/auth';

export const TEST_ISSUER = 'urn:cms:test-issuer';

/**
 * A stand-in token issuer for testing one service on its own: it serves a real JWKS over HTTP and
 * signs real ES256 access tokens, so the service's verification runs exactly as in production.
 */
export class TestTokenIssuer {
  private constructor(
    private readonly server: Server,
    private readonly privateKey: KeyLike,
    readonly jwksUrl: string,
    readonly issuer: string,
  ) {}

  static async start(issuer = TEST_ISSUER): Promise<TestTokenIssuer> {
    const { publicKey, privateKey } = await generateKeyPair(ACCESS_TOKEN_ALGORITHM, { extractable: true });
    const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: ACCESS_TOKEN_ALGORITHM, use: 'sig' };
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new TestTokenIssuer(server, privateKey, `http://127.0.0.1:${port}/.well-known/jwks.json`, issuer);
  }

  /** Environment for a service under test that should trust this issuer. */
  env(): Record<string, string> {
    return { AUTH_JWKS_URL: this.jwksUrl, AUTH_ISSUER: this.issuer };
  }

  async tokenFor(caller: Caller, options: { expiresIn?: string; audience?: string } = {}): Promise<string> {
    return new SignJWT({
      [CLAIM_ORGANISATION_ID]: caller.organisationId,
      [CLAIM_ORGANISATION_TYPE]: caller.organisationType,
      [CLAIM_ROLES]: caller.roles,
      // A partner system's token: its scopes and client id.
      ...(caller.scopes ? { [CLAIM_SCOPE]: caller.scopes.join(' '), [CLAIM_CLIENT_ID]: caller.userId.replace(/^client:/, '') } : {}),
      ...(caller.sessionId ? { [CLAIM_SESSION_ID]: caller.sessionId } : {}),
      ...(caller.passwordChangeRequired ? { [CLAIM_PASSWORD_CHANGE_REQUIRED]: true } : {}),
    })
      .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, kid: 'test-key' })
      .setSubject(caller.userId)
      .setIssuer(this.issuer)
      .setAudience(options.audience ?? ACCESS_TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '5m')
      .sign(this.privateKey);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
