import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Logger } from 'pino';
import { Clock } from './clock';
import { PLATFORM_LOGGER } from './event-consumers';
import { TIMER_DECLARATIONS, type Timer, type TimerDeclaration, type TimerHandler, type TimerPayload } from './timers';
import { timerFailures, timerLatenessSeconds } from './timers.metrics';
import { Database, Transactions } from './transactions';

export interface TimerRunnerOptions {
  /** How often each replica looks for due timers (TIMER_POLL_INTERVAL_MS). */
  pollIntervalMs: number;
  /**
   * Longest wait before a failed timer is fired again (TIMER_MAX_RETRY_DELAY_MS). The first retry
   * waits one poll interval, each next one twice as long as the one before, up to this.
   */
  maxRetryDelayMs: number;
}

export const TIMER_RUNNER_OPTIONS = Symbol('TIMER_RUNNER_OPTIONS');

/** What one pass fired. */
export interface TimerFiring {
  /** Timers whose handler ran and committed. */
  fired: number;
  /** Timers whose handler failed: each is kept, with its error, for a later try. */
  failed: number;
}

/** The wait before firing again a timer whose handler has now failed `attempts` times (1 or more). */
export function timerRetryDelayMs(attempts: number, options: TimerRunnerOptions): number {
  const doublings = Math.min(Math.max(attempts - 1, 0), 30);
  return Math.min(options.pollIntervalMs * 2 ** doublings, options.maxRetryDelayMs);
}

// A pass ends after this many firings and the next starts at once: a handler that keeps setting its
// own timer due again cannot hold a pass for ever.
const MAX_FIRINGS_PER_PASS = 1_000;

interface TimerRow {
  kind: string;
  key: string;
  due_at: Date;
  payload: TimerPayload;
  attempts: number;
}

/**
 * The next due timer no other transaction holds, locked for this one: with several replicas each
 * claims different timers (SKIP LOCKED), and a claimed timer stays claimed until its firing commits
 * or rolls back. Only declared kinds: a replica running older code leaves a new kind to the others.
 */
const CLAIM_DUE_TIMER = `
  SELECT kind, key, due_at, payload, attempts
    FROM timer
   WHERE kind = ANY($1::text[]) AND next_attempt_at <= $2
   ORDER BY next_attempt_at
   LIMIT 1
     FOR UPDATE SKIP LOCKED`;

const DELETE_FIRED_TIMER = 'DELETE FROM timer WHERE kind = $1 AND key = $2';

const RECORD_FAILED_FIRING = `
  UPDATE timer
     SET attempts = attempts + 1, last_error = $3, last_failed_at = $4, next_attempt_at = $5
   WHERE kind = $1 AND key = $2`;

function describeFailure(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 2_000);
}

/**
 * Fires the service's due timers (timers.ts), polling every `pollIntervalMs` while the service
 * runs; tests call `fireDue()` after setting their clock.
 *
 * Each timer fires in a transaction of its own: claim it (CLAIM_DUE_TIMER), delete it, run its
 * handler, commit. So a timer fires once across replicas (the row lock), its handler's writes and
 * events commit with its removal or not at all, and a restart loses nothing (an unfired timer is a
 * row; a firing cut short rolls back and is claimed again). The delete comes before the handler so
 * that a handler may set the same timer again.
 *
 * A handler that throws: its writes are rolled back (to a savepoint taken after the claim), and in
 * the same transaction, still holding the row, the timer is charged a failed attempt with the error
 * (`last_error`) and put back for later (timerRetryDelayMs), so no other replica fires it at once.
 * It is never given up (a time limit must not silently lapse) and never holds back the others: they
 * are claimed in order of their next attempt. `cms_timer_failures_total` and the due-timer gauges
 * (read at each scrape of /metrics, platform.metrics.ts) show one that keeps failing.
 */
@Injectable()
export class TimerRunner {
  private readonly kinds: string[];
  private readonly handlers = new Map<string, TimerHandler>();
  /** Set while polling; aborted to stop. */
  private polling?: AbortController;
  private loop?: Promise<void>;

