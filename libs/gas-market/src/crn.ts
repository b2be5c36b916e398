/**
 * The Contact Reference Number (docs/domain.md "Logging rules": an accepted submission gets one).
 * PD: `C` and nine digits, e.g. C000001234, numbered from a sequence; the ContactLoggedV1 event
 * and every route that takes a CRN carry it in this form.
 */
export const CRN_PATTERN = /^C\d{9}$/;

/** The largest sequence number nine digits can hold. */
export const CRN_MAX_SEQUENCE_NUMBER = 999_999_999;

/** True when `text` is a CRN as it stands: `C` and nine digits. */
export function isCrn(text: string): boolean {
  return CRN_PATTERN.test(text);
}

/**
 * The CRN of a sequence number, e.g. 1234 → "C000001234". Throws on a number nine digits cannot
 * hold: a CRN that `CRN_PATTERN` refuses could never be looked up again.
 */
export function formatCrn(sequenceNumber: number): string {
  if (!Number.isSafeInteger(sequenceNumber) || sequenceNumber < 0 || sequenceNumber > CRN_MAX_SEQUENCE_NUMBER) {
    throw new RangeError(`A CRN holds a sequence number from 0 to ${CRN_MAX_SEQUENCE_NUMBER}, got ${sequenceNumber}.`);
  }
  return `C${String(sequenceNumber).padStart(9, '0')}`;
}
