import { Rejections } from './rejection';
import { isAbsent, JsonObject, Problems, readText, refuseUnknownFields } from './submitted-value';

/**
 * The person at the originating shipper whom the CDSP and the transporter can reach about the
 * contact (docs/domain.md "Mandatory items": a name, and a telephone number or an email address).
 */
export interface OriginatorContact {
  readonly name: string;
  /** As typed (trimmed); a UK number. Null when only an email address was given. */
  readonly telephone: string | null;
  /** Trimmed. Null when only a telephone number was given. */
  readonly email: string | null;
}

export const ORIGINATOR_CONTACT_FIELDS = ['name', 'telephone', 'email'] as const;

const PATH = 'originatorContact';

/** Characters a typed phone number may hold, and its length as typed (brief: 10 to 16). */
const TELEPHONE_CHARACTERS = /^\+?[0-9 ()-]+$/;
export const TELEPHONE_MIN_LENGTH = 10;
export const TELEPHONE_MAX_LENGTH = 16;

/**
 * A UK number: written nationally (0 then 9 or 10 digits, e.g. 020 7946 0000, 07700 900123) or
 * internationally (+44 or 0044, with or without the "(0)" trunk prefix).
 */
export function isUkTelephoneNumber(text: string): boolean {
  if (text.length < TELEPHONE_MIN_LENGTH || text.length > TELEPHONE_MAX_LENGTH) return false;
  if (!TELEPHONE_CHARACTERS.test(text)) return false;
  const digits = text.replace(/[^0-9]/g, '');
  const international = text.startsWith('+') ? digits : digits.startsWith('0044') ? digits.slice(2) : null;
  let national: string;
  if (international !== null) {
    if (!international.startsWith('44')) return false;
    national = `0${international.slice(2).replace(/^0/, '')}`;
  } else {
    national = digits;
  }
  return /^0[1-9][0-9]{8,9}$/.test(national);
}

/** A simple sane address: something@domain.tld, no spaces, one @. Deliverability is not checked. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
/** RFC 5321 limit on a forward path. */
export const EMAIL_MAX_LENGTH = 254;

export function isSaneEmailAddress(text: string): boolean {
  return text.length <= EMAIL_MAX_LENGTH && EMAIL_SHAPE.test(text);
}

/**
 * Reads the originator's contact details. Missing name → an entry on `originatorContact.name`;
 * neither telephone nor email → one entry on `originatorContact`; a malformed one → an entry on
 * its own field, even when the other is good, because a wrong number is worse than none.
 */
export function readOriginatorContact(
  block: JsonObject,
  nameMaxLength: number,
  problems: Problems,
): OriginatorContact | null {
  refuseUnknownFields(block, ORIGINATOR_CONTACT_FIELDS, PATH, problems);
  const before = problems.length;

  const name = readText(
    block['name'],
    { field: `${PATH}.name`, label: "The originator's contact name", required: true, maxLength: nameMaxLength },
    problems,
  );
  const telephone = readText(
    block['telephone'],
    {
      field: `${PATH}.telephone`,
      label: "The originator's telephone number",
      required: false,
      maxLength: TELEPHONE_MAX_LENGTH,
      shape: {
        matches: isUkTelephoneNumber,
        problem: 'must be a UK telephone number of 10 to 16 characters, such as 020 7946 0000',
      },
    },
    problems,
  );
  const email = readText(
    block['email'],
    {
      field: `${PATH}.email`,
      label: "The originator's email address",
      required: false,
      maxLength: EMAIL_MAX_LENGTH,
      shape: {
        matches: isSaneEmailAddress,
        problem: 'must be an email address, such as name@example.co.uk',
      },
    },
    problems,
  );

  if (isAbsent(block['telephone']) && isAbsent(block['email'])) {
    problems.push(Rejections.mandatoryField(PATH, "The originator's telephone number or email address is required."));
  }

  if (problems.length > before || name === null) return null;
  return { name, telephone, email };
}
