import type { components } from '../api/schema';

export type FoundAddress = components['schemas']['AddressResponse'];
export type PafAddress = components['schemas']['PafAddressDoc'];

/** The PAF fields of an alternative address as the form asks for them, in the order an address is written. */
export const ADDRESS_FIELDS = [
  { field: 'organisation', label: 'Organisation' },
  { field: 'subBuildingName', label: 'Flat or unit' },
  { field: 'buildingName', label: 'House or building' },
  { field: 'buildingNumber', label: 'Building number' },
  { field: 'dependentThoroughfare', label: 'Dependent street' },
  { field: 'thoroughfare', label: 'Street' },
  { field: 'doubleDependentLocality', label: 'Hamlet' },
  { field: 'dependentLocality', label: 'Locality' },
  { field: 'postTown', label: 'Post town' },
  { field: 'county', label: 'County' },
  { field: 'postcode', label: 'Postcode' },
] as const satisfies readonly { field: keyof PafAddress; label: string }[];

export type AddressField = (typeof ADDRESS_FIELDS)[number]['field'];
export type AddressValues = Readonly<Record<AddressField, string>>;

export const EMPTY_ADDRESS: AddressValues = Object.fromEntries(
  ADDRESS_FIELDS.map(({ field }) => [field, '']),
) as AddressValues;

/** An alternative address on the form: typed, or filled from a delivery point the finder found (its UDPRN kept). */
export interface AlternativeAddressState {
  values: AddressValues;
  /** The delivery point chosen, while the fields are still as it filled them. */
  chosen?: { udprn: string; values: AddressValues };
}

/** Choosing a delivery point fills every field with its PAF fields. */
export function choose(address: FoundAddress): AlternativeAddressState {
  const values = Object.fromEntries(
    ADDRESS_FIELDS.map(({ field }) => [field, (address as Partial<Record<AddressField, string>>)[field] ?? '']),
  ) as AddressValues;
  return { values, chosen: { udprn: address.udprn, values } };
}

/** A field changed by hand: the address is now typed, unless every field is as the finder filled it again. */
export function edit(state: AlternativeAddressState, field: AddressField, value: string): AlternativeAddressState {
  return { ...state, values: { ...state.values, [field]: value } };
}

/**
 * The submission's `alternativeAddress` (contact-logging's PafAddressDoc): a chosen delivery point
 * alone by its UDPRN, the API looking the rest up (the address as the PAF holds it); otherwise the
 * typed fields, blank ones left out; nothing when every field is blank.
 */
export function alternativeAddressOf(state: AlternativeAddressState): PafAddress | undefined {
  const { chosen, values } = state;
  if (chosen && ADDRESS_FIELDS.every(({ field }) => values[field] === chosen.values[field]))
    return { udprn: chosen.udprn } as PafAddress;
  const typed = Object.fromEntries(
    ADDRESS_FIELDS.map(({ field }) => [field, values[field].trim()]).filter(([, value]) => value !== ''),
  );
  return Object.keys(typed).length > 0 ? (typed as unknown as PafAddress) : undefined;
}

/** Whether the address on the form is the delivery point chosen, unchanged (so it goes by its UDPRN). */
export function isChosenUnchanged(state: AlternativeAddressState): boolean {
  return alternativeAddressOf(state)?.udprn !== undefined;
}

/** What GET /contact-types/{type} says of a contact type: its items and groups, the alternative address's among them. */
export interface AddressRules {
  items: readonly {
    field: string;
    requirement: string;
    withinOptionalBlock?: string;
    maxLength?: number;
    group?: string;
  }[];
  groups: readonly { name: string; rule: string; rejectedOn: string; withinOptionalBlock?: string }[];
}

/**
 * A typed alternative address, checked as the API checks it (its items within the optional
 * `alternativeAddress` block: mandatory once the block is given, each group's one-of, each field's
 * length), each reason on its field (`alternativeAddress.postcode`) or the block. A delivery point
 * chosen, unchanged, goes by its UDPRN and is the look-up's to judge.
 */
export function typedAddressProblems(
  rules: AddressRules,
  state: AlternativeAddressState,
): { field: string; message: string }[] {
  const address = alternativeAddressOf(state);
  if (!address || address.udprn !== undefined) return [];
  const given = (field: string) =>
    (state.values[field.replace('alternativeAddress.', '') as AddressField] ?? '').trim();
  const problems: { field: string; message: string }[] = [];
  for (const item of rules.items) {
    if (item.withinOptionalBlock !== 'alternativeAddress' || item.field === 'alternativeAddress.udprn') continue;
    const label = ADDRESS_FIELDS.find(({ field }) => `alternativeAddress.${field}` === item.field)?.label ?? item.field;
    if (item.requirement === 'MANDATORY' && !given(item.field))
      problems.push({ field: item.field, message: `Enter the ${label.toLowerCase()} of the alternative address.` });
    else if (item.maxLength !== undefined && given(item.field).length > item.maxLength)
      problems.push({ field: item.field, message: `${label} must be ${item.maxLength} characters or fewer.` });
  }
  for (const group of rules.groups) {
    if (group.withinOptionalBlock !== 'alternativeAddress') continue;
    const members = rules.items.filter((item) => item.group === group.name).map((item) => item.field);
    if (members.length > 0 && !members.some((field) => given(field) !== ''))
      problems.push({ field: group.rejectedOn, message: group.rule });
  }
  return problems;
}
