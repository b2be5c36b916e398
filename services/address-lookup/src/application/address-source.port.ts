import type { DeliveryPoint } from '../domain';

/** Where the addresses come from, as the answers name it (a contact keeps it as provenance). */
export type AddressSourceName = 'PAF_TABLE' | 'IDEAL_POSTCODES';

/**
 * Port: a source of PAF addresses, chosen by configuration (app.module.ts): the service's own
 * table, loaded from a PAF file (the default), or a licensed PAF API.
 */
export interface AddressSource {
  readonly name: AddressSourceName;

  /** Every delivery point at a postcode (normalised), in any order; none when the postcode is unknown. */
  atPostcode(postcode: string): Promise<DeliveryPoint[]>;

  /** The delivery point with this UDPRN (1 to 8 digits), or null when there is none. */
  byUdprn(udprn: string): Promise<DeliveryPoint | null>;
}

export const ADDRESS_SOURCE = Symbol('ADDRESS_SOURCE');

/** The source could not answer (down, timed out, refused our key): the client falls back to typing the address. */
export class AddressSourceUnavailableError extends Error {
  constructor(reason: string) {
    super(`the address source is unavailable: ${reason}`);
    this.name = 'AddressSourceUnavailableError';
  }
}
