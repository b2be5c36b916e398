import { AREA_REGEX, parse, validOutcode } from 'postcode';

/**
 * UK postcodes (docs/domain.md "Postal addresses"): outward code + space + inward code, in one of
 * six shapes A9 9AA, A99 9AA, AA9 9AA, AA99 9AA, A9A 9AA, AA9A 9AA, plus GIR 0AA. A valid shape
 * does not prove the postcode exists; only the register or an address look-up can say that.
 *
 * The shapes are the `postcode` package's (https://github.com/ideal-postcodes/postcode); GIR 0AA,
 * Girobank's non-geographic postcode, is outside them and is added here.
 */
const GIROBANK = 'GIR 0AA';
const GIROBANK_COMPACT = /^GIR0AA$/i;

/** Spaces are not part of the code: "ec1a 1bb", "EC1A1BB" and "ec1a   1bb" are the same postcode. */
function withoutWhitespace(raw: string): string {
  return raw.replace(/\s+/g, '');
}

/**
 * The postcode upper-cased with one space before the three-character inward code ("sw1a1aa" →
 * "SW1A 1AA"), or null when it has none of the UK shapes. Whitespace anywhere is dropped first.
 * Letters are ASCII only: a look-alike such as "ſ" (long s) is no postcode letter.
 */
export function normalisePostcode(raw: string): string | null {
  const compact = withoutWhitespace(raw);
  if (GIROBANK_COMPACT.test(compact)) return GIROBANK;
  return parse(compact).postcode;
}

/** The outward code of a postcode ("SW1A" of "SW1A 1AA"), or null when it is no UK postcode. */
export function postcodeOutwardCode(raw: string): string | null {
  const postcode = normalisePostcode(raw);
  return postcode === null ? null : postcode.slice(0, postcode.indexOf(' '));
}

/**
 * The postcode area, the letters that lead the outward code: "M" of "M20 4QT" or of the outward
 * code "M20", "EH" of "EH1 1YZ". Null for anything that is neither a postcode nor an outward code,
 * and for GIR 0AA, which is non-geographic: its outward code has none of the six shapes.
 */
export function postcodeArea(postcodeOrOutwardCode: string): string | null {
  const compact = withoutWhitespace(postcodeOrOutwardCode);
  const outward = (validOutcode(compact) ? compact : postcodeOutwardCode(compact)) ?? '';
  const area = validOutcode(outward) ? AREA_REGEX.exec(outward) : null;
  return area === null ? null : area[0].toUpperCase();
}

/**
 * A postcode as a request may spell it, for an API's document and its first check: one of the UK
 * shapes (or GIR 0AA) in either case, with spaces (only spaces) anywhere. Every text it matches,
 * normalisePostcode reads (a test proves it), so a request of the documented shape is never refused
 * as no postcode; normalisePostcode alone also takes other whitespace, which requests do not send.
 */
export const POSTCODE_INPUT_PATTERN =
  /^ *(?:[Gg] *[Ii] *[Rr] *0 *[Aa] *[Aa]|[A-Za-z] *(?:[A-Za-z] *)?[0-9] *(?:[A-Za-z0-9] *)?[0-9] *[A-Za-z] *[A-Za-z]) *$/;

/** A postcode of a request (POSTCODE_INPUT_PATTERN), normalised; null when it is not of that shape. */
export function normalisePostcodeInput(raw: string): string | null {
  return POSTCODE_INPUT_PATTERN.test(raw) ? normalisePostcode(raw) : null;
}
