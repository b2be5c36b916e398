import { normalisePostcode, POSTCODE_INPUT_PATTERN, postcodeArea, postcodeOutwardCode } from './postcode';

describe('normalisePostcode', () => {
  it.each([
    ['A9 9AA', 'M1 1AE'],
    ['A99 9AA', 'M60 1NW'],
    ['A99 9AA', 'B33 8TH'],
    ['AA9 9AA', 'CR2 6XH'],
    ['AA99 9AA', 'DN55 1PT'],
    ['A9A 9AA', 'W1A 0AX'],
    ['A9A 9AA', 'W1A 1HQ'],
    ['AA9A 9AA', 'EC1A 1BB'],
    ['GIR 0AA', 'GIR 0AA'],
  ])('accepts the shape %s, e.g. %s, as it is', (_shape, postcode) => {
    expect(normalisePostcode(postcode)).toBe(postcode);
  });

  it('upper-cases and puts one space before the inward code', () => {
    expect(normalisePostcode(' ec1a1bb ')).toBe('EC1A 1BB');
    expect(normalisePostcode('ec1a   1bb')).toBe('EC1A 1BB');
    expect(normalisePostcode(' m11ae ')).toBe('M1 1AE');
    expect(normalisePostcode('M11AE')).toBe('M1 1AE');
    expect(normalisePostcode('M1  1AE')).toBe('M1 1AE');
    expect(normalisePostcode('m1 1ae')).toBe('M1 1AE');
    expect(normalisePostcode('gir0aa')).toBe('GIR 0AA');
  });

  it('drops whitespace anywhere, tabs and no-break spaces included', () => {
    expect(normalisePostcode('E C1A\t1BB')).toBe('EC1A 1BB');
    expect(normalisePostcode('SW1A\u00a01AA')).toBe('SW1A 1AA');
  });

  it.each(['', ' ', 'EC1A', 'EC1A 1B', '1EC 1BB', 'EC1A 1BBB', 'ECCA 1BB', 'EC1A BBB', 'GIR 0AB', 'M1 1A', '1M 1AE', 'ABC1 1AE'])(
    'refuses %p, which has none of the UK shapes',
    (raw) => {
      expect(normalisePostcode(raw)).toBeNull();
    },
  );

  it('refuses letters that only upper-case to ASCII, such as the long s', () => {
    expect(normalisePostcode('\u017fw1a 1aa')).toBeNull();
    expect(normalisePostcode('Ｍ1 1AE')).toBeNull();
  });
});

describe('postcodeOutwardCode', () => {
  it('gives the outward code of a postcode, normalised', () => {
    expect(postcodeOutwardCode('sw1a1aa')).toBe('SW1A');
    expect(postcodeOutwardCode('M20 4QT')).toBe('M20');
    expect(postcodeOutwardCode('GIR 0AA')).toBe('GIR');
  });

  it('gives nothing for what is no postcode', () => {
    expect(postcodeOutwardCode('M20')).toBeNull();
    expect(postcodeOutwardCode('ABC1 1AE')).toBeNull();
  });
});

describe('postcodeArea', () => {
  it('gives the leading letters of a postcode', () => {
    expect(postcodeArea('EH1 1YZ')).toBe('EH');
    expect(postcodeArea('M20 4QT')).toBe('M');
    expect(postcodeArea('w1a0ax')).toBe('W');
  });

  it('gives the leading letters of an outward code on its own', () => {
    expect(postcodeArea('M20')).toBe('M');
    expect(postcodeArea('NR1')).toBe('NR');
    expect(postcodeArea('ec1a')).toBe('EC');
  });

  it('gives nothing for GIR 0AA, which is non-geographic, or for what is neither', () => {
    expect(postcodeArea('GIR 0AA')).toBeNull();
    expect(postcodeArea('')).toBeNull();
    expect(postcodeArea('123')).toBeNull();
    expect(postcodeArea('ABC1 1AE')).toBeNull();
  });
});

describe('POSTCODE_INPUT_PATTERN', () => {
  // Every shape, GIR 0AA and near misses, in both cases, with spaces in every place.
  const letters = ['A', 'z', 'Q'];
  const digits = ['0', '9'];
  const shapes = ['A9 9AA', 'A99 9AA', 'AA9 9AA', 'AA99 9AA', 'A9A 9AA', 'AA9A 9AA', 'GIR 0AA', 'A9', 'AAA9 9AA', '9A 9AA', 'A9 9A', 'A9 99A', 'A999 9AA', 'AA9A9 9AA'];
  const spell = (shape: string, variant: number) =>
    [...shape].map((character, index) => (character === 'A' ? letters[(index + variant) % letters.length] : character === '9' ? digits[(index + variant) % digits.length] : character)).join('');
  const spaced = (text: string) => [text, text.replace(/ /g, ''), ` ${text} `, [...text.replace(/ /g, '')].join(' '), text.replace(' ', '   ')];
  const samples = shapes.flatMap((shape) => [0, 1, 2].flatMap((variant) => spaced(spell(shape, variant))));

  it('matches exactly the texts normalisePostcode reads, when only spaces separate their characters', () => {
    expect(samples.filter((sample) => POSTCODE_INPUT_PATTERN.test(sample) !== (normalisePostcode(sample) !== null))).toEqual([]);
    expect(samples.filter((sample) => POSTCODE_INPUT_PATTERN.test(sample)).length).toBeGreaterThan(50);
  });

  it('refuses other whitespace, which normalisePostcode alone would drop', () => {
    expect(POSTCODE_INPUT_PATTERN.test('EC1A\t1BB')).toBe(false);
    expect(POSTCODE_INPUT_PATTERN.test('SW1A\u00a01AA')).toBe(false);
  });
});
