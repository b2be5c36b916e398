import { Inject, Injectable, Module, type Type } from '@nestjs/common';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { integer } from '@cms/config';
import {
  Database,
  PlatformModule,
  TimerRunner,
  Timers,
  Transactions,
  type ServiceDefinition,
  type Timer,
  type TimerHandler,
  type TimerSchedule,
} from '../src';
import { startServiceUnderTest, TestClock, type ServiceUnderTest } from '@cms/testing';

/**
 * The kit's durable timers on a real PostgreSQL: a service that declares one kind of timer, whose
 * handler writes a row in the firing's transaction (as a lifecycle handler records its events) and
 * fails on purpose while the timer's payload says so. Time is a TestClock; the runners' own polling
 * is set to an hour, so that only `fireDue()` fires, except in the test of the polling itself.
 */
class CreateTimerEffect1796169600001 implements MigrationInterface {
  name = 'CreateTimerEffect1796169600001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE timer_effect (
        id        bigserial PRIMARY KEY,
        kind      text    NOT NULL,
        key       text    NOT NULL,
        attempts  integer NOT NULL,
        payload   jsonb   NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE timer_effect');
  }
}

const REMINDER = 'test.reminder';

@Injectable()
class RecordingHandler implements TimerHandler {
  constructor(@Inject(Database) private readonly database: Database) {}

  async fire(timer: Timer): Promise<void> {
    await this.database.query('INSERT INTO timer_effect (kind, key, attempts, payload) VALUES ($1, $2, $3, $4)', [
      timer.kind,
      timer.key,
      timer.attempts,
      JSON.stringify(timer.payload),
    ]);
    const failures = Number(timer.payload.failures ?? 0);
    if (timer.attempts < failures) throw new Error(`failing on purpose, attempt ${timer.attempts + 1} of ${failures}`);
  }
}

const settings = { PORT: integer({ default: 0, min: 0, max: 65_535 }) };

const timersTestService: ServiceDefinition<typeof settings> = {
  name: 'timers-test',
  title: 'Timers test service',
  description: 'A service with one kind of durable timer',
  settings,
  module: (config, logger): Type<unknown> => {
    @Module({
      imports: [
        PlatformModule.forRoot(config, {
          service: 'timers-test',
          catalogueTopics: { produces: [], consumes: [] },
          logger,
          migrations: [CreateTimerEffect1796169600001],
          timers: [{ kind: REMINDER, handler: RecordingHandler }],
        }),
      ],
      providers: [RecordingHandler],
    })
    class TimersTestModule {}
    return TimersTestModule;
  },
};

const HOUR = 3_600_000;
const DUE = new Date('2026-12-08T00:00:00Z');

