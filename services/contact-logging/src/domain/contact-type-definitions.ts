import { PAF_FIELD_MAX_LENGTHS, PAF_TEXT_FIELDS } from '@cms/gas-market';
import { TYPED_POSTCODE_MAX_LENGTH } from './alternative-address';
import type { ContactType } from './contact-type';
import { METER_READ_MAX_DIGITS, METER_SERIAL_NUMBER_MAX_LENGTH } from './dtl-evidence';
import { ISOLATION_WORK_TYPES, requestedStatusImpliedBy } from './isolation-work';
import { resolveLoggingRulesConfig, type LoggingRulesConfig } from './logging-rules-config';
import { EMAIL_MAX_LENGTH, TELEPHONE_MAX_LENGTH, TELEPHONE_MIN_LENGTH } from './originator-contact';

/**
 * What each contact type asks for (docs/domain.md "Mandatory items"), in words for the logging
 * form and partner developers (GET /contact-types): every item with whether it is mandatory and
 * the rule it must meet, the limits read from the same constants and configuration the logging
 * rules use, so the description cannot promise one thing while validation enforces another. A
 * test walks every item against parseSubmission.
 */
export interface ContactItemDefinition {
  /** The item's path in the submission, as rejections name it (`dtlEvidence.meterRead.value`). */
  readonly field: string;
  /** MANDATORY; OPTIONAL; or ONE_OF: at least one of the items of its `group` is needed. */
  readonly requirement: 'MANDATORY' | 'OPTIONAL' | 'ONE_OF';
  /** For ONE_OF: the name of its group (ContactTypeDefinition.groups). */
  readonly group?: string;
  /** The rule in words. */
  readonly rule: string;
  readonly maxLength?: number;
  readonly choices?: readonly string[];
  /** For an item inside an optional block: mandatory once the block is given. */
  readonly withinOptionalBlock?: string;
}

/** Items of which at least one is needed; a submission with none is refused on `rejectedOn`. */
export interface ContactItemGroup {
  readonly name: string;
  readonly rule: string;
  readonly rejectedOn: string;
  /** For a group inside an optional block: needed once the block is given. */
  readonly withinOptionalBlock?: string;
}

export interface ContactTypeDefinition {
  readonly type: ContactType;
  readonly name: string;
  readonly purpose: string;
  readonly items: readonly ContactItemDefinition[];
  readonly groups: readonly ContactItemGroup[];
}

const GROUPS: readonly ContactItemGroup[] = [
  { name: 'originatorContactMeans', rule: 'A telephone number or an email address of the originator’s contact.', rejectedOn: 'originatorContact' },
  { name: 'addressPremises', rule: 'A building number or a building name.', rejectedOn: 'alternativeAddress', withinOptionalBlock: 'alternativeAddress' },
  { name: 'addressPlace', rule: 'A thoroughfare or a post town.', rejectedOn: 'alternativeAddress', withinOptionalBlock: 'alternativeAddress' },
];

/** The group an address field belongs to, if any. */
const ADDRESS_GROUPS: Readonly<Partial<Record<string, string>>> = {
  buildingNumber: 'addressPremises',
  buildingName: 'addressPremises',
  thoroughfare: 'addressPlace',
  postTown: 'addressPlace',
};

const NAMES: Readonly<Record<ContactType, { name: string; purpose: string }>> = {
  DTL: {
    name: 'Dead to Live',
    purpose: 'A meter point set to Dead in UK Link is in fact live and flowing gas: set it Live.',
  },
  ISO: {
    name: 'Isolation',
    purpose: 'The service was removed and no gas flows (set it Dead), or a Capped or Clamped meter point was restored (set it Live).',
  },
};

