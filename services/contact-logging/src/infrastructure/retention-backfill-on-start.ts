import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '@cms/service-defaults';
import { ContactRetention } from '../application/contact-retention';

/**
 * At every start, gives retention timers to the contacts and refusals that predate retention
 * (ContactRetention.scheduleMissing). It runs after the service is up rather than before: on a
 * large register the first run sets a timer per ended contact, and no request waits for it. A stop
 * ends it between batches and waits for the batch in flight.
 */
@Injectable()
export class RetentionBackfillOnStart implements OnApplicationBootstrap, OnApplicationShutdown {
  private running?: Promise<void>;
  private stopping = false;

  constructor(
    @Inject(ContactRetention) private readonly retention: ContactRetention,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.running = this.backfill();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.running;
  }

  /** The back-fill begun at start; resolves when it has finished (never rejects: a failure is logged and tried again at the next start). */
  finished(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  private async backfill(): Promise<void> {
    try {
      const { contacts, refusalDays } = await this.retention.scheduleMissing(() => this.stopping);
      if (contacts > 0 || refusalDays > 0) this.logger.info({ contacts, refusalDays }, 'retention timers set for contacts and refusals that predate them');
    } catch (error) {
      if (!this.stopping) this.logger.error({ err: error }, 'retention back-fill failed; it runs again at the next start');
    }
  }
}
