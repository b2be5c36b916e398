/**
 * MPRN, the Meter Point Reference Number (docs/domain.md "Meter points"): numeric, up to 10 digits
 * (Xoserve files carry it as numeric 10). It identifies a supply point and survives meter exchanges.
 *
 * PD: an MPRN is kept exactly as the digits given (leading zeros kept). Whether `0123` and `123` are
 * the same meter point is for the register to answer, so nothing here pads or strips digits.
 */
export const MPRN_MAX_DIGITS = 10;

/** 1 to 10 digits and nothing else: the MPRN_FORMAT rule. `\d` is ASCII 0-9 in a regex without the u flag. */
export const MPRN_PATTERN = /^\d{1,10}$/;

/** True when `text` is an MPRN as it stands: 1 to 10 digits, no spaces or signs. */
export function isMprn(text: string): boolean {
  return MPRN_PATTERN.test(text);
}

/**
 * The MPRN as a digit string, or null when it is not 1 to 10 digits. A string is trimmed of
 * surrounding spaces; a JSON number (whole, not negative) is written as its digits, because
 * Xoserve files carry the MPRN as numeric 10.
 */
export function normaliseMprn(value: unknown): string | null {
  let digits: string;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) return null;
    digits = String(value);
  } else if (typeof value === 'string') {
    digits = value.trim();
  } else {
    return null;
  }
  return isMprn(digits) ? digits : null;
}

/**
 * The community-documented check digits (docs/domain.md "Meter points"; not confirmed by the
 * CDSP): `(sum of body digit i × (n − i)) mod 11`, zero-padded to two digits, where the body is
 * the first n digits of the MPRN and i counts from 0. A remainder of 10 gives "10".
 * Example: body 39384244 → 3×8 + 9×7 + 3×6 + 8×5 + 4×4 + 2×3 + 4×2 + 4×1 = 179, 179 mod 11 = 3 → "03".
 *
 * PD: a typo hint only ("did you mistype?"), never a reason to refuse; the register decides.
 */
export function checkDigitsFor(body: string): string {
  if (!/^\d+$/.test(body)) throw new Error(`MPRN body must be digits only, got "${body}"`);
  const n = body.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (body.charCodeAt(i) - 48) * (n - i);
  return String(sum % 11).padStart(2, '0');
}

/**
 * True when the last two digits of `mprn` are `checkDigitsFor` the digits before them.
 *
 * As docs/domain.md reads, an MPRN is a body followed by its two check digits, so it needs at
 * least one body digit: an MPRN of one or two digits has no body and is never consistent. (The
 * digit weights count from the end of the body, so leading zeros add nothing: "0039384210" and
 * "39384210" agree.) False, never an exception, for anything that is not an MPRN.
 */
export function hasConsistentCheckDigits(mprn: string): boolean {
  if (!isMprn(mprn) || mprn.length < 3) return false;
  return checkDigitsFor(mprn.slice(0, -2)) === mprn.slice(-2);
}
