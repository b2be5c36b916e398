import { CRN_MAX_SEQUENCE_NUMBER, formatCrn, isCrn } from './crn';

describe('formatCrn', () => {
  it('writes a CRN as C and nine digits', () => {
    expect(formatCrn(1234)).toBe('C000001234');
    expect(formatCrn(1)).toBe('C000000001');
    expect(formatCrn(CRN_MAX_SEQUENCE_NUMBER)).toBe('C999999999');
  });

  it.each([CRN_MAX_SEQUENCE_NUMBER + 1, -1, 1.5, NaN])('refuses the sequence number %p, which no CRN can hold', (n) => {
    expect(() => formatCrn(n)).toThrow(RangeError);
  });

  it('writes only CRNs that isCrn accepts', () => {
    for (const n of [0, 7, 1234, 50_000_001, CRN_MAX_SEQUENCE_NUMBER]) expect(isCrn(formatCrn(n))).toBe(true);
  });
});

describe('isCrn', () => {
  it.each(['C000001234', 'C999999999'])('accepts %p', (text) => {
    expect(isCrn(text)).toBe(true);
  });

  it.each(['', 'C00000123', 'C0000012345', 'c000001234', 'D000001234', ' C000001234', 'C00000123A', '000001234'])(
    'refuses %p',
    (text) => {
      expect(isCrn(text)).toBe(false);
    },
  );
});
