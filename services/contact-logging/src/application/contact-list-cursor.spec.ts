import { decodeContactCursor, encodeContactCursor, positionOf, type ContactListPosition } from './contact-list-cursor';

const row = { crn: 'C000000042', logged_at: new Date('2026-12-01T09:30:00.123Z'), next_due_on: '2026-12-08' };

function cursorOf(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function refusal(cursor: string, sort: 'loggedAt' | 'dueOn'): unknown {
  try {
    decodeContactCursor(cursor, sort);
  } catch (error) {
    return error;
  }
  throw new Error('the cursor was accepted');
}

describe('contact list cursor', () => {
  it('holds the newest-first position: when the row was logged, to the millisecond, and its CRN', () => {
    const position = positionOf(row, 'loggedAt');
    expect(position).toEqual({ sort: 'loggedAt', loggedAt: row.logged_at, crn: 'C000000042' });
    expect(decodeContactCursor(encodeContactCursor(position), 'loggedAt')).toEqual(position);
  });

  it('holds the soonest-due position: the due date and the CRN, or no date for a contact due on nothing', () => {
    const due = positionOf(row, 'dueOn');
    expect(due).toEqual({ sort: 'dueOn', dueOn: '2026-12-08', crn: 'C000000042' });
    expect(decodeContactCursor(encodeContactCursor(due), 'dueOn')).toEqual(due);

    const dueOnNothing = positionOf({ ...row, next_due_on: null }, 'dueOn');
    expect(dueOnNothing).toEqual({ sort: 'dueOn', dueOn: null, crn: 'C000000042' });
    expect(decodeContactCursor(encodeContactCursor(dueOnNothing), 'dueOn')).toEqual(dueOnNothing);
  });

  it('is opaque to clients: URL-safe text, no JSON or dates in sight', () => {
    const cursor = encodeContactCursor(positionOf(row, 'loggedAt'));
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain('2026');
  });

  it.each<[string, ContactListPosition, 'loggedAt' | 'dueOn']>([
    ['a newest-first cursor given to the soonest-due list', positionOf(row, 'loggedAt'), 'dueOn'],
    ['a soonest-due cursor given to the newest-first list', positionOf(row, 'dueOn'), 'loggedAt'],
  ])('refuses %s with 422 INVALID_CURSOR', (_case, position, sort) => {
    expect(refusal(encodeContactCursor(position), sort)).toMatchObject({ status: 422, code: 'INVALID_CURSOR' });
  });

  it.each([
    ['not base64 of JSON', 'not-a-cursor'],
    ['the older two-part form', cursorOf(['2026-12-01T09:30:00.123Z', 'C000000042'])],
    ['an object', cursorOf({ sort: 'loggedAt' })],
    ['an unknown sort', cursorOf(['priority', '2026-12-01T09:30:00.123Z', 'C000000042'])],
    ['a CRN that is not one', cursorOf(['loggedAt', '2026-12-01T09:30:00.123Z', "C1' OR 1=1"])],
    ['a time that is not one', cursorOf(['loggedAt', 'yesterday', 'C000000042'])],
    ['a time in another form than the API writes', cursorOf(['loggedAt', '2026-12-01', 'C000000042'])],
  ])('refuses a newest-first cursor that is %s', (_case, cursor) => {
    expect(refusal(cursor, 'loggedAt')).toMatchObject({ status: 422, code: 'INVALID_CURSOR' });
  });

  it.each([
    ['a date that does not exist', cursorOf(['dueOn', '2026-02-30', 'C000000042'])],
    ['a time instead of a date', cursorOf(['dueOn', '2026-12-01T00:00:00.000Z', 'C000000042'])],
    ['infinity spelled out', cursorOf(['dueOn', 'infinity', 'C000000042'])],
    ['a number', cursorOf(['dueOn', 20261208, 'C000000042'])],
  ])('refuses a soonest-due cursor whose date is %s', (_case, cursor) => {
    expect(refusal(cursor, 'dueOn')).toMatchObject({ status: 422, code: 'INVALID_CURSOR' });
  });
});
