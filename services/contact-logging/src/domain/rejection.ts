import type { ContactType } from './contact-type';
import type { OpenContact } from './open-contact';
import type { OrganisationType } from '@cms/gas-market';

/**
 * The stable reason codes of a rejected submission (docs/domain.md "Logging rules", the codes are
 * PD). Clients match on the code; the message is for people and may be reworded.
 */
export const REJECTION_CODES = [
  'MPRN_FORMAT',
  'MPRN_NOT_FOUND',
  'MPRN_EXTINCT',
  'STATUS_NOT_DEAD',
  'STATUS_ALREADY_DEAD',
  'STATUS_NOT_CAPPED_OR_CLAMPED',
  'NOT_REGISTERED_SHIPPER',
  'OPEN_CONTACT_EXISTS',
  'MANDATORY_FIELD',
  'ORG_NOT_PERMITTED',
] as const;

export type RejectionCode = (typeof REJECTION_CODES)[number];

/** One reason a submission was refused. Same shape as a problem-details error entry (docs/api.md). */
export interface Rejection {
  readonly code: RejectionCode;
  readonly message: string;
  /** Dotted path of the field at fault, e.g. `dtlEvidence.meterRead.readDate`, where one applies. */
  readonly field?: string;
}

/**
 * Guidance shared by MPRN_NOT_FOUND and MPRN_EXTINCT: a supply point the register does not know
 * (or knows only as extinct) needs a new MPRN, not a DTL/ISO contact. docs/domain.md says this
 * guidance stops contacts being wrongly raised as DTL/ISO.
 */
const NEW_METER_POINT_GUIDANCE =
  'If this is a new meter point, raise an MPRN creation request (the MNC process) instead of ' +
  'a DTL or ISO contact.';

/** Builders for every rejection, so each message is written once. */
export const Rejections = {
  /** A mandatory item is missing or malformed; one entry per field (docs/domain.md). */
  mandatoryField(field: string | undefined, message: string): Rejection {
    return field === undefined ? { code: 'MANDATORY_FIELD', message } : { code: 'MANDATORY_FIELD', message, field };
  },

  mprnFormat(): Rejection {
    return {
      code: 'MPRN_FORMAT',
      message: 'The MPRN must be a number of 1 to 10 digits.',
      field: 'mprn',
    };
  },

  mprnNotFound(mprn: string, checkDigitsLookValid: boolean): Rejection {
    // PD: the check digits are only a typo hint, added to the message, never a reason of their own.
    const hint = checkDigitsLookValid ? '' : ' Its check digits also look wrong: please check it for a typing mistake.';
    return {
      code: 'MPRN_NOT_FOUND',
      message: `MPRN ${mprn} is not in the meter point register.${hint} ${NEW_METER_POINT_GUIDANCE}`,
      field: 'mprn',
    };
  },

  mprnExtinct(mprn: string): Rejection {
    return {
      code: 'MPRN_EXTINCT',
      message: `Meter point ${mprn} is Extinct, so a DTL or ISO contact cannot change it. ${NEW_METER_POINT_GUIDANCE}`,
      field: 'mprn',
    };
  },

  statusNotDead(mprn: string, status: string): Rejection {
    return {
      code: 'STATUS_NOT_DEAD',
      message: `A Dead to Live contact needs a Dead meter point, but meter point ${mprn} is ${status}.`,
      field: 'mprn',
    };
  },

  statusAlreadyDead(mprn: string): Rejection {
    return {
      code: 'STATUS_ALREADY_DEAD',
      message: `Meter point ${mprn} is already Dead, so an isolation contact cannot set it Dead.`,
      field: 'mprn',
    };
  },

  statusNotCappedOrClamped(mprn: string, status: string): Rejection {
    return {
      code: 'STATUS_NOT_CAPPED_OR_CLAMPED',
      message:
        `An isolation contact can set a meter point Live only when it is Capped or Clamped, ` +
        `but meter point ${mprn} is ${status}.`,
      field: 'mprn',
    };
  },

  notRegisteredShipper(mprn: string): Rejection {
    // The registered shipper is not named: who supplies a meter point is not the caller's business.
    return {
      code: 'NOT_REGISTERED_SHIPPER',
      message:
        `Your organisation is not the registered shipper of meter point ${mprn}; ` +
        `only the registered shipper may raise this contact.`,
    };
  },

  openContactExists(mprn: string, openContact: OpenContact): Rejection {
    // Its CRN is for those involved in it only (docs/domain.md, Transparency). To anyone else the
    // rule says only that one is open, and the logging rules list it for them only when they are
    // otherwise entitled to raise a contact on the meter point (mayLearnOfOpenContact).
    const message = openContact.visibleToOriginator
      ? `Contact ${openContact.crn} is already open for MPRN ${mprn}. ` +
        `Only one DTL or ISO contact may be open per MPRN: follow that contact instead.`
      : `A contact raised by another organisation is already open for MPRN ${mprn}. ` +
        `Only one DTL or ISO contact may be open per MPRN; that one is not shown to your organisation.`;
    return { code: 'OPEN_CONTACT_EXISTS', message, field: 'mprn' };
  },

  orgNotPermitted(
    organisationType: OrganisationType,
    type: ContactType,
    permitted: readonly OrganisationType[],
  ): Rejection {
    const who = permitted.length === 0 ? 'no organisation type' : permitted.join(' or ');
    return {
      code: 'ORG_NOT_PERMITTED',
      message: `A ${organisationType} organisation may not raise ${type} contacts; only ${who} may.`,
    };
  },
} as const;
