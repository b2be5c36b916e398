import { readAccessToken } from './access-token';

const base64url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
const jwt = (claims: object) => `eyJhbGciOiJFUzI1NiJ9.${base64url(JSON.stringify(claims))}.c2lnbmF0dXJl`;

describe('readAccessToken', () => {
  it('reads the user and whether a password change is required', () => {
    expect(readAccessToken(jwt({ sub: 'bwe.user', org: 'x', pwd_change: true }))).toEqual({
      userId: 'bwe.user',
      passwordChangeRequired: true,
    });
    expect(readAccessToken(jwt({ sub: 'tgs.user' }))).toEqual({ userId: 'tgs.user', passwordChangeRequired: false });
  });

  it('reads payloads whose base64url needs padding and carries non-ASCII text', () => {
    expect(readAccessToken(jwt({ sub: 'ú', name: 'Siân' })).userId).toBe('ú');
  });

  it('refuses what is not a JWT naming a user', () => {
    expect(() => readAccessToken('opaque')).toThrow('not a JWT');
    expect(() => readAccessToken(jwt({ org: 'x' }))).toThrow('names no user');
  });
});
