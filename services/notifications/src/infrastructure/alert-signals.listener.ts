import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { PLATFORM_LOGGER } from '@cms/service-defaults';
import type { NewAlertSignals } from '../application/notification-streams';

/** The channel alert.repository.ts notifies, in the transaction that adds alerts (delivered on commit). */
export const NEW_ALERTS_CHANNEL = 'notifications_new_alerts';

export const ALERT_SIGNALS_DATABASE_URL = Symbol('ALERT_SIGNALS_DATABASE_URL');

/**
 * How every replica learns that any replica committed alerts: PostgreSQL LISTEN/NOTIFY on the
 * service's own database (README "Live notifications"). One connection per replica listens; a
 * notification wakes this replica's open streams, which read what is new. The listener reconnects
 * when its connection drops, and wakes every stream then, since a notification may have been missed.
 */
@Injectable()
export class AlertSignalsListener implements NewAlertSignals, OnModuleInit, OnApplicationShutdown {
  private readonly listeners = new Set<() => void>();
  private client: Client | undefined;
  private stopped = false;

  constructor(
    @Inject(ALERT_SIGNALS_DATABASE_URL) private readonly databaseUrl: string,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
  ) {}

  onNewAlerts(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl });
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'alert signals: the listening connection failed; listening again');
      void client.end().catch(() => undefined);
      void this.listenAgain();
    });
    await client.connect();
    await client.query(`LISTEN ${NEW_ALERTS_CHANNEL}`);
    this.client = client;
  }

  private async listenAgain(): Promise<void> {
    while (!this.stopped) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      try {
        await this.listen();
        this.wake();
        return;
      } catch (error) {
        this.logger.warn({ err: error }, 'alert signals: could not listen yet');
      }
    }
  }

  private wake(): void {
    for (const listener of this.listeners) listener();
  }
}
