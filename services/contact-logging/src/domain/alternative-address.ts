import { isUdprn, normalisePostcode, PAF_FIELD_MAX_LENGTHS, PAF_TEXT_FIELDS, type PafAddress, type PafTextField } from '@cms/gas-market';
import { isAbsent, isJsonObject, JsonObject, Problems, readText, refuseUnknownFields } from './submitted-value';
import { Rejections } from './rejection';

/**
 * Where the address came from: chosen from the postcode look-up (address-lookup), which gave its
 * UDPRN and UPRN, or typed by hand, which gives neither.
 */
export type AlternativeAddressProvenance =
  | {
      readonly source: 'ADDRESS_LOOKUP';
      /** Which PAF source answered the look-up: the address-lookup service's PAF table, or a licensed PAF API. */
      readonly lookedUpIn: string;
      /** When contact-logging looked the UDPRN up, at logging. */
      readonly lookedUpAt: string;
    }
  | { readonly source: 'TYPED' };

/**
 * Where the originator believes the supply point is, when it differs from the address held
 * (docs/domain.md "Mandatory items": optional for both contact types). PAF-style fields, either
 * chosen through the postcode look-up (by its UDPRN) or typed; absent fields are null. Field
 * lengths are the shared PAF set (PAF_FIELD_MAX_LENGTHS), the same the meter point register holds.
 */
export type AlternativeAddress = {
  readonly [Field in PafTextField | 'udprn' | 'uprn']: string | null;
} & {
  /** Upper-case, one space before the inward code, e.g. "SW1A 1AA". */
  readonly postcode: string;
  readonly provenance: AlternativeAddressProvenance;
};

/** The delivery point a chosen UDPRN names, as the address look-up answered at logging. */
export interface LookedUpAddress {
  readonly address: PafAddress & { readonly udprn: string };
  /** Which PAF source answered (address-lookup's `source`). */
  readonly lookedUpIn: string;
  readonly lookedUpAt: Date;
}

/** Room for a postcode as typed, spaces and all; normalised it has at most PAF_FIELD_MAX_LENGTHS.postcode. */
export const TYPED_POSTCODE_MAX_LENGTH = 16;

const LABELS: Readonly<Record<Exclude<keyof AlternativeAddress, 'provenance'>, string>> = {
  organisation: 'The organisation name',
  department: 'The department name',
  subBuildingName: 'The sub-building name',
  buildingName: 'The building name',
  buildingNumber: 'The building number',
  poBox: 'The PO box',
  dependentThoroughfare: 'The dependent thoroughfare',
  thoroughfare: 'The thoroughfare',
  doubleDependentLocality: 'The double dependent locality',
  dependentLocality: 'The dependent locality',
  postTown: 'The post town',
  county: 'The county',
  postcode: 'The postcode',
  udprn: 'The UDPRN',
  uprn: 'The UPRN',
};

/** The fields a submission's alternative address may carry. */
export const ALTERNATIVE_ADDRESS_FIELDS = Object.keys(LABELS) as readonly (keyof typeof LABELS)[];

const PATH = 'alternativeAddress';

/**
 * The UDPRN of an alternative address chosen from the postcode look-up: a block holding a
 * well-formed `udprn` and nothing else. The caller looks it up (address-lookup) before judging
 * the submission, as it looks up the meter point; null when there is nothing to look up.
 */
export function readChosenUdprn(submission: unknown): string | null {
  const block = isJsonObject(submission) ? submission['alternativeAddress'] : undefined;
  if (!isJsonObject(block) || !isChosen(block)) return null;
  const udprn = typeof block['udprn'] === 'number' ? String(block['udprn']) : block['udprn'];
  return typeof udprn === 'string' && isUdprn(udprn.trim()) ? udprn.trim() : null;
}

/** A block giving a UDPRN and no other field: an address chosen from the look-up. */
function isChosen(block: JsonObject): boolean {
  return !isAbsent(block['udprn']) && ALTERNATIVE_ADDRESS_FIELDS.every((name) => name === 'udprn' || isAbsent(block[name]));
}

