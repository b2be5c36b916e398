import type { Caller } from '@cms/auth';
import { CDSP_ADMIN } from '../domain/roles';
import type { AdminAuditLog } from '../infrastructure/admin-audit.log';
import type { RefreshSessionRepository } from '../infrastructure/refresh-session.repository';
import { RotationPendingError, type Rotation, type SigningKeyStore } from '../infrastructure/signing-key.store';
import type { UserAccountRepository } from '../infrastructure/user-account.repository';
import { actingUser } from './acting-user';
import { cdspAdminOnly } from './admin.problems';
import { rotationPending } from './api-client.problems';

/**
 * `POST /signing-keys/rotation`: a CDSP administrator starts a rotation of the token-signing key.
 * The new key is published at once and signs after the activation delay; the old one stays
 * published until the tokens it signed have expired (SigningKeyStore).
 */
export class RotateSigningKeyHandler {
  constructor(
    private readonly users: UserAccountRepository,
    private readonly sessions: RefreshSessionRepository,
    private readonly keys: SigningKeyStore,
    private readonly audit: AdminAuditLog,
    private readonly activationDelaySeconds: number,
  ) {}

  async execute(caller: Caller, sessionId: string | undefined): Promise<Rotation> {
    const actor = await actingUser(this.users, this.sessions, caller, sessionId);
    if (!actor.roles.includes(CDSP_ADMIN) || caller.organisationType !== 'CDSP') throw cdspAdminOnly();
    try {
      return await this.keys.rotate(this.activationDelaySeconds, (manager, rotation) =>
        this.audit.record(
          manager,
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
