import { Client } from '@ideal-postcodes/core-node';
import type { PafAddress } from '@cms/gas-market';
import type { Clock } from '@cms/service-defaults';
import { AddressSourceUnavailableError, type AddressSource } from '../application/address-source.port';
import type { DeliveryPoint } from '../domain';
import { AnswerCache } from './answer-cache';

/**
 * An address as the Ideal Postcodes API gives it (https://ideal-postcodes.co.uk/documentation,
 * "Address"): PAF's fields under its names (`dependant_`), empty strings for absent ones, the
 * UDPRN a number. Only the fields read here are listed.
 */
export interface IdealPostcodesAddress {
  postcode: string;
  post_town: string;
  dependant_locality?: string;
  double_dependant_locality?: string;
  thoroughfare?: string;
  dependant_thoroughfare?: string;
  building_number?: string;
  building_name?: string;
  sub_building_name?: string;
  po_box?: string;
  department_name?: string;
  organisation_name?: string;
  udprn: number;
  uprn?: string;
}

export interface IdealPostcodesOptions {
  apiKey: string;
  /** e.g. https://api.ideal-postcodes.co.uk, or a stand-in's http://127.0.0.1:port */
  url: string;
  timeoutMs: number;
  cacheEntries: number;
  cacheTtlMs: number;
}

/**
 * A licensed PAF API as the address source: Ideal Postcodes, through its client library
 * (@ideal-postcodes/core-node). Each call has a deadline and is made once (no retries, which
 * would multiply the wait); any failure, a timeout, a refused key or an exhausted balance
 * included, is AddressSourceUnavailableError, and the client falls back to typing the address.
 * Answers, an unknown postcode's empty list included, are cached for a while: a user choosing an
 * address asks for the same postcode, then one UDPRN of it, within minutes.
 */
export class IdealPostcodesSource implements AddressSource {
  readonly name = 'IDEAL_POSTCODES';
  private readonly client: Client;
  private readonly cache: AnswerCache<DeliveryPoint[]>;

  constructor(options: IdealPostcodesOptions, clock: Clock) {
    const url = new URL(options.url);
    this.client = new Client(
      { api_key: options.apiKey, baseUrl: url.host, tls: url.protocol === 'https:', timeout: options.timeoutMs },
      { retry: 0 },
    );
    this.cache = new AnswerCache(options.cacheEntries, options.cacheTtlMs, () => clock.now().getTime());
  }

  async atPostcode(postcode: string): Promise<DeliveryPoint[]> {
    return this.cached(`postcode:${postcode}`, async () => {
      const found = (await this.client.lookupPostcode({ postcode })) as IdealPostcodesAddress[];
      return found.map(toDeliveryPoint);
    });
  }

  async byUdprn(udprn: string): Promise<DeliveryPoint | null> {
    const [found] = await this.cached(`udprn:${udprn}`, async () => {
      const address = (await this.client.lookupUdprn({ udprn: Number(udprn) })) as IdealPostcodesAddress | null;
      return address ? [toDeliveryPoint(address)] : [];
    });
    return found ?? null;
  }

  private async cached(key: string, ask: () => Promise<DeliveryPoint[]>): Promise<DeliveryPoint[]> {
    const kept = this.cache.get(key);
    if (kept) return kept;
    let answer: DeliveryPoint[];
    try {
      answer = await ask();
    } catch (error) {
      throw new AddressSourceUnavailableError(error instanceof Error ? error.message : String(error));
    }
    this.cache.set(key, answer);
    return answer;
  }
}

const FIELDS: ReadonlyArray<readonly [keyof IdealPostcodesAddress, keyof PafAddress]> = [
  ['organisation_name', 'organisation'],
  ['department_name', 'department'],
  ['sub_building_name', 'subBuildingName'],
  ['building_name', 'buildingName'],
  ['building_number', 'buildingNumber'],
  ['po_box', 'poBox'],
  ['dependant_thoroughfare', 'dependentThoroughfare'],
  ['thoroughfare', 'thoroughfare'],
  ['double_dependant_locality', 'doubleDependentLocality'],
  ['dependant_locality', 'dependentLocality'],
  ['post_town', 'postTown'],
  ['postcode', 'postcode'],
  ['uprn', 'uprn'],
];

/** The API's address under PAF's names, absent (empty) fields left out. */
export function toDeliveryPoint(address: IdealPostcodesAddress): DeliveryPoint {
  const point: Record<string, string> = { udprn: String(address.udprn) };
  for (const [from, to] of FIELDS) {
    const value = address[from];
    if (typeof value === 'string' && value.trim() !== '') point[to] = value.trim();
  }
  return point as unknown as DeliveryPoint;
}
