import { isMprnFormat, mprnCheckDigitsLookValid, normaliseMprn, readMprn } from './mprn';

describe('isMprnFormat', () => {
  it.each<unknown>(['1', '3938424403', '0000000001', ' 3938424403 ', 3938424403, 7])(
    'accepts %p as 1 to 10 digits',
    (value) => {
      expect(isMprnFormat(value)).toBe(true);
    },
  );

  it.each<unknown>(['', '12345678901', '39384244O3', '3938 424403', '-12', '12.5', 12.5, -1, 1e11, NaN, null, {}])(
    'refuses %p',
    (value) => {
      expect(isMprnFormat(value)).toBe(false);
    },
  );
});

describe('normaliseMprn', () => {
  it('keeps the digits as given, leading zeros included', () => {
    expect(normaliseMprn(' 0012345 ')).toBe('0012345');
  });

  it('writes a JSON number as its digits', () => {
    expect(normaliseMprn(3938424403)).toBe('3938424403');
  });
});

describe('readMprn', () => {
  it('reads the normalised MPRN from a submission so the caller can look it up', () => {
    expect(readMprn({ type: 'DTL', mprn: ' 3938424403 ' })).toBe('3938424403');
  });

  it('reads nothing from a submission whose MPRN is missing or malformed', () => {
    expect(readMprn({ type: 'DTL' })).toBeNull();
    expect(readMprn({ mprn: 'ABC' })).toBeNull();
    expect(readMprn('3938424403')).toBeNull();
  });
});

describe('mprnCheckDigitsLookValid', () => {
  it('finds the domain.md example 3938424403 consistent', () => {
    // body 39384244: 3×8 + 9×7 + 3×6 + 8×5 + 4×4 + 2×3 + 4×2 + 4×1 = 179; 179 mod 11 = 3 → "03"
    expect(mprnCheckDigitsLookValid('3938424403')).toBe(true);
  });

  it('finds a one-digit typo inconsistent', () => {
    expect(mprnCheckDigitsLookValid('3938424413')).toBe(false);
    expect(mprnCheckDigitsLookValid('3938424404')).toBe(false);
  });

  it('writes a remainder of ten as the two digits 10', () => {
    // body 10000000: 1×8 = 8 → "08"; body 10000002: 8 + 2×1 = 10 → "10"
    expect(mprnCheckDigitsLookValid('1000000008')).toBe(true);
    expect(mprnCheckDigitsLookValid('1000000210')).toBe(true);
  });

  it('checks a short MPRN as if zero-padded to ten digits', () => {
    // 39384244 padded to 0039384244: body 00393842 → 3×6 + 9×5 + 3×4 + 8×3 + 4×2 + 2×1 = 109 → "10"; not 44
    expect(mprnCheckDigitsLookValid('39384244')).toBe(false);
    // body 393842: 3×6 + 9×5 + 3×4 + 8×3 + 4×2 + 2×1 = 109, 109 mod 11 = 10
    expect(mprnCheckDigitsLookValid('39384210')).toBe(true);
  });

  it('finds a malformed MPRN not valid, without throwing', () => {
    expect(mprnCheckDigitsLookValid('ABC')).toBe(false);
  });
});
