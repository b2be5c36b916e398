import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ProblemException, RequestContext, SERVICE_CONFIG, ServiceHttpClient } from '@cms/service-defaults';
import type { UserDirectory } from '../application/email.ports';
import type { NotificationsConfig } from '../notifications.settings';

/**
 * Asks access-control (which owns users) for the signed-in user's email address: `GET /api/v1/me`
 * with the credentials of the request being served (RequestContext). No service credential and no
 * copy of the user directory: a user's address is needed only once they choose email, and is asked
 * again each time they change their choice.
 */
@Injectable()
export class AccessControlClient implements UserDirectory, OnApplicationShutdown {
  private readonly http: ServiceHttpClient;

  constructor(@Inject(SERVICE_CONFIG) config: NotificationsConfig, context: RequestContext) {
    this.http = new ServiceHttpClient(config.ACCESS_CONTROL_URL, config.ACCESS_CONTROL_TIMEOUT_MS, context, directoryUnavailable);
  }

  async emailOfCaller(): Promise<string> {
    const answer = await this.http.get('/api/v1/me');
    if (answer.status === 401) throw new ProblemException(401, 'UNAUTHENTICATED', 'Authentication required', 'Your session has ended; sign in again.');
    if (answer.status !== 200) throw directoryUnavailable();
    const me = this.http.json<{ email?: unknown }>(answer);
    if (typeof me.email !== 'string') throw directoryUnavailable();
    return me.email;
  }

  onApplicationShutdown(): void {
    this.http.close();
  }
}

function directoryUnavailable(): ProblemException {
  return new ProblemException(503, 'ACCESS_CONTROL_UNAVAILABLE', 'Service unavailable', 'Your email address could not be read from the user directory; nothing was changed. Try again shortly.');
}
