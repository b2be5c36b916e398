import { checkDigitsFor, hasConsistentCheckDigits } from './mprn-check-digits';

describe('MPRN community check digits', () => {
  it('accepts the documented example 3938424403', () => {
    // body 39384244: 3×8 + 9×7 + 3×6 + 8×5 + 4×4 + 2×3 + 4×2 + 4×1 = 179; 179 mod 11 = 3
    expect(checkDigitsFor('39384244')).toBe('03');
    expect(hasConsistentCheckDigits('3938424403')).toBe(true);
  });

  it('rejects a single-digit typo and a transposition of the example', () => {
    expect(hasConsistentCheckDigits('3938424503')).toBe(false);
    expect(hasConsistentCheckDigits('3398424403')).toBe(false);
  });

  it('zero-pads and gives "10" for a remainder of ten', () => {
    expect(checkDigitsFor('1')).toBe('01');
    expect(checkDigitsFor('0')).toBe('00');
    expect(checkDigitsFor('5')).toBe('05');
    // 2×2 + 6×1 = 10
    expect(checkDigitsFor('26')).toBe('10');
    expect(hasConsistentCheckDigits('2610')).toBe(true);
  });

  it('works for every body length up to 8 (MPRNs of 3 to 10 digits)', () => {
    for (const body of ['7', '12', '123', '1234', '12345', '123456', '1234567', '12345678']) {
      const mprn = body + checkDigitsFor(body);
      expect(hasConsistentCheckDigits(mprn)).toBe(true);
    }
  });

  it('is false for malformed input rather than throwing', () => {
    expect(hasConsistentCheckDigits('')).toBe(false);
    expect(hasConsistentCheckDigits('12')).toBe(false);
    expect(hasConsistentCheckDigits('39384244O3')).toBe(false);
    expect(hasConsistentCheckDigits('12345678901')).toBe(false);
    expect(() => checkDigitsFor('12a')).toThrow();
  });
});
