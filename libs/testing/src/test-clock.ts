import { Clock } from '@cms/service-defaults';

/**
 * A clock a test sets by hand (docs/quality.md: time-driven behaviour through an injected clock,
 * never by sleeping). Hand it to a service with `startServiceUnderTest(definition, { clock })`, or
 * to a use case directly; time stands still until the test moves it.
 */
export class TestClock extends Clock {
  private current: number;

  constructor(start: Date | string = '2026-12-01T09:00:00Z') {
    super();
    this.current = TestClock.instant(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Sets the time, forwards or back. */
  set(instant: Date | string): void {
    this.current = TestClock.instant(instant);
  }

  /** Moves the time on by `ms` milliseconds. */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`A clock advances by 0 ms or more, got ${String(ms)}.`);
    this.current += ms;
  }

  private static instant(value: Date | string): number {
    const time = new Date(value).getTime();
    if (Number.isNaN(time)) throw new RangeError(`Not an instant: ${String(value)}.`);
    return time;
  }
}