  constructor(
    @Inject(TIMER_DECLARATIONS) private readonly declarations: TimerDeclaration[],
    @Inject(TIMER_RUNNER_OPTIONS) private readonly options: TimerRunnerOptions,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(Database) private readonly database: Database,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
    private readonly moduleRef: ModuleRef,
  ) {
    this.kinds = declarations.map((declaration) => declaration.kind);
  }

  /** Starts polling (when the service declares timers); a handler that is not a provider stops the start. */
  start(): void {
    if (this.polling || this.kinds.length === 0) return;
    for (const kind of this.kinds) this.handlerFor(kind);
    this.polling = new AbortController();
    this.loop = this.run(this.polling.signal);
  }

  /** Stops polling, after the firing in progress, if any. */
  async stop(): Promise<void> {
    this.polling?.abort();
    await this.loop;
    this.polling = undefined;
  }

  /** Fires every timer due by the clock's time now (up to MAX_FIRINGS_PER_PASS). */
  async fireDue(): Promise<TimerFiring> {
    const firing: TimerFiring = { fired: 0, failed: 0 };
    if (this.kinds.length === 0) return firing;
    const now = this.clock.now();
    while (firing.fired + firing.failed < MAX_FIRINGS_PER_PASS) {
      const outcome = await this.fireNext(now);
      if (outcome === 'none') break;
      firing[outcome] += 1;
    }
    return firing;
  }

  private fireNext(now: Date): Promise<'fired' | 'failed' | 'none'> {
    return this.transactions.run(async () => {
      const [row] = await this.database.query<TimerRow>(CLAIM_DUE_TIMER, [this.kinds, now]);
      if (!row) return 'none';
      const timer: Timer = {
        kind: row.kind,
        key: row.key,
        dueAt: row.due_at,
        payload: row.payload,
        attempts: row.attempts,
      };
      await this.database.query('SAVEPOINT timer_firing');
      try {
        await this.database.query(DELETE_FIRED_TIMER, [timer.kind, timer.key]);
        await this.handlerFor(timer.kind).fire(timer);
        await this.database.query('RELEASE SAVEPOINT timer_firing');
      } catch (error) {
        await this.database.query('ROLLBACK TO SAVEPOINT timer_firing');
        await this.recordFailure(timer, error);
        return 'failed';
      }
      timerLatenessSeconds.observe(
        { kind: timer.kind },
        Math.max(0, this.clock.now().getTime() - timer.dueAt.getTime()) / 1_000,
      );
      return 'fired';
    });
  }

  private async recordFailure(timer: Timer, error: unknown): Promise<void> {
    const attempts = timer.attempts + 1;
    const failedAt = this.clock.now();
    const retryAt = new Date(failedAt.getTime() + timerRetryDelayMs(attempts, this.options));
    await this.database.query(RECORD_FAILED_FIRING, [timer.kind, timer.key, describeFailure(error), failedAt, retryAt]);
    timerFailures.inc({ kind: timer.kind });
    this.logger.warn(
      { err: error, timerKind: timer.kind, timerKey: timer.key, attempts, retryAt },
      'timer handler failed; the timer will be fired again',
    );
  }

  private handlerFor(kind: string): TimerHandler {
    const known = this.handlers.get(kind);
    if (known) return known;
    const declaration = this.declarations.find((candidate) => candidate.kind === kind)!;
    const handler: TimerHandler = this.moduleRef.get(declaration.handler, { strict: false });
    this.handlers.set(kind, handler);
    return handler;
  }

  /** Polls: the first pass one interval after the start, then one interval after each pass (at once after a full one). */
  private async run(stopped: AbortSignal): Promise<void> {
    let again = false;
    while (!stopped.aborted) {
      if (!again) await sleep(this.options.pollIntervalMs, undefined, { signal: stopped }).catch(() => undefined);
      if (stopped.aborted) return;
      again = false;
      try {
        const { fired, failed } = await this.fireDue();
        again = fired + failed >= MAX_FIRINGS_PER_PASS;
      } catch (error) {
        this.logger.warn({ err: error }, 'timers could not be fired; trying again at the next poll');
      }
    }
  }
}
