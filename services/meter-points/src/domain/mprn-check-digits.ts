/**
 * Community-documented MPRN check digits (not confirmed by the CDSP): the last two digits are
 * `(sum of body digit i × (n − i)) mod 11`, zero-padded, where the body is the first n digits and
 * i counts from 0. A remainder of 10 gives the two digits "10".
 *
 * Product decision: use this only as a typo hint ("did you mistype?"); the authoritative test is
 * that the MPRN exists in the meter point register.
 */
export function checkDigitsFor(body: string): string {
  if (!/^[0-9]+$/.test(body)) throw new Error(`MPRN body must be digits only, got "${body}"`);
  const n = body.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (body.charCodeAt(i) - 48) * (n - i);
  return String(sum % 11).padStart(2, '0');
}

/**
 * True when `mprn` is numeric, at most 10 digits, has a body of at least one digit, and its last two
 * digits equal `checkDigitsFor(body)`.
 */
export function hasConsistentCheckDigits(mprn: string): boolean {
  if (!/^[0-9]{3,10}$/.test(mprn)) return false;
  return checkDigitsFor(mprn.slice(0, -2)) === mprn.slice(-2);
}
