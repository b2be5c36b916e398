import type { PafAddress } from '@cms/gas-market';

/** A delivery point as the address look-up gives it, and which PAF source it came from. */
export interface DeliveryPoint {
  address: PafAddress & { udprn: string };
  /** address-lookup's `source`: PAF_TABLE or IDEAL_POSTCODES. */
  source: string;
}

/**
 * Port: the postal address look-up (the address-lookup service), asked synchronously at logging
 * time for the delivery point an alternative address's UDPRN names, on behalf of the caller.
 */
export interface AddressLookup {
  /** The delivery point, or null when none has this UDPRN; a ProblemException when it cannot be asked. */
  byUdprn(udprn: string): Promise<DeliveryPoint | null>;
}

export const ADDRESS_LOOKUP = Symbol('ADDRESS_LOOKUP');
