/**
 * Deterministic demo meter points: the same (count, seed) gives the same list on every run and
 * every machine (a seeded PRNG, no clock, no Math.random).
 *
 * Shape of the data:
 * - every one of the 13 LDZs, weighted roughly by population, with real post towns and postcode
 *   districts of that LDZ and fictional street names;
 * - addresses come in "postcode units" (a stretch of street, a block of flats, a lane of named
 *   houses, a parade of shops) of 3 to 24 meter points sharing one postcode, so a postcode look-up
 *   returns a list;
 * - transporter: the LDZ's DN, or one of the four IGTs for about 10% (new-build estates);
 * - status about LI 70%, DE 15%, CA 5%, CL 5%, EX 5%; isolated for every CA and CL and some DE;
 * - a registered shipper (one of the five) for about 85%, none mostly on dead and extinct points;
 * - unique MPRNs of 6 to 10 digits with consistent community check digits, unique UDPRNs
 *   (8 digits) and UPRNs (11 or 12 digits).
 *
 * The showcase meter points of `demoShowcase()` come first, always, with fixed MPRNs.
 */
import { checkDigitsFor, findLdz, type LdzCode, type PafAddress } from '@cms/gas-market';
import type { MeterPoint } from '../../services/meter-points/src/domain/meter-point';
import { DN_SHORT_CODES, demoOrganisations } from './organisations';
import {
  BLOCK_SUFFIXES,
  BUSINESS_KINDS,
  BUSINESS_WORDS,
  COURT_SUFFIXES,
  type DemoTown,
  ESTATE_SUFFIXES,
  ESTATE_WORDS,
  HIGH_STREETS,
  HOUSE_NAMES,
  LANE_SUFFIXES,
  LDZ_WEIGHTS,
  PARTNER_SURNAMES,
  STREET_SUFFIXES,
  STREET_WORDS,
  TOWNS_BY_LDZ,
} from './places';
import { Prng } from './prng';

export interface DemoShowcaseMeterPoint {
  label: string;
  mprn: string;
  status: string;
  /** Null when no shipper is registered. */
  registeredShipperShortCode: string | null;
  transporterShortCode: string;
  ldz: LdzCode;
}

interface ShowcaseSpec extends DemoShowcaseMeterPoint {
  isolated: boolean;
  address: PafAddress;
}

