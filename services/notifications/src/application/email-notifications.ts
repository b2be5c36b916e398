import { Inject, Injectable } from '@nestjs/common';
import { WorkingDayCalendars } from '@cms/gas-market';
import { Clock, Timers, type Timer, type TimerHandler } from '@cms/service-defaults';
import { alertEmail, digestEmail, nextDigestAt } from '../domain';
import { EMAIL_PREFERENCE_STORE, EMAIL_SETTINGS, MAILER, type EmailPreferenceStore, type EmailSettings, type Mailer } from './email.ports';

/** The durable timers of email (the kit's `timers`): one email of one alert to one user; a user's digest. */
export const EMAIL_TIMERS = { alert: 'notification.email', digest: 'notification.digest' } as const;

interface AlertEmailPayload extends Record<string, unknown> {
  alertId: string;
  userId: string;
}

interface DigestPayload extends Record<string, unknown> {
  userId: string;
}

/**
 * Alerts by email. When alerts are made (in the consumer's transaction), each user who wants their
 * kind by email gets a durable timer: at once for IMMEDIATE, or the alert waits for the user's
 * digest, whose timer is set for the next working day's digest hour. A timer sends when it fires,
 * so an email survives a restart and is sent by one replica; the SMTP server's refusal makes the
 * kit fire it again later.
 */
@Injectable()
export class EmailNotifications implements TimerHandler {
  constructor(
    @Inject(EMAIL_PREFERENCE_STORE) private readonly store: EmailPreferenceStore,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(EMAIL_SETTINGS) private readonly settings: EmailSettings,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(WorkingDayCalendars) private readonly calendars: WorkingDayCalendars,
  ) {}

  /** Called in the transaction that adds the alerts. */
  async alertsAdded(alertIds: readonly string[]): Promise<void> {
    const now = this.clock.now();
    for (const alertId of alertIds) {
      for (const due of await this.store.dueFor(alertId)) {
        if (due.delivery === 'IMMEDIATE') {
          await this.timers.schedule<AlertEmailPayload>({ kind: EMAIL_TIMERS.alert, key: `${alertId}:${due.userId}`, dueAt: now, payload: { alertId, userId: due.userId } });
        } else {
          await this.store.queueForDigest(due.userId, alertId);
          // The digest calendar is England and Wales': a user is not a meter point, and the market's working days are the same elsewhere but for a few Scottish bank holidays.
          const dueAt = nextDigestAt(now, this.settings.digestHour, this.calendars.calendarFor('NW'));
          await this.timers.schedule<DigestPayload>({ kind: EMAIL_TIMERS.digest, key: due.userId, dueAt, payload: { userId: due.userId } });
        }
      }
    }
  }

  async fire(timer: Timer): Promise<void> {
    if (timer.kind === EMAIL_TIMERS.alert) {
      const { alertId, userId } = timer.payload as AlertEmailPayload;
      const recipient = await this.store.recipient(userId);
      const alert = recipient && (await this.store.alertFor(userId, alertId));
      if (!recipient || !alert) return;
      await this.mailer.send(recipient.email, alertEmail(alert, this.settings));
      return;
    }
    const { userId } = timer.payload as DigestPayload;
    const recipient = await this.store.recipient(userId);
    const alerts = await this.store.takeDigest(userId);
    if (!recipient || alerts.length === 0) return;
    // Sent before the transaction that took the items commits: a failed send keeps them for the timer's next firing.
    await this.mailer.send(recipient.email, digestEmail(alerts, this.settings));
  }
}
