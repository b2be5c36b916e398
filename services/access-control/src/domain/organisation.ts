import type { OrganisationType } from '@cms/gas-market';

/** A market organisation: a shipper, a transporter (DN or IGT), or the CDSP itself. */
export interface Organisation {
  id: string;
  /** Three capital letters, unique across all organisations (e.g. `BWE`). */
  shortCode: string;
  name: string;
  type: OrganisationType;
}

/** Short codes are three capital letters (the market's organisation short code). */
export function isShortCode(value: string): boolean {
  return /^[A-Z]{3}$/.test(value);
}
