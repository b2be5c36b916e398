import { ProblemException } from './problem.exception';
import { decodeKeysetCursor, encodeKeysetCursor, KeysetConditions, keysetFilter, keysetPage } from './audit-page';

const position = { occurredAt: new Date('2026-11-30T10:15:00.123Z'), id: '9223372036854775807' };

function refusal(cursor: string): ProblemException | undefined {
  try {
    decodeKeysetCursor(cursor);
    return undefined;
  } catch (error) {
    return error as ProblemException;
  }
}

describe('keyset cursor', () => {
  it('gives back the position it was made from', () => {
    const cursor = encodeKeysetCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeKeysetCursor(cursor)).toEqual(position);
  });

  it('refuses any other text with 422 INVALID_CURSOR', () => {
    const made = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
    for (const cursor of [
      'not-a-cursor',
      made({ after: 'x' }),
      made(['not a date', '1']),
      made([position.occurredAt.toISOString(), 1]),
      made([position.occurredAt.toISOString(), '1; DROP TABLE']),
      made([position.occurredAt.toISOString(), '12345678901234567890']),
      // 19 digits, past the largest bigint: the query would fail on it
      made([position.occurredAt.toISOString(), '9223372036854775808']),
    ]) {
      const problem = refusal(cursor);
      expect(problem).toBeInstanceOf(ProblemException);
      expect(problem).toMatchObject({ status: 422, code: 'INVALID_CURSOR' });
    }
  });
});

describe('keysetPage', () => {
  const rows = [1, 2, 3].map((n) => ({ id: String(n), at: new Date(Date.UTC(2026, 10, 30, 12 - n)) }));
  const positionOf = (row: (typeof rows)[number]) => ({ occurredAt: row.at, id: row.id });

  it('answers at most limit items and, when a row more was read, the cursor of the last one', () => {
    const page = keysetPage(rows, 2, positionOf, (row) => row.id);
    expect(page.items).toEqual(['1', '2']);
    expect(decodeKeysetCursor(page.nextCursor!)).toEqual(positionOf(rows[1]));
  });

  it('has no next cursor on the last page', () => {
    expect(keysetPage(rows, 3, positionOf, (row) => row.id)).toEqual({ items: ['1', '2', '3'], nextCursor: null });
    expect(keysetPage([], 3, positionOf, (row) => row.id)).toEqual({ items: [], nextCursor: null });
  });
});

describe('KeysetConditions', () => {
  it('numbers the parameters in order, a repeated placeholder taking the same one, the limit last', () => {
    const where = new KeysetConditions('a.occurred_at', 'a.id');
    where.add('(a.organisation = ? OR ? = ANY (a.visible_to))', 'org');
    where.add('a.action = ?', 'LOGGED');
    where.keyset({ before: position });
    const order = where.newestFirst(51);
    expect(where.where()).toBe('WHERE (a.organisation = $1 OR $1 = ANY (a.visible_to)) AND a.action = $2 AND (a.occurred_at, a.id) < ($3, $4::bigint)');
    expect(order).toBe('ORDER BY a.occurred_at DESC, a.id DESC LIMIT $5');
    expect(where.parameters).toEqual(['org', 'LOGGED', position.occurredAt, position.id, 51]);
  });

  it('bounds the time at or after from and before to, then the position', () => {
    const from = new Date('2026-11-01T00:00:00Z');
    const to = new Date('2026-12-01T00:00:00Z');
    const where = new KeysetConditions('x.at', 'x.id');
    where.add('x.crn = ?', 'C000001234');
    where.keyset({ from, to, before: position });
    expect(where.where()).toBe('WHERE x.crn = $1 AND x.at >= $2 AND x.at < $3 AND (x.at, x.id) < ($4, $5::bigint)');
    expect(where.newestFirst(10)).toBe('ORDER BY x.at DESC, x.id DESC LIMIT $6');
    expect(where.parameters).toEqual(['C000001234', from, to, position.occurredAt, position.id, 10]);
  });

  it('has no WHERE without a condition', () => {
    const where = new KeysetConditions('a.occurred_at', 'a.id');
    where.keyset({});
    expect(where.where()).toBe('');
    expect(where.newestFirst(10)).toBe('ORDER BY a.occurred_at DESC, a.id DESC LIMIT $1');
  });
});

describe('keysetFilter', () => {
  it('reads the time bounds and the cursor, and asks for one row more than the page', () => {
    const cursor = encodeKeysetCursor(position);
    expect(keysetFilter({ from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z', cursor }, 50)).toEqual({
      from: new Date('2026-11-01T00:00:00Z'),
      to: new Date('2026-12-01T00:00:00Z'),
      before: position,
      limit: 51,
    });
    expect(keysetFilter({}, 10)).toEqual({ from: undefined, to: undefined, before: undefined, limit: 11 });
  });

  it('refuses a cursor that is not one of ours', () => {
    expect(() => keysetFilter({ cursor: 'nope' }, 10)).toThrow(ProblemException);
  });
});
