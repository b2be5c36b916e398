import { Inject, Injectable, type Type } from '@nestjs/common';
import { Clock } from './clock';
import { CreateTimer1796169600000 } from './timers-2026-12-02-create-timer.migration';
import { Database } from './transactions';

/**
 * Durable timers: "at this time, do this", kept in the service's own database, fired once across
 * all its replicas, surviving restarts (a due date, a reminder one working day before it, an
 * auto-closure: docs/domain.md "Time limits").
 *
 * Why a table of our own and not pg-boss (installed, and a fine job queue), decided on four needs:
 * - A timer is scheduled in the transaction of the domain change that causes it (`Transactions`,
 *   `Database.manager`): here it is one upsert on the same EntityManager. pg-boss can be handed an
 *   executor per call, but keeps its own schema, migrations and connections beside TypeORM's.
 * - Tests drive time with the kit's injected `Clock` and never sleep: here "due" is compared with
 *   `clock.now()`, passed into the query. pg-boss compares with the database's time (its job_now()
 *   SQL function); its TestClock swaps that function's body in the database and is a second clock,
 *   with timers of its own, for tests to drive beside the kit's.
 * - Firing runs the handler and removes the timer in one transaction, so the handler's state changes
 *   and events (EventOutbox) commit with it or not at all: here claim, handler and delete share one
 *   transaction. pg-boss commits its fetch (the job turns active) before the handler runs, and a
 *   crash leaves the job active until it expires.
 * - A timer is rescheduled or cancelled by its natural key (kind, key): here the primary key.
 * The cost is one table and one polling loop (TimerRunner), written once in the kit.
 */

/** What a timer carries to its handler: a small JSON object (ids, the due date it was set for). */
export type TimerPayload = Record<string, unknown>;

export interface TimerSchedule<P extends TimerPayload = TimerPayload> {
  /** What the timer is for, e.g. `contact.due-reminder`: picks its handler (`timers` of PlatformModule.forRoot). */
  kind: string;
  /** Which one, e.g. the CRN: one timer per (kind, key); scheduling it again moves it. */
  key: string;
  /** When it fires: at the first poll at or after this instant by the service's Clock. */
  dueAt: Date;
  payload: P;
}

/** A timer as its handler gets it. */
export interface Timer<P extends TimerPayload = TimerPayload> extends TimerSchedule<P> {
  /** Failed firings so far (0 at the first). */
  attempts: number;
}

/**
 * Port (for use cases): sets and cancels durable timers, in the transaction in progress
 * (`Transactions.run`), which is required: a timer without the state change that set it, or the
 * reverse, is never committed.
 */
export abstract class Timers {
  /** Sets the timer (kind, key), or moves it (new due time and payload, failures forgotten) if it is set. */
  abstract schedule<P extends TimerPayload>(timer: TimerSchedule<P>): Promise<void>;
  /** Sets the timer (kind, key) unless it is set already, which it leaves as it is; true if it set it. */
  abstract scheduleIfAbsent<P extends TimerPayload>(timer: TimerSchedule<P>): Promise<boolean>;
  /** Cancels the timer (kind, key); true if it was set. */
  abstract cancel(kind: string, key: string): Promise<boolean>;
}

/**
 * What a service writes to act on a timer. `fire` runs inside the transaction that removes the
 * timer, so repositories and the outbox used here commit with it; if it throws, nothing of it is
 * kept and the timer is fired again later (TimerRunner). A timer says "look now", not "this is
 * still true": the handler reads the state it acts on (a contact resolved since is left alone).
 * Keep it to database work: the transaction is bounded by the kit's statement and idle timeouts.
 */
export interface TimerHandler<P extends TimerPayload = TimerPayload> {
  fire(timer: Timer<P>): Promise<void>;
}

/** A kind of timer a service declares in `PlatformModule.forRoot(…, { timers })`. */
export interface TimerDeclaration {
  kind: string;
  /** A provider of the service's module (listed in its `providers`). */
  handler: Type<TimerHandler>;
}

