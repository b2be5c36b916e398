import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ProblemException, RequestContext, SERVICE_CONFIG, ServiceHttpClient } from '@cms/service-defaults';
import type { OrganisationMembers } from '../application/organisation-members.port';
import type { ContactLoggingConfig } from '../contact-logging.config';

/**
 * Asks access-control's user directory (`GET /api/v1/users/{userId}`) about one user, with the
 * credentials of the request being served (RequestContext): access-control applies its own rule,
 * a SUPERVISOR reads the users of their organisation only, and answers any other user 404.
 */
@Injectable()
export class AccessControlClient implements OrganisationMembers, OnApplicationShutdown {
  private readonly http: ServiceHttpClient;

  constructor(@Inject(SERVICE_CONFIG) config: ContactLoggingConfig, context: RequestContext) {
    this.http = new ServiceHttpClient(config.ACCESS_CONTROL_URL, config.ACCESS_CONTROL_TIMEOUT_MS, context, directoryUnavailable);
  }

  async isActiveMember(organisationId: string, userId: string): Promise<boolean> {
    const answer = await this.http.get(`/api/v1/users/${encodeURIComponent(userId)}`);
    // No such user, or one of another organisation: access-control does not tell them apart.
    if (answer.status === 404) return false;
    // The caller's session ended, or their SUPERVISOR role was taken away, since their token was issued.
    if (answer.status === 401) throw new ProblemException(401, 'UNAUTHENTICATED', 'Authentication required', 'Your session has ended; sign in again.');
    if (answer.status === 403) {
      throw new ProblemException(403, 'SUPERVISOR_ROLE_REQUIRED', 'Forbidden', 'Only a SUPERVISOR can give a contact to someone else, and you no longer hold that role.');
    }
    if (answer.status !== 200) throw directoryUnavailable();
    const user = this.http.json<{ organisationId?: unknown; status?: unknown }>(answer);
    return user.organisationId === organisationId && user.status === 'ACTIVE';
  }

  onApplicationShutdown(): void {
    this.http.close();
  }
}

function directoryUnavailable(): ProblemException {
  return new ProblemException(
    503,
    'ACCESS_CONTROL_UNAVAILABLE',
    'Service unavailable',
    'The user directory could not be reached to check the assignee; nothing was changed. Try again shortly.',
  );
}
