import { basicCredentials, readTokenRequest } from './client-credentials-request';

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

describe('reading a client-credentials token request', () => {
  it('takes the client from HTTP Basic', () => {
    expect(readTokenRequest({ grant_type: 'client_credentials', scope: 'contacts:read' }, basic('c1', 's3cret'))).toEqual({
      request: { clientId: 'c1', clientSecret: 's3cret', authMethod: 'client_secret_basic', scope: 'contacts:read' },
    });
  });

  it('takes the client from the body', () => {
    expect(readTokenRequest({ grant_type: 'client_credentials', client_id: 'c1', client_secret: 's3cret' }, undefined)).toEqual({
      request: { clientId: 'c1', clientSecret: 's3cret', authMethod: 'client_secret_post' },
    });
  });

  it('ignores unknown parameters, as RFC 6749 §3.2 requires', () => {
    expect(readTokenRequest({ grant_type: 'client_credentials', audience: 'x' }, basic('c1', 's'))).toHaveProperty('request');
  });

  it('refuses a missing grant type, a repeated parameter and an over-long one as invalid_request', () => {
    expect(readTokenRequest({}, basic('c1', 's'))).toMatchObject({ error: 'invalid_request' });
    expect(readTokenRequest({ grant_type: ['client_credentials', 'client_credentials'] }, basic('c1', 's'))).toMatchObject({
      error: 'invalid_request',
    });
    expect(readTokenRequest({ grant_type: 'client_credentials', scope: 'a'.repeat(513) }, basic('c1', 's'))).toMatchObject({
      error: 'invalid_request',
    });
  });

  it('refuses any other grant type as unsupported_grant_type', () => {
    for (const grant of ['password', 'authorization_code', 'refresh_token']) {
      expect(readTokenRequest({ grant_type: grant }, basic('c1', 's'))).toMatchObject({ error: 'unsupported_grant_type' });
    }
  });

  it('refuses two ways of authenticating at once', () => {
    expect(readTokenRequest({ grant_type: 'client_credentials', client_id: 'c1' }, basic('c1', 's'))).toMatchObject({
      error: 'invalid_request',
    });
  });

  it('answers invalid_client when the client does not authenticate, or the Basic header is malformed', () => {
    expect(readTokenRequest({ grant_type: 'client_credentials' }, undefined)).toMatchObject({ error: 'invalid_client' });
    expect(readTokenRequest({ grant_type: 'client_credentials', client_id: 'c1' }, undefined)).toMatchObject({ error: 'invalid_client' });
    expect(readTokenRequest({ grant_type: 'client_credentials' }, 'Basic !!!')).toMatchObject({ error: 'invalid_client' });
  });
});

describe('HTTP Basic client credentials', () => {
  it('form-decodes the id and secret (RFC 6749 §2.3.1)', () => {
    expect(basicCredentials(basic('my%20client', 'a%3Ab+c'))).toEqual({ clientId: 'my client', clientSecret: 'a:b c' });
  });

  it('ignores other schemes and refuses a header without a colon or secret', () => {
    expect(basicCredentials('Bearer abc')).toBeUndefined();
    expect(basicCredentials(undefined)).toBeUndefined();
    expect(basicCredentials(`Basic ${Buffer.from('no-colon').toString('base64')}`)).toBe('MALFORMED');
    expect(basicCredentials(`Basic ${Buffer.from('id:').toString('base64')}`)).toBe('MALFORMED');
    expect(basicCredentials('Basic')).toBe('MALFORMED');
  });
});