/** Showcase meter points for the README, demos and tests. MPRNs are fixed and check-digit consistent. */
const SHOWCASE: readonly ShowcaseSpec[] = [
  {
    label: 'BWE, Dead: a valid Dead to Live (DTL) for BWE',
    mprn: '3938424403', status: 'DE', isolated: false, registeredShipperShortCode: 'BWE', transporterShortCode: 'CAD', ldz: 'NW',
    address: { buildingNumber: '14', thoroughfare: 'Juniper Close', dependentLocality: 'Fulwood', postTown: 'Preston', county: 'Lancashire', postcode: 'PR2 9QZ', udprn: '10482615', uprn: '100010482615' },
  },
  {
    label: 'BWE, Live: a valid Isolation to Dead for BWE',
    mprn: '5281736406', status: 'LI', isolated: false, registeredShipperShortCode: 'BWE', transporterShortCode: 'NGN', ldz: 'NE',
    address: { buildingNumber: '7', thoroughfare: 'Hawthorn Terrace', dependentLocality: 'Headingley', postTown: 'Leeds', county: 'West Yorkshire', postcode: 'LS6 9XJ', udprn: '10482616', uprn: '100010482616' },
  },
  {
    label: 'BWE, Capped: a valid Isolation to Live for BWE',
    mprn: '6041927506', status: 'CA', isolated: true, registeredShipperShortCode: 'BWE', transporterShortCode: 'SGN', ldz: 'SC',
    address: { subBuildingName: 'Flat 3', buildingName: 'Sandpiper Court', buildingNumber: '22', thoroughfare: 'Linden Street', dependentLocality: 'Partick', postTown: 'Glasgow', county: 'Lanarkshire', postcode: 'G11 9WB', udprn: '10482617', uprn: '100010482617' },
  },
  {
    label: 'BWE, Clamped: a valid Isolation to Live for BWE',
    mprn: '8172635405', status: 'CL', isolated: true, registeredShipperShortCode: 'BWE', transporterShortCode: 'WWU', ldz: 'WS',
    address: { buildingNumber: '41', thoroughfare: 'Tenby Road', dependentLocality: 'Roath', postTown: 'Cardiff', county: 'South Glamorgan', postcode: 'CF24 9UX', udprn: '10482618', uprn: '100010482618' },
  },
  {
    label: 'BWE, Extinct: rejected with MPRN_EXTINCT (needs an MPRN creation request instead)',
    mprn: '4392057104', status: 'EX', isolated: false, registeredShipperShortCode: 'BWE', transporterShortCode: 'CAD', ldz: 'WM',
    address: { buildingName: 'The Old Forge', thoroughfare: 'Quarry Lane', dependentLocality: 'Harborne', postTown: 'Birmingham', county: 'West Midlands', postcode: 'B17 9YR', udprn: '10482619', uprn: '100010482619' },
  },
  {
    label: 'TGS, Dead: BWE is rejected with NOT_REGISTERED_SHIPPER; a valid DTL for TGS',
    mprn: '9081726309', status: 'DE', isolated: true, registeredShipperShortCode: 'TGS', transporterShortCode: 'SGN', ldz: 'SE',
    address: { buildingNumber: '56', thoroughfare: 'Belmont Crescent', postTown: 'Brighton', county: 'East Sussex', postcode: 'BN2 9ZQ', udprn: '10482620', uprn: '100010482620' },
  },
  {
    label: 'No registered shipper, Dead: any shipper, BWE included, may raise a DTL',
    mprn: '2738491003', status: 'DE', isolated: false, registeredShipperShortCode: null, transporterShortCode: 'CAD', ldz: 'EM',
    address: { buildingNumber: '3', thoroughfare: 'Foxglove Walk', dependentLocality: 'Sherwood', postTown: 'Nottingham', county: 'Nottinghamshire', postcode: 'NG5 9TW', udprn: '10482621', uprn: '100010482621' },
  },
  {
    label: 'BWE, Dead, on an IGT network (MPL): a DTL whose site visit goes to Meadow Pipelines',
    mprn: '6543210910', status: 'DE', isolated: false, registeredShipperShortCode: 'BWE', transporterShortCode: 'MPL', ldz: 'EA',
    address: { buildingNumber: '9', thoroughfare: 'Kestrel Rise', dependentLocality: 'Cherry Hinton', postTown: 'Cambridge', county: 'Cambridgeshire', postcode: 'CB1 9YG', udprn: '10482622', uprn: '100010482622' },
  },
  {
    label: 'TGS, Live: a valid Isolation to Dead for TGS; BWE is rejected with NOT_REGISTERED_SHIPPER',
    mprn: '7152938403', status: 'LI', isolated: false, registeredShipperShortCode: 'TGS', transporterShortCode: 'NGN', ldz: 'NO',
    address: { buildingNumber: '118', thoroughfare: 'Denholm Avenue', dependentLocality: 'Jesmond', postTown: 'Newcastle upon Tyne', county: 'Tyne and Wear', postcode: 'NE2 9XT', udprn: '10482623', uprn: '100010482623' },
  },
];

/** Named, documented meter points present in every generated demo data set. */
export function demoShowcase(): DemoShowcaseMeterPoint[] {
  return SHOWCASE.map(({ label, mprn, status, registeredShipperShortCode, transporterShortCode, ldz }) => ({
    label, mprn, status, registeredShipperShortCode, transporterShortCode, ldz,
  }));
}

/**
 * MPRNs that are never in the demo register: `notInRegister` has consistent check digits (gives
 * MPRN_NOT_FOUND); `mistyped` is the first showcase MPRN with its last digit changed (inconsistent
 * check digits: the "did you mistype?" hint).
 */
export function demoUnknownMprns(): { notInRegister: string; mistyped: string } {
  return { notInRegister: '8804621501', mistyped: '3938424408' };
}

