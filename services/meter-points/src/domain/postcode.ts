/**
 * UK postcode shape: outward code + space + inward code. Six shapes (A9 9AA, A99 9AA, AA9 9AA,
 * AA99 9AA, A9A 9AA, AA9A 9AA) plus GIR 0AA. A valid shape does not prove the postcode exists.
 */
const POSTCODE_SHAPE = /^(?:[A-Z]{1,2}[0-9][0-9A-Z]? [0-9][A-Z]{2}|GIR 0AA)$/;

/** Upper-cases, removes all whitespace and puts one space before the 3-character inward code. */
export function normalisePostcode(raw: string): string {
  const compact = raw.replace(/\s+/g, '').toUpperCase();
  if (compact.length < 5) return compact;
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

/** True when `postcode` (already normalised) has one of the UK postcode shapes. */
export function isValidPostcodeShape(postcode: string): boolean {
  return POSTCODE_SHAPE.test(postcode);
}

/** The postcode area: the leading letters of the outward code ("M" for "M1 1AE", "EH" for "EH1 1YZ"). */
export function postcodeArea(postcode: string): string {
  const m = /^[A-Z]{1,2}/.exec(postcode.toUpperCase());
  return m ? m[0] : '';
}
