import { plainToInstance } from 'class-transformer';
import { IsString, validateSync } from 'class-validator';
import { CALENDAR_DAY_PATTERN, CalendarDayParam, CURSOR_PATTERN, CursorParam, DATE_TIME_PATTERN, DateTimeParam, EMAIL_ADDRESS_PATTERN, EmailAddressField, OptionalField, UUID_PATTERN, UuidParam } from './request-fields';

class Query {
  @DateTimeParam('From.') from?: string;
  @CalendarDayParam('Due from.') dueFrom?: string;
  @UuidParam('An organisation.') organisationId?: string;
  @CursorParam() cursor?: string;
}

class Body {
  @EmailAddressField() email!: string;
  @OptionalField() @IsString() note?: string;
}

const accepts = (field: keyof Query, value: unknown) => validateSync(plainToInstance(Query, { [field]: value })).length === 0;

/**
 * The document states each field by a pattern (and a format); validation must take exactly what
 * the pattern and the format allow, or the document is looser or stricter than the service.
 */
describe('request fields: what the document states is what validation takes', () => {
  it('takes an RFC 3339 instant of a year from 0100, with a capital T, no leap second, on a day that exists', () => {
    const valid = ['2026-12-02T10:00:00Z', '0100-01-01T00:00:00Z', '9999-12-31T23:59:59.999999+23:59', '2024-02-29T00:00:00-00:00', '2026-12-02T10:00:00z'];
    const outsideThePattern = ['2026-12-02t10:00:00Z', '0099-12-31T00:00:00Z', '2026-12-02T10:00:60Z', '2026-12-02 10:00:00Z', '2026-12-02', '2026-12-02T24:00:00Z', '2026-12-02T10:00:00+24:00'];
    // Of the pattern's shape, but no such day: `format: date-time` refuses them too.
    const noSuchDay = ['2026-02-30T00:00:00Z', '2025-02-29T12:00:00Z', '2026-04-31T00:00:00Z'];
    for (const value of valid) expect({ value, pattern: DATE_TIME_PATTERN.test(value), accepted: accepts('from', value) }).toEqual({ value, pattern: true, accepted: true });
    for (const value of outsideThePattern) expect({ value, pattern: DATE_TIME_PATTERN.test(value), accepted: accepts('from', value) }).toEqual({ value, pattern: false, accepted: false });
    for (const value of noSuchDay) expect({ value, pattern: DATE_TIME_PATTERN.test(value), accepted: accepts('from', value) }).toEqual({ value, pattern: true, accepted: false });
  });

  it('takes a calendar day of a year from 0100 that exists', () => {
    for (const value of ['2024-02-29', '0100-01-01', '9999-12-31']) expect({ value, pattern: CALENDAR_DAY_PATTERN.test(value), accepted: accepts('dueFrom', value) }).toEqual({ value, pattern: true, accepted: true });
    for (const value of ['0099-01-01', '2026-1-01', '2026-01-01T00:00:00Z', '2026-13-01']) expect({ value, pattern: CALENDAR_DAY_PATTERN.test(value), accepted: accepts('dueFrom', value) }).toEqual({ value, pattern: false, accepted: false });
    for (const value of ['2026-02-30', '2025-02-29']) expect({ value, pattern: CALENDAR_DAY_PATTERN.test(value), accepted: accepts('dueFrom', value) }).toEqual({ value, pattern: true, accepted: false });
  });

  it('takes a UUID of any version and a cursor of the documented shape, as their patterns say', () => {
    for (const value of ['00000000-0000-0000-0000-000000000000', 'E3E70682-C209-CCAC-029F-6FBED82C07CD', 'e3e70682-c209-1cac-a29f-6fbed82c07cd', 'not-a-uuid', 'e3e70682c2091caca29f6fbed82c07cd']) {
      expect({ value, accepted: accepts('organisationId', value) }).toEqual({ value, accepted: UUID_PATTERN.test(value) });
    }
    for (const value of ['abc_-09', 'x'.repeat(200), 'x'.repeat(201), '', 'has space', 'plus+']) {
      expect({ value, accepted: accepts('cursor', value) }).toEqual({ value, accepted: CURSOR_PATTERN.test(value) });
    }
  });

  it('refuses an email address with a domain label past 63 characters, as DNS does', () => {
    expect(EMAIL_ADDRESS_PATTERN.test(`a@${'b'.repeat(63)}.example`)).toBe(true);
    expect(EMAIL_ADDRESS_PATTERN.test(`a@${'b'.repeat(64)}.example`)).toBe(false);
    expect(EMAIL_ADDRESS_PATTERN.test('a@b')).toBe(false);
    expect(validateSync(plainToInstance(Body, { email: 'a..b@c.io' })).map((error) => error.property)).toEqual(['email']);
  });

  it('leaves out an optional field left out, and refuses null for it (the document does not make it nullable)', () => {
    expect(validateSync(plainToInstance(Body, { email: 'a@b.io' }))).toEqual([]);
    expect(validateSync(plainToInstance(Body, { email: 'a@b.io', note: null })).length).toBeGreaterThan(0);
  });
});
