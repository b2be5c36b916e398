import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@cms/service-defaults';
import type { EmailPreferences } from '../domain';
import type { AlertReader } from './alert-store.port';
import { EMAIL_PREFERENCE_STORE, USER_DIRECTORY, type EmailPreferenceStore, type UserDirectory } from './email.ports';

/** `GET/PUT /me/notification-preferences`: each alert kind in-app only, by email at once, or in a daily digest. */
@Injectable()
export class NotificationPreferences {
  constructor(
    @Inject(EMAIL_PREFERENCE_STORE) private readonly store: EmailPreferenceStore,
    @Inject(USER_DIRECTORY) private readonly directory: UserDirectory,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async of(reader: AlertReader): Promise<{ preferences: EmailPreferences; email: string | null }> {
    const recipient = await this.store.recipient(reader.userId);
    return { preferences: await this.store.preferencesOf(reader.userId), email: recipient?.email ?? null };
  }

  /**
   * Changes the kinds given, keeps the others. The address is asked of access-control now, on the
   * user's own behalf, so that it is the one access-control holds when the choice is made; the
   * organisation and roles are the token's.
   */
  async change(reader: AlertReader, changes: Partial<EmailPreferences>): Promise<{ preferences: EmailPreferences; email: string }> {
    const email = await this.directory.emailOfCaller();
    const preferences = { ...(await this.store.preferencesOf(reader.userId)), ...changes };
    await this.store.save({ userId: reader.userId, organisationId: reader.organisationId, organisationType: reader.organisationType, roles: reader.roles, email }, preferences, this.clock.now());
    return { preferences, email };
  }
}
