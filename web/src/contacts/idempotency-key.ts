/**
 * A fresh Idempotency-Key (contact-logging: 1–255 printable ASCII characters, new for each new
 * contact): 128 random bits in hex, from getRandomValues, which every context has (randomUUID
 * needs a secure one).
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