const STATUS_WEIGHTS = [['LI', 70], ['DE', 15], ['CA', 5], ['CL', 5], ['EX', 5]] as const;
/** Probability of no registered shipper, by status. */
const NO_SHIPPER_CHANCE: Readonly<Record<string, number>> = { LI: 0.04, DE: 0.5, CA: 0.03, CL: 0.03, EX: 0.85 };
const SHIPPER_WEIGHTS = [['BWE', 28], ['TGS', 24], ['LPW', 20], ['OAK', 16], ['KGP', 12]] as const;
const IGT_CODES = ['MPL', 'NFG', 'HEN', 'RVU'] as const;
/** MPRN length: most are 10 digits, older ones shorter. */
const MPRN_LENGTH_WEIGHTS = [[10, 70], [9, 15], [8, 8], [7, 4], [6, 3]] as const;
/** Letters Royal Mail uses in the inward code. */
const INWARD_LETTERS = [...'ABDEFGHJLNPQRSTUWXYZ'];

type UnitKind = 'houses' | 'estate' | 'flats' | 'named' | 'shops';
const UNIT_WEIGHTS: ReadonlyArray<readonly [UnitKind, number]> = [
  ['houses', 62], ['estate', 9], ['flats', 17], ['named', 5], ['shops', 7],
];

/**
 * Generates `count` demo meter points (default 10,000) from `seed` (default 1). The showcase
 * meter points come first; if `count` is smaller than their number, the list is cut at `count`.
 */
