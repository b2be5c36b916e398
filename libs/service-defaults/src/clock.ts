/**
 * Port: the time. Every rule, use case and timer that depends on the time reads it here, so that
 * tests drive time by setting a clock instead of sleeping (docs/quality.md: time-driven behaviour
 * through an injected clock). The kit provides the system clock; integration tests hand a service a
 * test clock (`TestClock`, libs/testing: `startServiceUnderTest(…, { clock })`).
 */
export abstract class Clock {
  abstract now(): Date;
}

/** The system's time: what every service runs on. */
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
