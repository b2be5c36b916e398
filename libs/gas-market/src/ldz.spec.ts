import { findLdz, isLdzCode, LDZ_CODES, LDZS } from './ldz';

describe('the Local Distribution Zones', () => {
  it('are the 13 LDZs, each with the DN that owns it', () => {
    expect(LDZS).toHaveLength(13);
    const byDn = (dn: string) => LDZS.filter((l) => l.dn === dn).map((l) => l.code);
    expect(byDn('CADENT')).toEqual(['EA', 'EM', 'NT', 'NW', 'WM']);
    expect(byDn('NGN')).toEqual(['NE', 'NO']);
    expect(byDn('SGN')).toEqual(['SC', 'SE', 'SO']);
    expect(byDn('WWU')).toEqual(['SW', 'WN', 'WS']);
  });

  it('name their DN in full', () => {
    expect(findLdz('NW')?.dnName).toBe('Cadent Gas');
    expect(findLdz('NE')?.dnName).toBe('Northern Gas Networks');
    expect(findLdz('WS')?.dnName).toBe('Wales & West Utilities');
  });

  it('are found by code', () => {
    expect(findLdz('WN')?.name).toBe('Wales North');
    expect(findLdz('XX')).toBeUndefined();
  });

  it('tell a known code from an unknown one, case and all', () => {
    expect(LDZ_CODES.every(isLdzCode)).toBe(true);
    expect(isLdzCode('XX')).toBe(false);
    expect(isLdzCode('nw')).toBe(false);
  });
});
