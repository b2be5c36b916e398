import { api, apiWaitingOutRateLimits, expectProblem, signIn } from './support/api';

/** Access through the gateway: who am I, the directory, and the routes that need no token. */
describe('Access through the gateway', () => {
  it('a signed-in user sees who they are and the organisation directory', async () => {
    const token = await signIn('tgs.user');

    const me = await api('GET', '/api/v1/me', { token });
    const directory = await api('GET', '/api/v1/organisations', { token });

    expect(me.status).toBe(200);
    expect(me.body).toEqual(expect.objectContaining({ userId: 'tgs.user', organisation: expect.objectContaining({ shortCode: 'TGS', type: 'SHIPPER' }) }));
    expect(directory.body.items.map((organisation: { shortCode: string }) => organisation.shortCode)).toEqual(
      expect.arrayContaining(['CAD', 'NGN', 'SGN', 'WWU', 'BWE', 'TGS', 'CDS']),
    );
  });

  it('a wrong password is refused with problem details that do not say which part was wrong', async () => {
    const wrongPassword = await apiWaitingOutRateLimits('POST', '/api/v1/auth/login', { json: { userId: 'tgs.lso', password: 'not-the-password' } });
    const unknownUser = await apiWaitingOutRateLimits('POST', '/api/v1/auth/login', { json: { userId: 'nobody.here', password: 'not-the-password' } });

    expectProblem(wrongPassword, 401, 'INVALID_CREDENTIALS');
    expect(unknownUser.body.detail).toBe(wrongPassword.body.detail);
  });

  it('anyone may ask for a forgotten-password email without a token, and the answer never says whether the user exists', async () => {
    const known = await apiWaitingOutRateLimits('POST', '/api/v1/users/oak.user/password-reset');
    const unknown = await apiWaitingOutRateLimits('POST', '/api/v1/users/nobody.here/password-reset');

    expect([known.status, unknown.status]).toEqual([202, 202]);
  });

  it('the routes behind sign-in refuse a request without a token', async () => {
    expectProblem(await api('GET', '/api/v1/users'), 401, 'UNAUTHENTICATED');
    expectProblem(await api('POST', '/api/v1/auth/password', { json: { currentPassword: 'a', newPassword: 'b' } }), 401, 'UNAUTHENTICATED');
  });
});
