import { decodeSiteVisitCursor, encodeSiteVisitCursor } from './site-visit-list-cursor';

describe('the cursor of the site visit list', () => {
  const position = { dueOn: '2026-12-15', id: '0193a7b0-0000-7000-8000-000000000001' };

  it('holds the position a page ended at', () => {
    expect(decodeSiteVisitCursor(encodeSiteVisitCursor(position))).toEqual(position);
  });

  it.each([
    ['not base64url JSON', 'not-a-cursor'],
    ['another shape', Buffer.from(JSON.stringify({ dueOn: '2026-12-15' })).toString('base64url')],
    ['a date that does not exist', Buffer.from(JSON.stringify(['2026-02-30', position.id])).toString('base64url')],
    ['an id that is not a uuid', Buffer.from(JSON.stringify(['2026-12-15', "1' OR '1'='1"])).toString('base64url')],
  ])('refuses %s with 422 INVALID_CURSOR', (_what, cursor) => {
    expect(() => decodeSiteVisitCursor(cursor)).toThrow(expect.objectContaining({ status: 422, code: 'INVALID_CURSOR' }));
  });
});
