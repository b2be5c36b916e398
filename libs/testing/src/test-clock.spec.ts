import { TestClock } from './test-clock';

describe('a test clock', () => {
  it('stands still until it is set or moved on', () => {
    const clock = new TestClock('2026-12-01T09:00:00Z');
    expect(clock.now()).toEqual(new Date('2026-12-01T09:00:00Z'));
    clock.advance(90_000);
    expect(clock.now()).toEqual(new Date('2026-12-01T09:01:30Z'));
    clock.set('2026-11-30T00:00:00Z');
    expect(clock.now()).toEqual(new Date('2026-11-30T00:00:00Z'));
  });

  it('hands out copies, so a caller cannot move it', () => {
    const clock = new TestClock('2026-12-01T09:00:00Z');
    clock.now().setUTCFullYear(2030);
    expect(clock.now()).toEqual(new Date('2026-12-01T09:00:00Z'));
  });

  it('refuses an instant that is none and a step back in time through advance', () => {
    expect(() => new TestClock('tomorrow')).toThrow(RangeError);
    expect(() => new TestClock().advance(-1)).toThrow(RangeError);
  });
});
