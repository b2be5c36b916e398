import { readsReferralFeed, refuseScopes, scopesAllowedFor, scopesForTokenRequest } from './api-client-scopes';

describe('scopes an organisation may grant its API clients', () => {
  it('accepts known scopes its organisation type may hold', () => {
    expect(refuseScopes('SHIPPER', ['contacts:read', 'contacts:write', 'meter-points:read'])).toBeUndefined();
    expect(refuseScopes('DN', ['site-visits:read', 'site-visits:write'])).toBeUndefined();
  });

  it('refuses scopes that are not on the reference list, naming each', () => {
    expect(refuseScopes('SHIPPER', ['contacts:read', 'contacts:delete', 'admin'])).toEqual({
      code: 'UNKNOWN_SCOPE',
      scopes: ['contacts:delete', 'admin'],
    });
  });

  it('refuses a scope for work the organisation type does not do', () => {
    expect(refuseScopes('SHIPPER', ['site-visits:write'])).toEqual({
      code: 'SCOPE_NOT_ALLOWED',
      scopes: ['site-visits:write'],
      organisationType: 'SHIPPER',
    });
    expect(refuseScopes('IGT', ['contacts:write'])).toMatchObject({ code: 'SCOPE_NOT_ALLOWED', scopes: ['contacts:write'] });
  });

  it('gives the referral feed to transporters only, and only with its scope', () => {
    expect(refuseScopes('DN', ['referral-feed:read'])).toBeUndefined();
    expect(refuseScopes('IGT', ['site-visits:read', 'referral-feed:read'])).toBeUndefined();
    for (const type of ['SHIPPER', 'CDSP'] as const) {
      expect(refuseScopes(type, ['referral-feed:read'])).toEqual({ code: 'SCOPE_NOT_ALLOWED', scopes: ['referral-feed:read'], organisationType: type });
    }
    expect(readsReferralFeed(['site-visits:read', 'referral-feed:read'])).toBe(true);
    expect(readsReferralFeed(['site-visits:read', 'site-visits:write'])).toBe(false);
  });

  it('lists what each organisation type may hold', () => {
    expect(scopesAllowedFor('SHIPPER')).not.toContain('site-visits:write');
    expect(scopesAllowedFor('DN')).toContain('site-visits:write');
    expect(scopesAllowedFor('CDSP')).toContain('contacts:write');
  });

  it('gives address look-ups to those who log contacts only (the PAF licence: no look-ups without a need)', () => {
    expect(scopesAllowedFor('SHIPPER')).toContain('addresses:read');
    expect(scopesAllowedFor('CDSP')).toContain('addresses:read');
    expect(scopesAllowedFor('DN')).not.toContain('addresses:read');
    expect(refuseScopes('IGT', ['addresses:read'])).toEqual({ code: 'SCOPE_NOT_ALLOWED', scopes: ['addresses:read'], organisationType: 'IGT' });
  });
});

describe('the scope of a client-credentials token', () => {
  const held = ['contacts:read', 'contacts:write', 'meter-points:read'];

  it('is every scope of the client when none is asked for', () => {
    expect(scopesForTokenRequest(undefined, held)).toEqual({ granted: held });
  });

  it('is the subset asked for, in the client’s order, duplicates once', () => {
    expect(scopesForTokenRequest('meter-points:read contacts:read meter-points:read', held)).toEqual({
      granted: ['contacts:read', 'meter-points:read'],
    });
  });

  it('is refused for a scope the client does not hold, known or not', () => {
    expect(scopesForTokenRequest('contacts:read site-visits:read', held)).toEqual({ refused: 'NOT_GRANTED', scopes: ['site-visits:read'] });
    expect(scopesForTokenRequest('everything', held)).toEqual({ refused: 'NOT_GRANTED', scopes: ['everything'] });
  });

  it('is refused when the parameter breaks RFC 6749 §3.3 syntax', () => {
    for (const malformed of ['', ' contacts:read', 'contacts:read  meter-points:read', 'contacts:read\tx', 'a"b', 'a\\b']) {
      expect(scopesForTokenRequest(malformed, held)).toEqual({ refused: 'MALFORMED', scopes: [] });
    }
  });
});
