/**
 * DEMO ONLY. Inserts the demo organisations and users (tools/demo-data) when DEMO_DATA=true.
 * Idempotent: what exists already is left alone, so a user's changed password or roles survive a
 * restart. Never runs unless DEMO_DATA is set; it is off by default.
 *
 * The demo data is loaded only here and only when seeding, so a production process never loads
 * tools/demo-data (and an image without tools/ still starts). Importing it crosses
 * the project boundary on purpose: demo data is tooling, never a dependency of domain code.
 */
import type { Logger } from 'pino';
import { In, type DataSource } from 'typeorm';
import { isOrganisationType } from '@cms/gas-market';
import { isShortCode } from '../domain/organisation';
import { rolesNotAllowedFor } from '../domain/roles';
import { OrganisationEntity } from './entities/organisation.entity';
import { UserAccountEntity } from './entities/user-account.entity';
import type { PasswordHasher } from './password-hasher';

export interface DemoSeedResult {
  organisationsAdded: number;
  usersAdded: number;
}

export async function seedDemoData(dataSource: DataSource, passwords: PasswordHasher, logger: Logger): Promise<DemoSeedResult> {
  // eslint-disable-next-line @nx/enforce-module-boundaries -- demo seeding only; see above
  const { demoOrganisations, demoUsers } = await import('@cms/demo-data');
  const organisations = demoOrganisations();
  for (const organisation of organisations) {
    if (!isShortCode(organisation.shortCode) || !isOrganisationType(organisation.type)) {
      throw new Error(`demo organisation ${organisation.shortCode} breaks the organisation rules`);
    }
  }
  let organisationsAdded = 0;
  for (const organisation of organisations) {
    const inserted: unknown[] = await dataSource.query(
      `INSERT INTO organisation (id, short_code, name, type) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING id`,
      [organisation.id, organisation.shortCode, organisation.name, organisation.type],
    );
    organisationsAdded += inserted.length;
  }

  // Short codes as stored: an organisation that already existed keeps its own id.
  const stored = await dataSource.manager.find(OrganisationEntity);
  const byShortCode = new Map(stored.map((o) => [o.shortCode, o]));
  const users = demoUsers();
  const existing = new Set(
    (await dataSource.manager.find(UserAccountEntity, { select: { userId: true }, where: { userId: In(users.map((u) => u.userId)) } })).map(
      (u) => u.userId,
    ),
  );
  let usersAdded = 0;
  for (const user of users.filter((u) => !existing.has(u.userId))) {
    const organisation = byShortCode.get(user.organisationShortCode);
    if (!organisation) throw new Error(`demo user ${user.userId}: no organisation ${user.organisationShortCode}`);
    const refused = rolesNotAllowedFor(organisation.type, user.roles);
    if (refused.length > 0) throw new Error(`demo user ${user.userId}: roles ${refused.join(', ')} not allowed for ${organisation.type}`);
    const inserted: unknown[] = await dataSource.query(
      `INSERT INTO user_account (user_id, organisation_id, display_name, email, roles, password_hash, status)
       VALUES ($1, $2, $3, $4, $5, $6, 'ACTIVE')
       ON CONFLICT (user_id) DO NOTHING RETURNING user_id`,
      [user.userId, organisation.id, user.displayName, user.email, user.roles, await passwords.hash(user.password)],
    );
    usersAdded += inserted.length;
  }
  logger.warn({ organisationsAdded, usersAdded }, 'DEMO_DATA is on: demo organisations and users are present (demo and test environments only)');
  return { organisationsAdded, usersAdded };
}
