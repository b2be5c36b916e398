import { ProblemException } from './problem.exception';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** 1 to 255 printable ASCII characters (space to tilde). */
const VALID_KEY = /^[\x20-\x7E]{1,255}$/;

/**
 * The request's `Idempotency-Key` (docs/api.md: "Writes accept an Idempotency-Key header: a retried
 * request returns the first result"): undefined when the header is absent, the key when it is 1–255
 * printable ASCII characters, else 400 INVALID_IDEMPOTENCY_KEY.
 */
export function readIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const key = Array.isArray(header) ? header.join(', ') : header;
  if (!VALID_KEY.test(key)) {
    throw new ProblemException(400, 'INVALID_IDEMPOTENCY_KEY', 'Invalid Idempotency-Key', 'Idempotency-Key must be 1 to 255 printable ASCII characters.', [
      { code: 'INVALID_IDEMPOTENCY_KEY', field: IDEMPOTENCY_KEY_HEADER, message: 'must be 1 to 255 printable ASCII characters' },
    ]);
  }
  return key;
}
