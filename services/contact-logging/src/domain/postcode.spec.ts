import { isUkPostcodeShape, normalisePostcode } from './postcode';

describe('normalisePostcode', () => {
  it.each([
    ['A9 9AA', 'M1 1AE'],
    ['A99 9AA', 'M60 1NW'],
    ['AA9 9AA', 'CR2 6XH'],
    ['AA99 9AA', 'DN55 1PT'],
    ['A9A 9AA', 'W1A 0AX'],
    ['AA9A 9AA', 'EC1A 1BB'],
    ['GIR 0AA', 'GIR 0AA'],
  ])('accepts the shape %s, e.g. %s', (_shape, postcode) => {
    expect(normalisePostcode(postcode)).toBe(postcode);
  });

  it('upper-cases and puts one space before the inward code', () => {
    expect(normalisePostcode(' ec1a1bb ')).toBe('EC1A 1BB');
    expect(normalisePostcode('ec1a   1bb')).toBe('EC1A 1BB');
  });

  it.each(['', 'EC1A', 'EC1A 1B', '1EC 1BB', 'EC1A 1BBB', 'ECCA 1BB', 'EC1A BBB', 'GIR 0AB'])(
    'refuses %p',
    (postcode) => {
      expect(normalisePostcode(postcode)).toBeNull();
      expect(isUkPostcodeShape(postcode)).toBe(false);
    },
  );
});
