import {
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { CRN_PATTERN, MPRN_PATTERN } from '@cms/gas-market';

/**
 * The fields the lifecycle events share, each written once so that every event reads a CRN, a user
 * id or a working day the same way. A field decorator here stands for the class-validator rules it
 * applies; the AsyncAPI drift test reads those rules back.
 */
function all(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, property) => decorators.forEach((decorate) => decorate(target, property));
}

/** The contact's CRN (`C` and nine digits): every contact-related event carries it and is keyed by it. */
export const Crn = (): PropertyDecorator => all(IsString(), Matches(CRN_PATTERN));

export const Mprn = (): PropertyDecorator => all(IsString(), Matches(MPRN_PATTERN));

/** An aggregate's id (a clarification, a message, a site visit): a UUID. */
export const Id = (): PropertyDecorator => IsUUID();

export const OrganisationId = (): PropertyDecorator => IsUUID();

/** An organisation, or null where none acted (a timer, or the end of the contact). */
export const OrganisationIdOrNull = (): PropertyDecorator => all(ValidateIf((_, value) => value !== null), IsUUID());

/** A person's User ID, or `client:<clientId>` for a partner system. */
export const UserId = (): PropertyDecorator => all(IsString(), MinLength(1), MaxLength(64));

/** The same, or null where no person acted (a timer, or the end of the contact). */
export const UserIdOrNull = (): PropertyDecorator => all(ValidateIf((_, value) => value !== null), UserId());

/** An instant: ISO 8601 with its offset. */
export const Instant = (): PropertyDecorator => IsISO8601({ strict: true });

/** A calendar day (a due date counted in working days, a visit date): `YYYY-MM-DD`. */
export const CalendarDay = (): PropertyDecorator => all(IsString(), Matches(/^\d{4}-\d{2}-\d{2}$/));

/** A meter point status code: reference data (docs/domain.md "Meter points"), so a short code, not an enum. */
export const StatusCode = (): PropertyDecorator => all(IsString(), Matches(/^[A-Z0-9]{1,4}$/));

/** Text a person wrote (a question, an answer, a reason, notes): at most `maxLength` characters. */
export const Text = (maxLength: number): PropertyDecorator => all(IsString(), MinLength(1), MaxLength(maxLength));

export const OptionalText = (maxLength: number): PropertyDecorator =>
  all(IsOptional(), IsString(), MaxLength(maxLength));

export const OneOf = (values: readonly string[]): PropertyDecorator => IsIn([...values]);

/**
 * Every organisation that may see the contact now (docs/architecture.md "Events": every event names
 * the organisations it concerns); consumers scope alerts and their own copies by it.
 */
export const OrganisationIds = (): PropertyDecorator =>
  all(IsArray(), ArrayMinSize(1), IsUUID('all', { each: true }));

/** How much a person may write in one clarification message, a finding's notes, a resolution note. */
export const MESSAGE_MAX_LENGTH = 4000;

/** A reason or short label a person gives (a withdrawal, a declined visit, a closed thread). */
export const REASON_MAX_LENGTH = 2000;
