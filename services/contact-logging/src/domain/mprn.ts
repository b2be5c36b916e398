import { isJsonObject } from './submitted-value';

/**
 * MPRN, the Meter Point Reference Number (docs/domain.md "Meter points"): numeric, up to 10 digits.
 *
 * PD: the MPRN is kept exactly as the digits given (trimmed of surrounding spaces, leading zeros
 * kept). Whether `0123` and `123` are the same meter point is for the register to answer: the
 * meter-points service owns the canonical form, and we pass it the digits we were given.
 */
const MPRN_DIGITS = /^[0-9]{1,10}$/;

/**
 * The MPRN as a digit string, or null when it is not 1 to 10 digits. Accepts a JSON number
 * (a whole, non-negative number) because Xoserve files carry the MPRN as numeric 10.
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
  return MPRN_DIGITS.test(digits) ? digits : null;
}

export function isMprnFormat(value: unknown): boolean {
  return normaliseMprn(value) !== null;
}

/**
 * The submission's MPRN, normalised, or null when absent or malformed. The caller reads it first
 * to look the meter point up, then hands the meter point (or null) to `evaluateSubmission`.
 */
export function readMprn(submission: unknown): string | null {
  return isJsonObject(submission) ? normaliseMprn(submission['mprn']) : null;
}

/**
 * The community-documented check digits (docs/domain.md; not confirmed by the CDSP): the last two
 * digits are `(sum of body digit i × (n − i)) mod 11`, zero-padded, where the body is the first n
 * digits and i counts from 0. A remainder of 10 gives "10". Example: 3938424403 → body 39384244,
 * sum 179, 179 mod 11 = 3 → "03".
 *
 * The weight of a digit is its distance from the end of the body, so leading zeros add nothing:
 * a short MPRN is checked as if zero-padded to 10 digits.
 *
 * PD: only a typo hint ("did you mistype?"), never a reason to reject; the register decides.
 */
export function mprnCheckDigitsLookValid(mprn: unknown): boolean {
  const digits = normaliseMprn(mprn);
  if (digits === null) return false;
  const padded = digits.padStart(10, '0');
  const body = padded.slice(0, -2);
  const n = body.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Number(body[i]) * (n - i);
  return String(sum % 11).padStart(2, '0') === padded.slice(-2);
}
