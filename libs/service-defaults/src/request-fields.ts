import { applyDecorators } from '@nestjs/common';
import { ApiParam, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { CRN_PATTERN, MPRN_PATTERN } from '@cms/gas-market';

/**
 * Request fields that every service takes the same way, each documented and validated by one
 * decorator, so that the OpenAPI document cannot promise one thing while validation enforces
 * another (docs/api.md: "The OpenAPI document states every constraint the service enforces").
 * Stacked on a property, decorators run last to first: each list is reversed, so that the checks
 * report in the order written.
 */

/**
 * A body field that may be left out, and is then not validated; null is a value like any other, so
 * refused where the document does not make the field nullable (IsOptional would take null as left out).
 */
export function OptionalField(): PropertyDecorator {
  return ValidateIf((_: unknown, value: unknown) => value !== undefined);
}

/** A UUID as `format: uuid` means it: 32 hex digits in 8-4-4-4-12, any version (the columns are PostgreSQL `uuid`). */
export const UUID_PATTERN = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;

/** A page cursor: base64url, as every list encodes its `nextCursor`. */
export const CURSOR_PATTERN = /^[A-Za-z0-9_-]{1,200}$/;
export const CURSOR_MAX_LENGTH = 200;

/** The years a date this API takes may fall in: 0100 to 9999 (gas-market's calendar dates, and JavaScript's Date, read years below 100 as 19xx). */
const YEAR = '(?:0[1-9][0-9]{2}|[1-9][0-9]{3})';
const MONTH_DAY = '(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])';

/** A calendar day, `YYYY-MM-DD` (whether the day exists in its month, `format: date` says and CalendarDay checks). */
export const CALENDAR_DAY_PATTERN = new RegExp(`^${YEAR}-${MONTH_DAY}$`);

/**
 * An instant, RFC 3339 (`format: date-time`), of a year CALENDAR_DAY_PATTERN takes, without a leap
 * second (a Date cannot hold one), its `T` in capitals (as strict ISO 8601 reads it; `z` it takes
 * in either case). A test holds it to the validation DateTimeParam makes.
 */
export const DATE_TIME_PATTERN = new RegExp(
  `^${YEAR}-${MONTH_DAY}T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]+)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])$`,
);

/**
 * The `cursor` query parameter of a paged list: the `nextCursor` of the previous page, opaque. One
 * of the documented shape that this API did not return (or returned for another list or order) is
 * 422 INVALID_CURSOR.
 */
export function CursorParam(description = '`nextCursor` of the previous page.'): PropertyDecorator {
  return applyDecorators(
    ...[
      ApiPropertyOptional({ description, minLength: 1, maxLength: CURSOR_MAX_LENGTH, pattern: CURSOR_PATTERN.source }),
      IsOptional(),
      IsString(),
      MaxLength(CURSOR_MAX_LENGTH),
      Matches(CURSOR_PATTERN),
    ].reverse(),
  );
}

/**
 * An instant in a query (DATE_TIME_PATTERN) that is also a real instant (strict ISO 8601: no 30
 * February): RFC 3339 alone lets through days a month does not have.
 */
export function DateTimeParam(description: string): PropertyDecorator {
  return applyDecorators(
    ...[
      ApiPropertyOptional({ format: 'date-time', pattern: DATE_TIME_PATTERN.source, description }),
      IsOptional(),
      IsString(),
      Matches(DATE_TIME_PATTERN, { message: '$property must be a date and time, RFC 3339, such as 2026-12-02T09:30:00Z' }),
      IsISO8601({ strict: true }, { message: '$property must be a date and time that exists' }),
    ].reverse(),
  );
}

/** A calendar day that exists, `YYYY-MM-DD` (CALENDAR_DAY_PATTERN, `format: date`): no 30 February, no time of day. */
export function CalendarDay(): PropertyDecorator {
  return applyDecorators(
    ...[
      Matches(CALENDAR_DAY_PATTERN, { message: '$property must be a date, YYYY-MM-DD' }),
      IsISO8601({ strict: true }, { message: '$property must be a date that exists' }),
    ].reverse(),
  );
}

/** A body field holding a calendar day (CalendarDay). */
export function CalendarDayField(options: { description: string; example?: string }): PropertyDecorator {
  return applyDecorators(...[ApiProperty({ format: 'date', pattern: CALENDAR_DAY_PATTERN.source, maxLength: 10, ...options }), CalendarDay()].reverse());
}

/** A calendar day in a query (CalendarDay). */
export function CalendarDayParam(description: string): PropertyDecorator {
  return applyDecorators(...[ApiPropertyOptional({ format: 'date', pattern: CALENDAR_DAY_PATTERN.source, description }), IsOptional(), CalendarDay()].reverse());
}

/** A UUID in a query (UUID_PATTERN). */
export function UuidParam(description: string): PropertyDecorator {
  return applyDecorators(
    ...[ApiPropertyOptional({ format: 'uuid', pattern: UUID_PATTERN.source, description }), IsOptional(), IsString(), Matches(UUID_PATTERN, { message: '$property must be a UUID' })].reverse(),
  );
}

/** A filter of a list that takes one value, `true`; left out, it does not filter. */
export function FlagParam(description: string): PropertyDecorator {
  return applyDecorators(...[ApiPropertyOptional({ type: String, enum: ['true'], description }), IsOptional(), IsIn(['true'])].reverse());
}

/** A text of a query that must match `pattern` (a CRN, an MPRN, an action code). */
export function PatternParam(pattern: RegExp, options: { description?: string; example?: string; maxLength?: number } = {}): PropertyDecorator {
  return applyDecorators(
    ...[
      ApiPropertyOptional({ pattern: pattern.source, ...(options.maxLength === undefined ? {} : { maxLength: options.maxLength }), description: options.description, example: options.example }),
      IsOptional(),
      IsString(),
      ...(options.maxLength === undefined ? [] : [MaxLength(options.maxLength)]),
      Matches(pattern),
    ].reverse(),
  );
}

/** A text of a query of at least one character (a search term). */
export function TextParam(options: { maxLength: number; description?: string; example?: string }): PropertyDecorator {
  return applyDecorators(
    ...[
      ApiPropertyOptional({ minLength: 1, maxLength: options.maxLength, description: options.description, example: options.example }),
      IsOptional(),
      IsString(),
      MinLength(1),
      MaxLength(options.maxLength),
    ].reverse(),
  );
}

/**
 * A path parameter's shape, for the document: a route that takes it answers 404 for a value of
 * another shape, as for one that does not exist (no resource is named by it).
 */
export function ApiPathPattern(name: string, pattern: RegExp, options: { description?: string; example?: string } = {}): MethodDecorator & ClassDecorator {
  return ApiParam({ name, required: true, schema: { type: 'string', pattern: pattern.source }, description: options.description, example: options.example });
}

/** A resource's UUID in the path (ApiPathPattern). */
export function ApiUuidPath(name: string, description?: string): MethodDecorator & ClassDecorator {
  return ApiParam({ name, required: true, schema: { type: 'string', format: 'uuid', pattern: UUID_PATTERN.source }, description });
}

/** A contact's CRN in the path (ApiPathPattern). */
export function ApiCrnPath(): MethodDecorator & ClassDecorator {
  return ApiPathPattern('crn', CRN_PATTERN, { description: 'The contact’s reference number (CRN).', example: 'C000001234' });
}

/** A meter point's MPRN in the path (ApiPathPattern). */
export function ApiMprnPath(): MethodDecorator & ClassDecorator {
  return ApiPathPattern('mprn', MPRN_PATTERN, { description: 'The Meter Point Reference Number: 1 to 10 digits.', example: '3938424403' });
}

/** Whether a path parameter names a resource at all: a UUID (UUID_PATTERN). */
export function isUuid(text: string): boolean {
  return UUID_PATTERN.test(text);
}

/**
 * An email address as this API takes it: a dot-atom local part (RFC 5322 `atext`), `@`, and a
 * domain of two or more labels of 1 to 63 letters, digits and inner hyphens (RFC 1035); at most
 * 254 characters (RFC 5321's forward path). Deliverability is not checked. Stated as a pattern, not `format: email`,
 * whose readings differ from one validator to the next: the pattern is exactly what is enforced.
 */
export const EMAIL_ADDRESS_PATTERN =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
export const EMAIL_ADDRESS_MAX_LENGTH = 254;

/** A body field holding an email address (EMAIL_ADDRESS_PATTERN); `optional`: it may be left out. */
export function EmailAddressField(options: { optional?: boolean; description?: string; example?: string } = {}): PropertyDecorator {
  const documented = {
    pattern: EMAIL_ADDRESS_PATTERN.source,
    maxLength: EMAIL_ADDRESS_MAX_LENGTH,
    description: options.description ?? 'An email address.',
    example: options.example,
  };
  return applyDecorators(
    ...[
      options.optional ? ApiPropertyOptional(documented) : ApiProperty(documented),
      ...(options.optional ? [OptionalField()] : []),
      IsString(),
      MaxLength(EMAIL_ADDRESS_MAX_LENGTH),
      Matches(EMAIL_ADDRESS_PATTERN, { message: '$property must be an email address, such as name@example.com' }),
    ].reverse(),
  );
}
