import { normalisePostcode } from './postcode';
import { isAbsent, JsonObject, Problems, readDigits, readText, refuseUnknownFields } from './submitted-value';
import { Rejections } from './rejection';

/**
 * Where the originator believes the supply point is, when it differs from the address held
 * (docs/domain.md "Mandatory items": optional for both contact types). PAF-style fields, either
 * chosen through the postcode look-up or typed. Absent fields are null.
 */
export interface AlternativeAddress {
  readonly organisation: string | null;
  readonly department: string | null;
  readonly subBuildingName: string | null;
  readonly buildingName: string | null;
  readonly buildingNumber: string | null;
  readonly poBox: string | null;
  readonly dependentThoroughfare: string | null;
  readonly thoroughfare: string | null;
  readonly doubleDependentLocality: string | null;
  readonly dependentLocality: string | null;
  readonly postTown: string | null;
  readonly county: string | null;
  /** Upper-case, one space before the inward code, e.g. "SW1A 1AA". */
  readonly postcode: string;
  /** Royal Mail's delivery point id, up to 8 digits. */
  readonly udprn: string | null;
  /** GeoPlace's property id, up to 12 digits. */
  readonly uprn: string | null;
}

type TextFieldName = Exclude<keyof AlternativeAddress, 'postcode' | 'udprn' | 'uprn'>;

/**
 * Field lengths. docs/domain.md "Postal addresses" gives the legacy lengths: building number 4,
 * building name 50, streets 40, post town 40, county 40. PD for the rest, following the same legacy
 * style: localities 40 like streets; sub-building name 50 like building name; organisation and
 * department 60 and PO box 6 as in PAF.
 */
export const ALTERNATIVE_ADDRESS_MAX_LENGTHS: Readonly<Record<TextFieldName, number>> = {
  organisation: 60,
  department: 60,
  subBuildingName: 50,
  buildingName: 50,
  buildingNumber: 4,
  poBox: 6,
  dependentThoroughfare: 40,
  thoroughfare: 40,
  doubleDependentLocality: 40,
  dependentLocality: 40,
  postTown: 40,
  county: 40,
};

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
  const text = {} as Record<TextFieldName, string | null>;
  for (const name of Object.keys(ALTERNATIVE_ADDRESS_MAX_LENGTHS) as TextFieldName[]) {
    text[name] = readText(
      block[name],
      {
        field: `${PATH}.${name}`,
        label: LABELS[name],
        required: false,
        maxLength: ALTERNATIVE_ADDRESS_MAX_LENGTHS[name],
      },
      problems,
    );
  }

  const postcodeText = readText(
    block['postcode'],
    { field: `${PATH}.postcode`, label: LABELS.postcode, required: true, maxLength: 16 },
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
    { field: `${PATH}.udprn`, label: LABELS.udprn, required: false, maxDigits: 8 },
    problems,
  );
  const uprn = readDigits(
    block['uprn'],
    { field: `${PATH}.uprn`, label: LABELS.uprn, required: false, maxDigits: 12 },
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
