import { entityTag, staleVersion, versionFromIfMatch } from './entity-version';

describe('versions over If-Match', () => {
  it('reads the one strong ETag it sent', () => {
    expect(versionFromIfMatch(entityTag(7))).toBe(7);
    expect(versionFromIfMatch(' "12" ')).toBe(12);
  });

  it('answers 428 PRECONDITION_REQUIRED without one', () => {
    expect(() => versionFromIfMatch(undefined)).toThrow(expect.objectContaining({ status: 428, code: 'PRECONDITION_REQUIRED' }));
    expect(() => versionFromIfMatch('  ')).toThrow(expect.objectContaining({ status: 428 }));
  });

  it.each(['*', 'W/"3"', '"3", "4"', '3', '"abc"', '"1234567890"'])('answers 400 INVALID_IF_MATCH to %s', (header) => {
    expect(() => versionFromIfMatch(header)).toThrow(expect.objectContaining({ status: 400, code: 'INVALID_IF_MATCH' }));
  });

  it('says what changed when stale', () => {
    expect(staleVersion(2, 3)).toMatchObject({ status: 412, code: 'STALE_VERSION', detail: 'You sent version 2; it is at version 3 now. Read it again and decide on what it says now.' });
  });
});
