import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { integer, loadConfig, type SettingsOf } from '@cms/config';
import { stopTracing } from '@cms/observability';

export const shutdownSettings = {
  /**
   * After SIGTERM, how long a process keeps serving (not ready, every answer with
   * `Connection: close`) before it stops accepting: the time a load balancer takes to stop sending.
   */
  SHUTDOWN_DRAIN_DELAY_MS: integer({ default: 0, min: 0, max: 120_000 }),
  /** The longest a stop may take, requests in flight included; past it the process exits with 1. */
  SHUTDOWN_TIMEOUT_MS: integer({ default: 25_000, min: 1_000, max: 600_000 }),
  /**
   * Once stopped, the longest the process waits for its last spans to reach the trace collector:
   * a collector that does not answer must not hold up the stop.
   */
  SHUTDOWN_TRACE_FLUSH_TIMEOUT_MS: integer({ default: 2_000, min: 0, max: 60_000 }),
};

export type ShutdownSettings = SettingsOf<typeof shutdownSettings>;

/**
 * Whether this process is on its way out. One per process: a process stops once, and everything in
 * it (readiness, every answer's connection header) must agree that it is stopping.
 */
class ProcessShutdown {
  private draining = false;
  /** Answers not yet sent: those begun before draining started get their `Connection: close` then. */
  private readonly unanswered = new Set<Response>();

  get isDraining(): boolean {
    return this.draining;
  }

  get inFlight(): number {
    return this.unanswered.size;
  }

  startDraining(): void {
    this.draining = true;
    for (const response of this.unanswered) {
      if (!response.headersSent) response.setHeader('connection', 'close');
    }
  }

  /**
   * While draining, every answer closes its connection after it: a caller never keeps a
   * connection that is about to be closed under it.
   */
  readonly closeConnectionsWhileDraining = (_request: Request, response: Response, next: NextFunction): void => {
    if (this.draining) {
      response.setHeader('connection', 'close');
    } else {
      this.unanswered.add(response);
      response.once('close', () => this.unanswered.delete(response));
    }
    next();
  };
}

export const processShutdown = new ProcessShutdown();

/**
 * Stops without dropping anyone (docs/quality.md, reliability test 8). On SIGTERM (or Ctrl-C) the
 * process:
 *  1. reports itself not ready (`/health/ready` answers 503) and answers each request with
 *     `Connection: close`, still serving for SHUTDOWN_DRAIN_DELAY_MS (SIGTERM only: a person
 *     pressing Ctrl-C does not wait for a load balancer);
 *  2. stops accepting connections, closes the idle ones, and lets every request in flight finish;
 *  3. runs the shutdown hooks (the outbox relay, Kafka and database clients stop);
 *  4. sends the spans not yet exported to the trace collector (SHUTDOWN_TRACE_FLUSH_TIMEOUT_MS at
 *     most), and exits 0.
 * Past SHUTDOWN_TIMEOUT_MS it exits with 1 whatever is still running.
 */
export function stopGracefullyOnSignal(app: INestApplication, logger: Logger, name: string): void {
  const settings = loadConfig(shutdownSettings, process.env);
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const deadline = setTimeout(() => {
      logger.error({ timeoutMs: settings.SHUTDOWN_TIMEOUT_MS }, `${name} did not stop in time; exiting`);
      process.exit(1);
    }, settings.SHUTDOWN_TIMEOUT_MS);
    deadline.unref();
    try {
      await stopGracefully(app, logger, name, signal, settings);
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, `${name} failed to stop cleanly`);
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

/**
 * Steps 1 to 4 of the stop (stopGracefullyOnSignal), up to the exit: resolves once the process may
 * exit 0, rejects when the application failed to close.
 */
export async function stopGracefully(
  app: Pick<INestApplication, 'close'>,
  logger: Logger,
  name: string,
  signal: NodeJS.Signals,
  settings: ShutdownSettings,
): Promise<void> {
  processShutdown.startDraining();
  const drainMs = signal === 'SIGTERM' ? settings.SHUTDOWN_DRAIN_DELAY_MS : 0;
  logger.info({ signal, drainMs, inFlight: processShutdown.inFlight }, `${name} stopping: not ready, finishing requests in flight`);
  if (drainMs > 0) await new Promise((resolve) => setTimeout(resolve, drainMs));
  // Nest closes the HTTP server (idle connections at once, the others as their answers
  // finish), then runs every onApplicationShutdown hook.
  await app.close();
  // The spans of the last requests and events are still batched: without this they are lost.
  const flushed = await stopTracing(settings.SHUTDOWN_TRACE_FLUSH_TIMEOUT_MS);
  if (!flushed) logger.warn({ timeoutMs: settings.SHUTDOWN_TRACE_FLUSH_TIMEOUT_MS }, `${name}: the trace collector did not take the last spans in time`);
  logger.info(`${name} stopped`);
}
