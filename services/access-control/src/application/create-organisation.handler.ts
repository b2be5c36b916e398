import { randomUUID } from 'node:crypto';
import type { Caller } from '@cms/auth';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { OrganisationType } from '@cms/gas-market';
import type { Organisation } from '../domain/organisation';
import { CDSP_ADMIN, LSO } from '../domain/roles';
import type { AdminAuditLog } from '../infrastructure/admin-audit.log';
import type { OrganisationRepository } from '../infrastructure/organisation.repository';
import type { PasswordHasher } from '../infrastructure/password-hasher';
import type { RefreshSessionRepository } from '../infrastructure/refresh-session.repository';
import type { UserAccountRepository } from '../infrastructure/user-account.repository';
import { actingUser } from './acting-user';
import { cdspAdminOnly, isUniqueViolation, shortCodeTaken, userIdTaken } from './admin.problems';
import { addUser, prepareNewUser } from './create-user.handler';
import { userView, type CreatedUser } from './user-view';

export interface NewOrganisation {
  shortCode: string;
  name: string;
  type: OrganisationType;
  firstLso: { userId: string; displayName: string; email: string };
}

export interface CreatedOrganisation {
  organisation: Organisation;
  firstLso: CreatedUser;
}

/**
 * `POST /organisations`: a CDSP administrator adds a market organisation together with its first
 * Local Security Officer, who then creates the organisation's other users. One transaction: there
 * is never an organisation nobody can administer.
 */
export class CreateOrganisationHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserAccountRepository,
    private readonly organisations: OrganisationRepository,
    private readonly sessions: RefreshSessionRepository,
    private readonly passwords: PasswordHasher,
    private readonly audit: AdminAuditLog,
    private readonly logger: Logger,
  ) {}

  async execute(caller: Caller, sessionId: string | undefined, request: NewOrganisation): Promise<CreatedOrganisation> {
    const actor = await actingUser(this.users, this.sessions, caller, sessionId);
    if (!actor.roles.includes(CDSP_ADMIN) || caller.organisationType !== 'CDSP') throw cdspAdminOnly();
    if (await this.users.find(request.firstLso.userId)) throw userIdTaken(request.firstLso.userId);

    const organisation: Organisation = {
      id: randomUUID(),
      shortCode: request.shortCode,
      name: request.name,
      type: request.type,
    };
    const { temporaryPassword, passwordHash } = await prepareNewUser(this.passwords, request.firstLso.userId);
    const now = new Date();
    const lso = await this.dataSource.transaction(async (manager) => {
      try {
        await manager.transaction((inner) => this.organisations.insert(inner, organisation, now));
      } catch (error) {
        if (isUniqueViolation(error, 'organisation_short_code_unique')) throw shortCodeTaken(request.shortCode);
        throw error;
      }
      await this.audit.record(
        manager,
        {
          actorUserId: actor.userId,
          action: 'ORGANISATION_CREATED',
          organisationId: organisation.id,
          subjectUserId: null,
          details: { shortCode: organisation.shortCode, name: organisation.name, type: organisation.type },
        },
        now,
      );
      return addUser(
        manager,
        this.users,
        this.audit,
        actor.userId,
        organisation,
        { ...request.firstLso, roles: [LSO] },
        passwordHash,
        now,
      );
    });
    this.logger.info(
      {
        event: 'organisation.created',
        organisationId: organisation.id,
        shortCode: organisation.shortCode,
        firstLso: lso.userId,
        by: actor.userId,
      },
      'organisation created',
    );
    return { organisation, firstLso: { user: userView(lso, now), temporaryPassword } };
  }
}