export function generateDemoMeterPoints(count = 10000, seed = 1): MeterPoint[] {
  const rng = new Prng(seed);
  const orgId = new Map(demoOrganisations().map((o) => [o.shortCode, o.id]));
  const idOf = (code: string): string => {
    const id = orgId.get(code);
    if (!id) throw new Error(`unknown organisation ${code}`);
    return id;
  };

  const usedMprns = new Set<string>([...SHOWCASE.map((s) => s.mprn), ...Object.values(demoUnknownMprns())]);
  const usedPostcodes = new Set<string>(SHOWCASE.map((s) => s.address.postcode));
  const usedUdprns = new Set<string>(SHOWCASE.flatMap((s) => (s.address.udprn ? [s.address.udprn] : [])));
  const usedUprns = new Set<string>(SHOWCASE.flatMap((s) => (s.address.uprn ? [s.address.uprn] : [])));

  const points: MeterPoint[] = SHOWCASE.map((s) => ({
    mprn: s.mprn,
    status: s.status,
    isolated: s.isolated,
    transporterId: idOf(s.transporterShortCode),
    registeredShipperId: s.registeredShipperShortCode ? idOf(s.registeredShipperShortCode) : null,
    ldz: s.ldz,
    address: { ...s.address },
  }));

  const unique = (used: Set<string>, make: () => string): string => {
    for (;;) {
      const value = make();
      if (!used.has(value)) {
        used.add(value);
        return value;
      }
    }
  };
  const newMprn = () =>
    unique(usedMprns, () => {
      const length = rng.weighted(MPRN_LENGTH_WEIGHTS);
      const body = String(rng.int(1, 9)) + rng.digits(length - 3);
      return body + checkDigitsFor(body);
    });
  const newUdprn = () => unique(usedUdprns, () => String(rng.int(10000000, 59999999)));
  const newUprn = () => unique(usedUprns, () => (rng.chance(0.7) ? '1000' + rng.digits(8) : '10' + rng.digits(9)));
  const newPostcode = (town: DemoTown) =>
    unique(usedPostcodes, () => `${rng.pick(town.districts)} ${rng.int(0, 9)}${rng.pick(INWARD_LETTERS)}${rng.pick(INWARD_LETTERS)}`);

  const newMeterPoint = (ldz: LdzCode, transporterId: string, address: PafAddress): MeterPoint => {
    const status = rng.weighted(STATUS_WEIGHTS);
    const isolated = status === 'CA' || status === 'CL' || (status === 'DE' && rng.chance(0.4));
    const registeredShipperId = rng.chance(NO_SHIPPER_CHANCE[status]) ? null : idOf(rng.weighted(SHIPPER_WEIGHTS));
    return { mprn: newMprn(), status, isolated, transporterId, registeredShipperId, ldz, address };
  };

  while (points.length < count) {
    const ldzCode = rng.weighted(LDZ_WEIGHTS);
    const ldz = findLdz(ldzCode)!;
    const town = rng.weighted(TOWNS_BY_LDZ[ldzCode].map((t) => [t, t.weight] as const));
    const kind = rng.weighted(UNIT_WEIGHTS);
    const transporterId = idOf(kind === 'estate' ? rng.pick(IGT_CODES) : DN_SHORT_CODES[ldz.dn]);

    const base: PafAddress = { postTown: town.postTown, postcode: newPostcode(town) };
    if (town.county) base.county = town.county;
    if (town.localities.length > 0 && rng.chance(0.25)) base.dependentLocality = rng.pick(town.localities);

    const addresses: PafAddress[] = [];
    const street = (suffixes: readonly string[], words: readonly string[] = STREET_WORDS) =>
      `${rng.pick(words)} ${rng.pick(suffixes)}`;
    switch (kind) {
      case 'houses':
      case 'estate': {
        const thoroughfare = kind === 'estate' ? street(ESTATE_SUFFIXES, ESTATE_WORDS) : street(STREET_SUFFIXES);
        const court = kind === 'houses' && rng.chance(0.06) ? street(COURT_SUFFIXES) : undefined;
        const size = rng.int(4, 20);
        const step = court || kind === 'estate' ? 1 : 2;
        let number = court || kind === 'estate' ? 1 : rng.int(1, 120);
        for (let i = 0; i < size; i++, number += step) {
          const a: PafAddress = { ...base, buildingNumber: String(number), thoroughfare };
          if (court) a.dependentThoroughfare = court;
          // now and then a house carries a name as well as its number
          if (rng.chance(0.03)) a.buildingName = rng.pick(HOUSE_NAMES);
          addresses.push(a);
        }
        break;
      }
      case 'flats': {
        const buildingName = `${rng.pick([...STREET_WORDS, ...ESTATE_WORDS])} ${rng.pick(BLOCK_SUFFIXES)}`;
        const thoroughfare = street(STREET_SUFFIXES);
        const buildingNumber = rng.chance(0.5) ? String(rng.int(1, 250)) : undefined;
        const size = rng.int(6, 24);
        for (let i = 1; i <= size; i++) {
          const a: PafAddress = { ...base, subBuildingName: `Flat ${i}`, buildingName, thoroughfare };
          if (buildingNumber) a.buildingNumber = buildingNumber;
          addresses.push(a);
        }
        break;
      }
      case 'named': {
        const thoroughfare = street(LANE_SUFFIXES);
        const names = [...HOUSE_NAMES];
        const size = rng.int(3, 8);
        for (let i = 0; i < size; i++) {
          const buildingName = names.splice(rng.int(0, names.length - 1), 1)[0];
          addresses.push({ ...base, buildingName, thoroughfare });
        }
        break;
      }
      case 'shops': {
        const thoroughfare = rng.pick(HIGH_STREETS);
        const size = rng.int(3, 10);
        let number = rng.int(1, 80);
        for (let i = 0; i < size; i++, number++) {
          const a: PafAddress = { ...base, buildingNumber: String(number), thoroughfare };
          if (rng.chance(0.1)) {
            // a partnership name with a comma: quoted in the extract
            a.organisation = `${rng.pick(PARTNER_SURNAMES)}, ${rng.pick(PARTNER_SURNAMES)} & Co ${rng.pick(['Solicitors', 'Accountants', 'Estate Agents'])}`;
          } else if (rng.chance(0.75)) {
            a.organisation = `${rng.pick(BUSINESS_WORDS)} ${rng.pick(BUSINESS_KINDS)}`;
          }
          addresses.push(a);
        }
        break;
      }
    }

    for (const address of addresses) {
      if (points.length >= count) break;
      address.udprn = newUdprn();
      if (rng.chance(0.98)) address.uprn = newUprn();
      points.push(newMeterPoint(ldzCode, transporterId, address));
    }
  }
  return points.slice(0, count);
}

/** The short code of a demo organisation id (for reports and tests). */
export function shortCodeOf(organisationId: string | null): string | null {
  if (organisationId === null) return null;
  const org = demoOrganisations().find((o) => o.id === organisationId);
  if (!org) throw new Error(`unknown organisation id ${organisationId}`);
  return org.shortCode;
}

