/**
 * Deterministic demo PAF data for the address-lookup service: every demo meter point's address
 * (from generateDemoMeterPoints, the register's own generator, so a look-up in the demo finds the
 * meter points' addresses, with their UDPRNs and UPRNs), and at each of their postcodes one to
 * three neighbours without a meter point (the next houses along, the next flats, another named
 * house): a postcode lists more delivery points than it has meter points, as in life.
 *
 * Also a synthetic file of any size for the benchmark (`syntheticPafRecords`), streamed, never kept.
 */
import type { PafAddress } from '@cms/gas-market';
import type { MeterPoint } from '../../services/meter-points/src/domain/meter-point';
import type { DeliveryPoint } from '../../services/address-lookup/src/domain/delivery-point';
import type { PafRecord } from '../../services/address-lookup/src/domain/paf-csv-record';
import { generateDemoMeterPoints } from './meter-points';
import { HOUSE_NAMES, STREET_SUFFIXES, STREET_WORDS, TOWNS_BY_LDZ } from './places';
import { Prng } from './prng';

const DPS_LETTERS = [...'ABDEFGHJLNPQRSTUWXYZ'];

/** The delivery point suffix of the `index`-th delivery point of a postcode: 1A, 1B, … 2A, … */
function deliveryPointSuffix(index: number): string {
  return `${1 + Math.floor(index / DPS_LETTERS.length) % 9}${DPS_LETTERS[index % DPS_LETTERS.length]}`;
}

/** PAF has no county (the register keeps the legacy one): the address as PAF gives it. */
function pafAddressOf(address: PafAddress, udprn: string): DeliveryPoint {
  const { county: _county, ...paf } = address;
  return { ...paf, udprn };
}

function recordOf(address: DeliveryPoint, index: number): PafRecord {
  return {
    address,
    postcodeType: 'S',
    smallUserOrganisation: address.organisation !== undefined,
    deliveryPointSuffix: deliveryPointSuffix(index),
  };
}

/** The next delivery point along from the last of a postcode's: the next house, the next flat, another named house. */
function neighbourOf(last: PafAddress, step: number, namesTaken: Set<string>, rng: Prng): PafAddress {
  const flat = last.subBuildingName ? /^Flat (\d+)$/.exec(last.subBuildingName) : null;
  if (flat) return { ...last, subBuildingName: `Flat ${Number(flat[1]) + step}`, organisation: undefined };
  if (last.buildingNumber) {
    const { organisation: _organisation, buildingName: _name, ...house } = last;
    return { ...house, buildingNumber: String(Number(last.buildingNumber) + step) };
  }
  const free = HOUSE_NAMES.filter((name) => !namesTaken.has(name));
  const buildingName = free.length > 0 ? rng.pick(free) : `${rng.pick(HOUSE_NAMES)} ${namesTaken.size + 1}`;
  namesTaken.add(buildingName);
  return { ...last, buildingName };
}

/**
 * The demo PAF records: each postcode's meter point addresses in register order, then its
 * neighbours. Their UDPRNs are new (10000000 to 59999999 is the register's range: they come from
 * 60000000 up, so never clash); most have a UPRN.
 */
export function generateDemoPafRecords(meterPoints: readonly MeterPoint[] = generateDemoMeterPoints(), seed = 1): PafRecord[] {
  const rng = new Prng(seed);
  const byPostcode = new Map<string, PafAddress[]>();
  for (const { address } of meterPoints) {
    const list = byPostcode.get(address.postcode) ?? [];
    list.push(address);
    byPostcode.set(address.postcode, list);
  }
  let nextUdprn = 60_000_000;
  const records: PafRecord[] = [];
  for (const addresses of byPostcode.values()) {
    const points = addresses.filter((address) => address.udprn).map((address) => pafAddressOf(address, address.udprn!));
    const numbers = addresses.map((address) => Number(address.buildingNumber)).filter((n) => n > 0);
    // A street numbered on one side steps by two.
    const step = numbers.length > 1 && Math.abs(numbers[1] - numbers[0]) === 2 ? 2 : 1;
    const namesTaken = new Set(addresses.flatMap((address) => (address.buildingName ? [address.buildingName] : [])));
    let last: PafAddress = addresses[addresses.length - 1];
    for (let i = rng.int(1, 3); i > 0; i--) {
      last = neighbourOf(last, step, namesTaken, rng);
      const neighbour = pafAddressOf(last, String(nextUdprn++));
      if (rng.chance(0.9)) neighbour.uprn = `20${String(nextUdprn).padStart(10, '0')}`;
      else delete (neighbour as PafAddress).uprn;
      points.push(neighbour);
    }
    points.forEach((point, index) => records.push(recordOf(withoutUndefined(point), index)));
  }
  return records;
}

function withoutUndefined(point: DeliveryPoint): DeliveryPoint {
  return Object.fromEntries(Object.entries(point).filter(([, value]) => value !== undefined)) as DeliveryPoint;
}

/** Every district of the demo towns, with its post town: the synthetic file's postcodes are there. */
function districts(): Array<{ district: string; postTown: string }> {
  return Object.values(TOWNS_BY_LDZ).flatMap((towns) => towns.flatMap((town) => town.districts.map((district) => ({ district, postTown: town.postTown }))));
}

/**
 * `count` synthetic delivery points for the benchmark, 5 to 30 a postcode along numbered streets,
 * generated as they are written (memory stays flat at 1,000,000). Their postcodes are the demo
 * towns' real districts with sectors and units the demo register does not use, and their UDPRNs
 * 70000000 and up, so the file can be loaded beside the demo's or instead of it.
 */
export function* syntheticPafRecords(count: number, seed = 1): Generator<PafRecord> {
  const rng = new Prng(seed);
  const taken = new Set(generateDemoMeterPoints().map((point) => point.address.postcode));
  const places = districts();
  let written = 0;
  for (let unit = 0; written < count; unit++) {
    const place = places[unit % places.length];
    const round = Math.floor(unit / places.length);
    const postcode = `${place.district} ${round % 10}${DPS_LETTERS[Math.floor(round / 10) % 20]}${DPS_LETTERS[Math.floor(round / 200) % 20]}`;
    if (taken.has(postcode)) continue;
    if (round >= 4_000) throw new Error(`syntheticPafRecords: no more postcodes for ${count} delivery points`);
    const thoroughfare = `${rng.pick(STREET_WORDS)} ${rng.pick(STREET_SUFFIXES)}`;
    const size = Math.min(rng.int(5, 30), count - written);
    let number = rng.int(1, 60);
    for (let i = 0; i < size; i++, number += 2) {
      const address: DeliveryPoint = { buildingNumber: String(number), thoroughfare, postTown: place.postTown, postcode, udprn: String(70_000_000 + written) };
      if (rng.chance(0.9)) address.uprn = String(300_000_000_000 + written);
      yield recordOf(address, i);
      written += 1;
    }
  }
}
