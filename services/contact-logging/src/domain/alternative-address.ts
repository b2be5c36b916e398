import { normalisePostcode, PAF_FIELD_MAX_LENGTHS, PAF_TEXT_FIELDS, type PafTextField } from '@cms/gas-market';
import { isAbsent, JsonObject, Problems, readDigits, readText, refuseUnknownFields } from './submitted-value';
import { Rejections } from './rejection';

/**
 * Where the originator believes the supply point is, when it differs from the address held
 * (docs/domain.md "Mandatory items": optional for both contact types). PAF-style fields, either
 * chosen through the postcode look-up or typed; absent fields are null. Field lengths are the
 * shared PAF set (PAF_FIELD_MAX_LENGTHS), the same the meter point register holds.
 */
export type AlternativeAddress = {
  readonly [Field in PafTextField | 'udprn' | 'uprn']: string | null;
} & {
  /** Upper-case, one space before the inward code, e.g. "SW1A 1AA". */
  readonly postcode: string;
};

/** Room for a postcode as typed, spaces and all; normalised it has at most PAF_FIELD_MAX_LENGTHS.postcode. */
export const TYPED_POSTCODE_MAX_LENGTH = 16;

const LABELS: Readonly<Record<keyof AlternativeAddress, string>> = {
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

export const ALTERNATIVE_ADDRESS_FIELDS = Object.keys(LABELS) as readonly (keyof AlternativeAddress)[];

const PATH = 'alternativeAddress';

/**
 * Reads an alternative address block. Returns null when there is none: a block whose every field
 * is blank counts as none, as a form with an untouched address section sends exactly that.
 *
 * PD minimum, PAF-like: a postcode; a premises (building number or building name, which is how
 * PAF identifies a delivery point within a postcode); and a thoroughfare or post town, so the
 * address reads as a place even where a rural address has no street.
 */
export function readAlternativeAddress(block: JsonObject, problems: Problems): AlternativeAddress | null {
  refuseUnknownFields(block, ALTERNATIVE_ADDRESS_FIELDS, PATH, problems);
  if (ALTERNATIVE_ADDRESS_FIELDS.every((name) => isAbsent(block[name]))) return null;

  const before = problems.length;
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

  const udprn = readDigits(
    block['udprn'],
    { field: `${PATH}.udprn`, label: LABELS.udprn, required: false, maxDigits: PAF_FIELD_MAX_LENGTHS.udprn },
    problems,
  );
  const uprn = readDigits(
    block['uprn'],
    { field: `${PATH}.uprn`, label: LABELS.uprn, required: false, maxDigits: PAF_FIELD_MAX_LENGTHS.uprn },
    problems,
  );

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
  return { ...text, postcode, udprn, uprn };
}
