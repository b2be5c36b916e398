import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { AccessTokenVerifier, InvalidAccessTokenError } from './access-token-verifier';

describe('AccessTokenVerifier', () => {
  let privateKey: KeyLike;
  let verifier: AccessTokenVerifier;

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256', { extractable: true });
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256' };
    verifier = new AccessTokenVerifier({ jwksUrl: 'http://unused.invalid/jwks', issuer: 'urn:test' }, createLocalJWKSet({ keys: [jwk] }));
  });

  afterEach(() => jest.useRealTimers());

  const sign = (claims: Record<string, unknown>, expiresAt: number, options: { alg?: string; issuer?: string; audience?: string } = {}) =>
    new SignJWT({ org: 'org-1', org_type: 'SHIPPER', roles: ['CONTACT_USER'], ...claims })
      .setProtectedHeader({ alg: options.alg ?? 'ES256', kid: 'k1' })
      .setSubject('bwe.user')
      .setIssuer(options.issuer ?? 'urn:test')
      .setAudience(options.audience ?? 'cms-api')
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt / 1000))
      .sign(privateKey);

  it('takes the caller from the verified token', async () => {
    const token = await sign({}, Date.now() + 60_000);
    await expect(verifier.verify(token)).resolves.toEqual({ userId: 'bwe.user', organisationId: 'org-1', organisationType: 'SHIPPER', roles: ['CONTACT_USER'] });
  });

  it('carries the sign-in session of a person\'s token, so that an ended session can be refused', async () => {
    const token = await sign({ sid: '5b0c7f0e-7c43-4f57-9a43-3f3c2f1d9e11' }, Date.now() + 60_000);
    await expect(verifier.verify(token)).resolves.toMatchObject({ userId: 'bwe.user', sessionId: '5b0c7f0e-7c43-4f57-9a43-3f3c2f1d9e11' });
  });

  it('refuses a token for another audience or issuer, or with an unknown organisation type', async () => {
    const expiry = Date.now() + 60_000;
    await expect(verifier.verify(await sign({}, expiry, { audience: 'other' }))).rejects.toThrow(InvalidAccessTokenError);
    await expect(verifier.verify(await sign({}, expiry, { issuer: 'urn:other' }))).rejects.toThrow(InvalidAccessTokenError);
    await expect(verifier.verify(await sign({ org_type: 'ADMIN' }, expiry))).rejects.toThrow(InvalidAccessTokenError);
  });

  it('stops accepting a token it verified before once the token expires', async () => {
    const now = Date.now();
    const token = await sign({}, now + 2_000);
    await verifier.verify(token);

    jest.useFakeTimers({ now: now + 5_000, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });

    await expect(verifier.verify(token)).rejects.toThrow('access token expired');
  });

  it('refuses a token whose signature was altered, even after the original was verified', async () => {
    const token = await sign({}, Date.now() + 60_000);
    await verifier.verify(token);
    const [header, payload, signature] = token.split('.');
    const altered = `${header}.${payload}.${signature.slice(0, -4)}${signature.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;

    await expect(verifier.verify(altered)).rejects.toThrow(InvalidAccessTokenError);
  });
});