describe('durable timers', () => {
  const clock = new TestClock('2026-12-01T09:00:00Z');
  const env = { TIMER_POLL_INTERVAL_MS: String(HOUR), TIMER_MAX_RETRY_DELAY_MS: String(4 * HOUR) };
  let service: ServiceUnderTest;

  function start(options: { databaseUrl?: string; env?: Record<string, string> } = {}): Promise<ServiceUnderTest> {
    return startServiceUnderTest(timersTestService, {
      databaseName: 'timers',
      clock,
      databaseUrl: options.databaseUrl,
      env: { ...env, ...options.env },
    });
  }

  function schedule(on: ServiceUnderTest, ...timers: TimerSchedule[]): Promise<void> {
    return on.app.get(Transactions).run(async () => {
      for (const timer of timers) await on.app.get(Timers).schedule(timer);
    });
  }

  const reminder = (key: string, dueAt = DUE, payload: Record<string, unknown> = {}): TimerSchedule => ({
    kind: REMINDER,
    key,
    dueAt,
    payload,
  });
  const fireDue = (on = service) => on.app.get(TimerRunner).fireDue();
  const effects = (key: string) =>
    service.sql<{ attempts: number; payload: Record<string, unknown> }>(
      'SELECT attempts, payload FROM timer_effect WHERE key = $1 ORDER BY id',
      [key],
    );

  beforeAll(async () => {
    service = await start();
  });

  afterEach(async () => {
    await service.sql('DELETE FROM timer');
    await service.sql('DELETE FROM timer_effect');
  });

  afterAll(async () => {
    await service?.close();
  });

  it('fires a timer once it is due, not before, and once only', async () => {
    await schedule(service, reminder('CRN-1', DUE, { crn: 'CRN-1' }));

    clock.set(new Date(DUE.getTime() - 1));
    const early = await fireDue();
    clock.set(DUE);
    const due = await fireDue();
    const again = await fireDue();

    expect([early, due, again]).toEqual([
      { fired: 0, failed: 0 },
      { fired: 1, failed: 0 },
      { fired: 0, failed: 0 },
    ]);
    expect(await effects('CRN-1')).toEqual([{ attempts: 0, payload: { crn: 'CRN-1' } }]);
    expect(await service.sql('SELECT * FROM timer')).toEqual([]);
  });

  it('never fires a timer set in a transaction that rolled back', async () => {
    const transaction = service.app.get(Transactions).run(async () => {
      await service.app.get(Timers).schedule(reminder('CRN-2'));
      throw new Error('the domain change failed');
    });
    await expect(transaction).rejects.toThrow('the domain change failed');

    clock.set(new Date(DUE.getTime() + HOUR));
    expect(await fireDue()).toEqual({ fired: 0, failed: 0 });
    expect(await effects('CRN-2')).toEqual([]);
  });

  it('sets timers only inside a transaction, and only of a declared kind', async () => {
    await expect(service.app.get(Timers).schedule(reminder('CRN-3'))).rejects.toThrow(/inside Transactions.run/);
    await expect(schedule(service, { ...reminder('CRN-3'), kind: 'test.undeclared' })).rejects.toThrow(
      /No timer of kind "test.undeclared"/,
    );
    expect(await service.sql('SELECT * FROM timer')).toEqual([]);
  });

  it('moves a timer set again to its new due time and payload', async () => {
    const later = new Date(DUE.getTime() + 2 * HOUR);
    await schedule(service, reminder('CRN-4', DUE, { version: 1 }));
    await schedule(service, reminder('CRN-4', later, { version: 2 }));

    clock.set(DUE);
    const atFirstDueTime = await fireDue();
    clock.set(later);
    const atNewDueTime = await fireDue();

    expect([atFirstDueTime.fired, atNewDueTime.fired]).toEqual([0, 1]);
    expect(await effects('CRN-4')).toEqual([{ attempts: 0, payload: { version: 2 } }]);
  });

  it('sets a timer if absent, leaving one already set as it was', async () => {
    const later = new Date(DUE.getTime() + 2 * HOUR);
    const ifAbsent = (timer: TimerSchedule) => service.app.get(Transactions).run(() => service.app.get(Timers).scheduleIfAbsent(timer));
    const first = await ifAbsent(reminder('CRN-9', DUE, { version: 1 }));
    const second = await ifAbsent(reminder('CRN-9', later, { version: 2 }));
    await expect(service.app.get(Timers).scheduleIfAbsent(reminder('CRN-10'))).rejects.toThrow(/inside Transactions.run/);

    clock.set(DUE);
    expect([first, second]).toEqual([true, false]);
    expect(await fireDue()).toEqual({ fired: 1, failed: 0 });
    expect(await effects('CRN-9')).toEqual([{ attempts: 0, payload: { version: 1 } }]);
  });

  it('never fires a cancelled timer', async () => {
    await schedule(service, reminder('CRN-5'), reminder('CRN-6'));

    const cancel = (key: string) =>
      service.app.get(Transactions).run(() => service.app.get(Timers).cancel(REMINDER, key));
    const cancelled = await cancel('CRN-5');
    const cancelledAgain = await cancel('CRN-5');
    clock.set(DUE);
    const firing = await fireDue();

    expect([cancelled, cancelledAgain]).toEqual([true, false]);
    expect(firing).toEqual({ fired: 1, failed: 0 });
    expect(await effects('CRN-5')).toEqual([]);
    expect(await effects('CRN-6')).toHaveLength(1);
  });

  it('retries a failing handler later, with backoff and its error recorded, keeping nothing of a failed try and holding back no other timer', async () => {
    await schedule(service, reminder('CRN-7', DUE, { failures: 2 }), reminder('CRN-8'));
    const stored = async () =>
      (
        await service.sql<{ attempts: number; last_error: string; next_attempt_at: Date }>(
          'SELECT attempts, last_error, next_attempt_at FROM timer WHERE key = $1',
          ['CRN-7'],
        )
      )[0];

    clock.set(DUE);
    const first = await fireDue();
    const afterFirst = await stored();
    const tooSoon = await fireDue(); // same time: the retry waits one poll interval
    clock.set(new Date(DUE.getTime() + HOUR));
    const second = await fireDue();
    const afterSecond = await stored();
    clock.set(new Date(DUE.getTime() + 3 * HOUR)); // the second retry waits twice as long
    const third = await fireDue();

    expect([first, tooSoon, second, third]).toEqual([
      { fired: 1, failed: 1 },
      { fired: 0, failed: 0 },
      { fired: 0, failed: 1 },
      { fired: 1, failed: 0 },
    ]);
    expect(afterFirst).toEqual({
      attempts: 1,
      last_error: 'Error: failing on purpose, attempt 1 of 2',
      next_attempt_at: new Date(DUE.getTime() + HOUR),
    });
    expect(afterSecond).toMatchObject({ attempts: 2, next_attempt_at: new Date(DUE.getTime() + 3 * HOUR) });
    // The failed tries' writes were rolled back with them; the one that succeeded knew of 2 failures.
    expect(await effects('CRN-7')).toEqual([{ attempts: 2, payload: { failures: 2 } }]);
    expect(await effects('CRN-8')).toHaveLength(1);
    expect(await stored()).toBeUndefined();
  });

  it('fires each of many timers exactly once with two replicas on one database', async () => {
    const keys = Array.from({ length: 200 }, (_, index) => `MANY-${index}`);
    await schedule(service, ...keys.map((key) => reminder(key)));
    const replica = await start({ databaseUrl: service.databaseUrl });
    try {
      clock.set(DUE);
      const [one, other] = await Promise.all([fireDue(service), fireDue(replica)]);

      expect(one.fired + other.fired).toBe(keys.length);
      expect(one.failed + other.failed).toBe(0);
      const fired = await service.sql<{ key: string; times: number }>(
        'SELECT key, count(*)::int AS times FROM timer_effect GROUP BY key ORDER BY key',
      );
      expect(fired).toEqual(keys.sort().map((key) => ({ key, times: 1 })));
    } finally {
      await replica.close();
    }
  });

  it('loses no timer to a restart between setting and firing', async () => {
    const first = await start();
    const keys = ['CRN-10', 'CRN-11', 'CRN-12'];
    await schedule(first, ...keys.map((key) => reminder(key)));
    await first.close();

    const restarted = await start({ databaseUrl: first.databaseUrl });
    try {
      clock.set(DUE);
      const firing = await fireDue(restarted);

      expect(firing).toEqual({ fired: 3, failed: 0 });
      expect(await restarted.sql('SELECT key FROM timer_effect ORDER BY key')).toEqual(keys.map((key) => ({ key })));
    } finally {
      await restarted.close();
    }
  });

  it('fires due timers by itself, polling at its interval', async () => {
    const polling = await start({ env: { TIMER_POLL_INTERVAL_MS: '100' } });
    try {
      clock.set(DUE);
      await schedule(polling, reminder('CRN-13'));

      const effectsSeen = await waitFor(async () => (await polling.sql('SELECT key FROM timer_effect')).length > 0);

      expect(effectsSeen).toBe(true);
      expect(await polling.sql('SELECT key FROM timer')).toEqual([]);
    } finally {
      await polling.close();
    }
  });
});

/** True once `condition` holds, false if it still does not after 10 s (the runner's own loop is what is awaited). */
async function waitFor(condition: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}
