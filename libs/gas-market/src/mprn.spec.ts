import { checkDigitsFor, hasConsistentCheckDigits, isMprn, MPRN_MAX_DIGITS, normaliseMprn } from './mprn';

describe('isMprn', () => {
  it.each(['1', '123456', '3938424403', '0000000001'])('accepts %p: 1 to 10 digits', (text) => {
    expect(isMprn(text)).toBe(true);
  });

  it.each(['', '39384244031', '39384A4403', ' 3938424403', '3938424403 ', '-12', '12.5', '３９３８'])(
    'refuses %p as it stands',
    (text) => {
      expect(isMprn(text)).toBe(false);
    },
  );

  it('allows at most MPRN_MAX_DIGITS digits', () => {
    expect(isMprn('9'.repeat(MPRN_MAX_DIGITS))).toBe(true);
    expect(isMprn('9'.repeat(MPRN_MAX_DIGITS + 1))).toBe(false);
  });
});

describe('normaliseMprn', () => {
  it.each<unknown>(['1', '3938424403', '0000000001', ' 3938424403 ', 3938424403, 7])(
    'reads %p as 1 to 10 digits',
    (value) => {
      expect(normaliseMprn(value)).not.toBeNull();
    },
  );

  it.each<unknown>(['', '12345678901', '39384244O3', '3938 424403', '-12', '12.5', 12.5, -1, 1e11, NaN, null, {}])(
    'refuses %p',
    (value) => {
      expect(normaliseMprn(value)).toBeNull();
    },
  );

  it('keeps the digits as given, leading zeros included', () => {
    expect(normaliseMprn(' 0012345 ')).toBe('0012345');
  });

  it('writes a JSON number as its digits', () => {
    expect(normaliseMprn(3938424403)).toBe('3938424403');
  });
});

describe('checkDigitsFor', () => {
  it('gives the check digits of the domain.md example body', () => {
    // body 39384244: 3×8 + 9×7 + 3×6 + 8×5 + 4×4 + 2×3 + 4×2 + 4×1 = 179; 179 mod 11 = 3
    expect(checkDigitsFor('39384244')).toBe('03');
  });

  it('zero-pads a remainder below ten and writes a remainder of ten as "10"', () => {
    expect(checkDigitsFor('1')).toBe('01');
    expect(checkDigitsFor('0')).toBe('00');
    expect(checkDigitsFor('5')).toBe('05');
    // 2×2 + 6×1 = 10
    expect(checkDigitsFor('26')).toBe('10');
  });

  it('throws on a body that is not digits, a caller mistake', () => {
    expect(() => checkDigitsFor('12a')).toThrow();
    expect(() => checkDigitsFor('')).toThrow();
  });
});

describe('hasConsistentCheckDigits', () => {
  it('finds the domain.md example 3938424403 consistent', () => {
    expect(hasConsistentCheckDigits('3938424403')).toBe(true);
  });

  it('finds a one-digit typo or a transposition inconsistent', () => {
    expect(hasConsistentCheckDigits('3938424413')).toBe(false);
    expect(hasConsistentCheckDigits('3938424404')).toBe(false);
    expect(hasConsistentCheckDigits('3938424503')).toBe(false);
    expect(hasConsistentCheckDigits('3398424403')).toBe(false);
  });

  it('accepts check digits "10" for a remainder of ten', () => {
    // body 10000000: 1×8 = 8 → "08"; body 10000002: 8 + 2×1 = 10 → "10"
    expect(hasConsistentCheckDigits('1000000008')).toBe(true);
    expect(hasConsistentCheckDigits('1000000210')).toBe(true);
    expect(hasConsistentCheckDigits('2610')).toBe(true);
  });

  it('works for every body length from 1 to 8 (MPRNs of 3 to 10 digits)', () => {
    for (const body of ['7', '12', '123', '1234', '12345', '123456', '1234567', '12345678']) {
      expect(hasConsistentCheckDigits(body + checkDigitsFor(body))).toBe(true);
    }
  });

  it('checks a short MPRN on its own digits, where leading zeros weigh nothing', () => {
    // body 393842: 3×6 + 9×5 + 3×4 + 8×3 + 4×2 + 2×1 = 109, 109 mod 11 = 10
    expect(hasConsistentCheckDigits('39384210')).toBe(true);
    expect(hasConsistentCheckDigits('0039384210')).toBe(true);
    // the example's first eight digits are no MPRN of their own: body 393842 wants "10", not "44"
    expect(hasConsistentCheckDigits('39384244')).toBe(false);
  });

  it('finds an MPRN of one or two digits inconsistent: it has no body before its check digits', () => {
    for (const mprn of ['0', '5', '00', '12']) expect(hasConsistentCheckDigits(mprn)).toBe(false);
  });

  it('is false for anything that is not an MPRN, without throwing', () => {
    for (const text of ['', 'ABC', '39384244O3', '12345678901', ' 3938424403']) {
      expect(hasConsistentCheckDigits(text)).toBe(false);
    }
  });
});