export const TIMER_DECLARATIONS = Symbol('TIMER_DECLARATIONS');

/** Added to a service's migrations when it declares timers. */
export const timerMigrations = [CreateTimer1796169600000];

/** Refuses declarations the runner could not serve: a kind twice, or a blank kind. */
export function checkTimerDeclarations(declarations: readonly TimerDeclaration[]): void {
  const kinds = new Set<string>();
  for (const { kind } of declarations) {
    if (kind.trim() === '') throw new Error('A timer kind must not be blank.');
    if (kinds.has(kind)) throw new Error(`Timer kind ${JSON.stringify(kind)} is declared twice.`);
    kinds.add(kind);
  }
}

const UPSERT_TIMER = `
  INSERT INTO timer (kind, key, due_at, payload, scheduled_at, next_attempt_at)
  VALUES ($1, $2, $3, $4, $5, $3)
  ON CONFLICT (kind, key) DO UPDATE
     SET due_at = EXCLUDED.due_at,
         payload = EXCLUDED.payload,
         scheduled_at = EXCLUDED.scheduled_at,
         next_attempt_at = EXCLUDED.next_attempt_at,
         attempts = 0,
         last_error = NULL,
         last_failed_at = NULL`;

const INSERT_TIMER_IF_ABSENT = `
  WITH inserted AS (
    INSERT INTO timer (kind, key, due_at, payload, scheduled_at, next_attempt_at)
    VALUES ($1, $2, $3, $4, $5, $3)
    ON CONFLICT (kind, key) DO NOTHING
    RETURNING 1
  )
  SELECT count(*)::int AS inserted FROM inserted`;

const DELETE_TIMER = `
  WITH deleted AS (DELETE FROM timer WHERE kind = $1 AND key = $2 RETURNING 1)
  SELECT count(*)::int AS deleted FROM deleted`;

/** `Timers` on the service's `timer` table, through the transaction in progress. */
@Injectable()
export class TransactionalTimers extends Timers {
  private readonly kinds: ReadonlySet<string>;

  constructor(
    @Inject(TIMER_DECLARATIONS) declarations: TimerDeclaration[],
    @Inject(Database) private readonly database: Database,
    @Inject(Clock) private readonly clock: Clock,
  ) {
    super();
    this.kinds = new Set(declarations.map((declaration) => declaration.kind));
  }

  async schedule<P extends TimerPayload>(timer: TimerSchedule<P>): Promise<void> {
    await this.database.query(UPSERT_TIMER, this.row(timer));
  }

  async scheduleIfAbsent<P extends TimerPayload>(timer: TimerSchedule<P>): Promise<boolean> {
    const [{ inserted }] = await this.database.query<{ inserted: number }>(INSERT_TIMER_IF_ABSENT, this.row(timer));
    return inserted > 0;
  }

  async cancel(kind: string, key: string): Promise<boolean> {
    this.check(kind, key);
    const [{ deleted }] = await this.database.query<{ deleted: number }>(DELETE_TIMER, [kind, key]);
    return deleted > 0;
  }

  /** The timer's row as both statements take it, once checked. */
  private row(timer: TimerSchedule): unknown[] {
    this.check(timer.kind, timer.key);
    if (!(timer.dueAt instanceof Date) || Number.isNaN(timer.dueAt.getTime())) {
      throw new TypeError(`Timer ${timer.kind} ${timer.key}: dueAt is not a valid Date.`);
    }
    return [timer.kind, timer.key, timer.dueAt, JSON.stringify(timer.payload), this.clock.now()];
  }

  private check(kind: string, key: string): void {
    if (!this.kinds.has(kind)) {
      throw new Error(
        `No timer of kind ${JSON.stringify(kind)} is declared: add it to PlatformModule.forRoot's timers.`,
      );
    }
    if (key === '') throw new Error(`Timer ${kind}: the key must not be empty.`);
    if (!this.database.inTransaction) {
      throw new Error(
        `Timer ${kind} ${key}: timers are set and cancelled inside Transactions.run, with the change that causes them.`,
      );
    }
  }
}
