import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@cms/auth';
import { SERVICE_CONFIG } from '@cms/service-defaults';
import type { AccessControlConfig } from '../access-control.config';
import { CDSP_ADMIN } from '../domain/roles';
import { actingUser } from './acting-user';
import { ADMIN_AUDIT_LOG, type AdminAuditLog } from './admin-audit.port';
import { cdspAdminOnly } from './admin.problems';
import { rotationPending } from './api-client.problems';
import { REFRESH_SESSIONS, type RefreshSessions } from './sessions.port';
import { RotationPendingError, SIGNING_KEYS, type Rotation, type SigningKeys } from './token-signing.port';
import { USER_ACCOUNTS, type UserAccounts } from './users.port';

/**
 * `POST /signing-keys/rotation`: a CDSP administrator starts a rotation of the token-signing key.
 * The new key is published at once and signs after the activation delay; the old one stays
 * published until the tokens it signed have expired (SigningKeyStore).
 */
@Injectable()
export class RotateSigningKeyHandler {
  constructor(
    @Inject(USER_ACCOUNTS) private readonly users: UserAccounts,
    @Inject(REFRESH_SESSIONS) private readonly sessions: RefreshSessions,
    @Inject(SIGNING_KEYS) private readonly keys: SigningKeys,
    @Inject(ADMIN_AUDIT_LOG) private readonly audit: AdminAuditLog,
    @Inject(SERVICE_CONFIG) private readonly config: Pick<AccessControlConfig, 'SIGNING_KEY_ACTIVATION_DELAY_SECONDS'>,
  ) {}

  async execute(caller: Caller, sessionId: string | undefined): Promise<Rotation> {
    const actor = await actingUser(this.users, this.sessions, caller, sessionId);
    if (!actor.roles.includes(CDSP_ADMIN) || caller.organisationType !== 'CDSP') throw cdspAdminOnly();
    try {
      return await this.keys.rotate(this.config.SIGNING_KEY_ACTIVATION_DELAY_SECONDS, (rotation) =>
        this.audit.record(
          {
            actorUserId: actor.userId,
            action: 'SIGNING_KEY_ROTATED',
            organisationId: actor.organisationId,
            subjectUserId: null,
            details: { kid: rotation.kid, retiringKid: rotation.retiringKid, activatesAt: rotation.activatesAt.toISOString() },
          },
          new Date(),
        ),
      );
    } catch (error) {
      if (error instanceof RotationPendingError) throw rotationPending(error.pendingKid);
      throw error;
    }
  }
}