/**
 * Reads an alternative address block. Returns null when there is none: a block whose every field
 * is blank counts as none, as a form with an untouched address section sends exactly that.
 *
 * Chosen from the postcode look-up, the block holds the UDPRN alone and the address is the one
 * `lookedUp` found (kept with its provenance); a UDPRN no delivery point has is refused
 * (MANDATORY_FIELD on `alternativeAddress.udprn`). Typed, the block holds the PAF fields and no
 * UDPRN or UPRN, which only the look-up gives.
 *
 * PD minimum of a typed address, PAF-like: a postcode; a premises (building number or building
 * name, which is how PAF identifies a delivery point within a postcode); and a thoroughfare or
 * post town, so the address reads as a place even where a rural address has no street.
 */
export function readAlternativeAddress(block: JsonObject, problems: Problems, lookedUp: LookedUpAddress | null = null): AlternativeAddress | null {
  refuseUnknownFields(block, ALTERNATIVE_ADDRESS_FIELDS, PATH, problems);
  if (ALTERNATIVE_ADDRESS_FIELDS.every((name) => isAbsent(block[name]))) return null;
  if (isChosen(block)) return readChosenAddress(block, problems, lookedUp);

  const before = problems.length;
  for (const name of ['udprn', 'uprn'] as const) {
    if (!isAbsent(block[name])) {
      problems.push(
        Rejections.mandatoryField(
          `${PATH}.${name}`,
          `${LABELS[name]} comes from the postcode look-up: send the chosen address's UDPRN alone, or type the address without it.`,
        ),
      );
    }
  }
  const text = {} as Record<PafTextField, string | null>;
  for (const name of PAF_TEXT_FIELDS) {
    text[name] = readText(
      block[name],
      {
        field: `${PATH}.${name}`,
        label: LABELS[name],
        required: false,
        maxLength: PAF_FIELD_MAX_LENGTHS[name],
      },
      problems,
    );
  }

  const postcodeText = readText(
    block['postcode'],
    { field: `${PATH}.postcode`, label: LABELS.postcode, required: true, maxLength: TYPED_POSTCODE_MAX_LENGTH },
    problems,
  );
  const postcode = postcodeText === null ? null : normalisePostcode(postcodeText);
  if (postcodeText !== null && postcode === null) {
    problems.push(
      Rejections.mandatoryField(`${PATH}.postcode`, 'The postcode must be a UK postcode, such as SW1A 1AA.'),
    );
  }

  // Judged on what was given, so a field that is present but too long is not also called missing.
  const hasPremises = !isAbsent(block['buildingNumber']) || !isAbsent(block['buildingName']);
  const hasPlace = !isAbsent(block['thoroughfare']) || !isAbsent(block['postTown']);
  if (!hasPremises || !hasPlace) {
    const needs = [
      hasPremises ? null : 'a building number or building name',
      hasPlace ? null : 'a thoroughfare or post town',
    ].filter((need): need is string => need !== null);
    problems.push(Rejections.mandatoryField(PATH, `An alternative address needs ${needs.join(' and ')}.`));
  }

  if (problems.length > before || postcode === null) return null;
  return { ...text, postcode, udprn: null, uprn: null, provenance: { source: 'TYPED' } };
}

/** The address a chosen UDPRN names, with its provenance; a UDPRN of no delivery point (or of no UDPRN shape) is refused. */
function readChosenAddress(block: JsonObject, problems: Problems, lookedUp: LookedUpAddress | null): AlternativeAddress | null {
  const udprn = readChosenUdprn({ alternativeAddress: block });
  if (udprn === null || lookedUp === null || Number(lookedUp.address.udprn) !== Number(udprn)) {
    problems.push(
      Rejections.mandatoryField(
        `${PATH}.udprn`,
        udprn === null
          ? `${LABELS.udprn} must be 1 to ${PAF_FIELD_MAX_LENGTHS.udprn} digits, as the postcode look-up gives it.`
          : `No delivery point has the UDPRN ${udprn}: choose the address again from the postcode look-up, or type it.`,
      ),
    );
    return null;
  }
  const { address } = lookedUp;
  const text = {} as Record<PafTextField, string | null>;
  for (const name of PAF_TEXT_FIELDS) text[name] = address[name] ?? null;
  return {
    ...text,
    postcode: address.postcode,
    udprn: address.udprn,
    uprn: address.uprn ?? null,
    provenance: { source: 'ADDRESS_LOOKUP', lookedUpIn: lookedUp.lookedUpIn, lookedUpAt: lookedUp.lookedUpAt.toISOString() },
  };
}
