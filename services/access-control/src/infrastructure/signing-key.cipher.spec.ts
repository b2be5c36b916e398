import { randomBytes } from 'node:crypto';
import { isSealed, SigningKeyCipher } from './signing-key.cipher';

describe('SigningKeyCipher', () => {
  const jwk = { kty: 'EC', crv: 'P-256', x: 'x-coordinate', y: 'y-coordinate', d: 'the-private-scalar', kid: 'k1' };
  const cipher = new SigningKeyCipher(randomBytes(32));

  it('seals a private key so that nothing of it shows, and opens it again', () => {
    const sealed = cipher.seal('k1', jwk);

    expect(isSealed(sealed)).toBe(true);
    expect(JSON.stringify(sealed)).not.toContain('the-private-scalar');
    expect(cipher.open('k1', sealed)).toEqual(jwk);
  });

  it('does not open with another encryption key, for another kid, or once the stored bytes changed', () => {
    const sealed = cipher.seal('k1', jwk);
    const flipped = Buffer.from(sealed.ciphertext, 'base64url');
    flipped[0] ^= 1;

    expect(() => new SigningKeyCipher(randomBytes(32)).open('k1', sealed)).toThrow();
    expect(() => cipher.open('k2', sealed)).toThrow();
    expect(() => cipher.open('k1', { ...sealed, ciphertext: flipped.toString('base64url') })).toThrow();
  });

  it('tells a sealed key from a plain one (a row stored before keys were sealed)', () => {
    expect(isSealed(jwk)).toBe(false);
    expect(isSealed(null)).toBe(false);
  });

  it('refuses an encryption key of the wrong length', () => {
    expect(() => new SigningKeyCipher(randomBytes(16))).toThrow('32 bytes');
  });
});
