import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@cms/auth';
import type { Logger } from 'pino';
import { LOGGER, Transactions } from '@cms/service-defaults';
import type { OrganisationType } from '@cms/gas-market';
import type { Organisation } from '../domain/organisation';
import { CDSP_ADMIN, LSO } from '../domain/roles';
import { actingUser } from './acting-user';
import { ADMIN_AUDIT_LOG, type AdminAuditLog } from './admin-audit.port';
import { cdspAdminOnly, isUniqueViolation, shortCodeTaken, userIdTaken } from './admin.problems';
import { addUser, prepareNewUser } from './create-user.handler';
import { ORGANISATIONS, type Organisations } from './organisations.port';
import { PASSWORD_HASHING, type PasswordHashing } from './password-hashing.port';
import { SECRETS, type Secrets } from './secrets.port';
import { REFRESH_SESSIONS, type RefreshSessions } from './sessions.port';
import { userView, type CreatedUser } from './user-view';
import { USER_ACCOUNTS, type UserAccounts } from './users.port';

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
@Injectable()
export class CreateOrganisationHandler {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(USER_ACCOUNTS) private readonly users: UserAccounts,
    @Inject(ORGANISATIONS) private readonly organisations: Organisations,
    @Inject(REFRESH_SESSIONS) private readonly sessions: RefreshSessions,
    @Inject(PASSWORD_HASHING) private readonly passwords: PasswordHashing,
    @Inject(SECRETS) private readonly secrets: Secrets,
    @Inject(ADMIN_AUDIT_LOG) private readonly audit: AdminAuditLog,
    @Inject(LOGGER) private readonly logger: Logger,
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
    const { temporaryPassword, passwordHash } = await prepareNewUser(this.passwords, this.secrets, request.firstLso.userId);
    const now = new Date();
    const lso = await this.transactions.run(async () => {
      try {
        await this.organisations.insert(organisation, now);
      } catch (error) {
        if (isUniqueViolation(error, 'organisation_short_code_unique')) throw shortCodeTaken(request.shortCode);
        throw error;
      }
      await this.audit.record(
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