/** The definition of one contact type under the logging rules as configured. */
export function contactTypeDefinition(type: ContactType, rules?: Partial<LoggingRulesConfig>): ContactTypeDefinition {
  const config = resolveLoggingRulesConfig(rules);
  const common: ContactItemDefinition[] = [
    { field: 'type', requirement: 'MANDATORY', rule: `${type}.`, choices: [type] },
    {
      field: 'mprn',
      requirement: 'MANDATORY',
      rule: 'The Meter Point Reference Number: 1 to 10 digits, of a meter point in the register that is not Extinct.',
    },
    type === 'DTL'
      ? { field: 'requestedStatus', requirement: 'OPTIONAL', rule: 'A Dead to Live contact always asks for LI (Live): leave it out or send LI.', choices: ['LI'] }
      : {
          field: 'requestedStatus',
          requirement: 'MANDATORY',
          rule: 'DE (Dead), for a live meter point whose service was removed, capped or clamped; or LI (Live), for a Capped or Clamped meter point restored.',
          choices: ['DE', 'LI'],
        },
    { field: 'originatorContact.name', requirement: 'MANDATORY', rule: `Whom to contact about it: up to ${config.originatorNameMaxLength} characters.`, maxLength: config.originatorNameMaxLength },
    {
      field: 'originatorContact.telephone',
      requirement: 'ONE_OF',
      group: 'originatorContactMeans',
      rule: `A UK telephone number, ${TELEPHONE_MIN_LENGTH} to ${TELEPHONE_MAX_LENGTH} characters of digits, spaces, brackets and hyphens. A telephone number or an email address is needed.`,
      maxLength: TELEPHONE_MAX_LENGTH,
    },
    {
      field: 'originatorContact.email',
      requirement: 'ONE_OF',
      group: 'originatorContactMeans',
      rule: `An email address, up to ${EMAIL_MAX_LENGTH} characters. A telephone number or an email address is needed.`,
      maxLength: EMAIL_MAX_LENGTH,
    },
    { field: 'description', requirement: 'MANDATORY', rule: `What the originator knows, up to ${config.descriptionMaxLength} characters.`, maxLength: config.descriptionMaxLength },
  ];
  const evidence: ContactItemDefinition[] =
    type === 'DTL'
      ? [
          { field: 'dtlEvidence.meterRead.value', requirement: 'MANDATORY', rule: `A meter read showing gas flows: digits as read from the dials, up to ${METER_READ_MAX_DIGITS}, leading zeros kept.`, maxLength: METER_READ_MAX_DIGITS },
          {
            field: 'dtlEvidence.meterRead.readDate',
            requirement: 'MANDATORY',
            rule: `When the read was taken, YYYY-MM-DD: not in the future and not more than ${config.maxMeterReadAgeDays} days ago.`,
          },
          {
            field: 'dtlEvidence.meterSerialNumber',
            requirement: 'MANDATORY',
            rule: `The serial number of the meter in place: 1 to ${METER_SERIAL_NUMBER_MAX_LENGTH} letters, digits or hyphens.`,
            maxLength: METER_SERIAL_NUMBER_MAX_LENGTH,
          },
        ]
      : [
          { field: 'isolation.workDate', requirement: 'MANDATORY', rule: 'When the isolation work was done, YYYY-MM-DD, not in the future.' },
          {
            field: 'isolation.workType',
            requirement: 'MANDATORY',
            rule:
              'What was done: ' +
              ISOLATION_WORK_TYPES.map((work) => `${work} (asks for ${requestedStatusImpliedBy(work)})`).join(', ') +
              '; it must agree with the requested status.',
            choices: ISOLATION_WORK_TYPES,
          },
        ];
  const address: ContactItemDefinition[] = [
    {
      field: 'alternativeAddress',
      requirement: 'OPTIONAL',
      rule:
        'Where the originator believes the supply point is, when it differs from the address held: the UDPRN of the address chosen ' +
        'from the postcode look-up (GET /api/v1/addresses), sent alone, or PAF fields typed, with a postcode, a building number ' +
        'or name, and a thoroughfare or post town.',
    },
    { field: 'alternativeAddress.postcode', requirement: 'MANDATORY', withinOptionalBlock: 'alternativeAddress', rule: 'A UK postcode, such as SW1A 1AA.', maxLength: TYPED_POSTCODE_MAX_LENGTH },
    ...PAF_TEXT_FIELDS.map(
      (name): ContactItemDefinition => ({
        field: `alternativeAddress.${name}`,
        ...(ADDRESS_GROUPS[name] ? { requirement: 'ONE_OF', group: ADDRESS_GROUPS[name] } : { requirement: 'OPTIONAL' }),
        withinOptionalBlock: 'alternativeAddress',
        rule: `Up to ${PAF_FIELD_MAX_LENGTHS[name]} characters.`,
        maxLength: PAF_FIELD_MAX_LENGTHS[name],
      }),
    ),
    {
      // No maxLength: a UDPRN is refused beside typed fields whatever its length, so the length alone says too little.
      field: 'alternativeAddress.udprn',
      requirement: 'OPTIONAL',
      withinOptionalBlock: 'alternativeAddress',
      rule:
        `Royal Mail's delivery point id, 1 to ${PAF_FIELD_MAX_LENGTHS.udprn} digits, of the address chosen from the postcode look-up, ` +
        'sent alone: the address, its UPRN and their provenance are taken from the look-up. A UDPRN no delivery point has is refused.',
    },
  ];
  return { type, ...NAMES[type], items: [...common, ...evidence, ...address], groups: GROUPS };
}
