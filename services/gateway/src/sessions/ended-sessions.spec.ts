import { EndedSessions } from './ended-sessions';

describe('EndedSessions', () => {
  const minute = 60_000;
  let now: number;
  let sessions: EndedSessions;

  beforeEach(() => {
    now = Date.parse('2026-11-23T12:00:00Z');
    sessions = new EndedSessions(6 * minute, () => now);
  });

  it('refuses an ended session from the moment it is recorded, and no other', () => {
    sessions.record({ sessionIds: ['s1', 's2'], endedAt: new Date(now).toISOString() });

    expect(sessions.hasEnded('s1')).toBe(true);
    expect(sessions.hasEnded('s2')).toBe(true);
    expect(sessions.hasEnded('s3')).toBe(false);
    expect(sessions.hasEnded(undefined)).toBe(false);
  });

  it('forgets a session once every token it had has expired', () => {
    sessions.record({ sessionIds: ['s1'], endedAt: new Date(now).toISOString() });

    now += 6 * minute - 1;
    expect(sessions.hasEnded('s1')).toBe(true);
    now += 1;
    expect(sessions.hasEnded('s1')).toBe(false);
    expect(sessions.size).toBe(0);
  });

  it('does not take in an end older than any token (a gateway starting reads the whole topic)', () => {
    sessions.record({ sessionIds: ['old'], endedAt: new Date(now - 7 * minute).toISOString() });

    expect(sessions.size).toBe(0);
    expect(sessions.hasEnded('old')).toBe(false);
  });

  it('keeps a session ended twice until the later end is past', () => {
    sessions.record({ sessionIds: ['s1'], endedAt: new Date(now).toISOString() });
    sessions.record({ sessionIds: ['s1'], endedAt: new Date(now - 3 * minute).toISOString() });

    now += 5 * minute;
    expect(sessions.hasEnded('s1')).toBe(true);
  });

  it('drops sessions past their time as it goes, so memory stays bounded', () => {
    for (let index = 0; index < 999; index += 1) sessions.record({ sessionIds: [`s${index}`], endedAt: new Date(now).toISOString() });
    now += 6 * minute;

    sessions.record({ sessionIds: ['fresh'], endedAt: new Date(now).toISOString() });

    expect(sessions.size).toBe(1);
  });

  it('tells its listeners of each end it records (the proxy ends their open streams), not of one whose tokens have all expired', () => {
    const told: (readonly string[])[] = [];
    sessions.onEnded((sessionIds) => told.push(sessionIds));

    sessions.record({ sessionIds: ['s1', 's2'], endedAt: new Date(now).toISOString() });
    sessions.record({ sessionIds: ['old'], endedAt: new Date(now - 60 * minute).toISOString() });

    expect(told).toEqual([['s1', 's2']]);
  });
});
