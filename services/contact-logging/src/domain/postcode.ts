/**
 * UK postcode shape (docs/domain.md "Postal addresses"): outward code + space + inward code, in one
 * of six shapes A9 9AA, A99 9AA, AA9 9AA, AA99 9AA, A9A 9AA, AA9A 9AA, or GIR 0AA. A valid shape
 * does not prove the postcode exists; only the address look-up can say that.
 */
const POSTCODE_SHAPE = /^(?:[A-Z]{1,2}[0-9][0-9A-Z]? [0-9][A-Z]{2}|GIR 0AA)$/;

/**
 * The postcode upper-cased with one space before the 3-character inward code ("sw1a1aa" →
 * "SW1A 1AA"), or null when it has none of the UK shapes.
 */
export function normalisePostcode(raw: string): string | null {
  const compact = raw.replace(/\s+/g, '').toUpperCase();
  const spaced = `${compact.slice(0, -3)} ${compact.slice(-3)}`;
  return POSTCODE_SHAPE.test(spaced) ? spaced : null;
}

export function isUkPostcodeShape(raw: string): boolean {
  return normalisePostcode(raw) !== null;
}
