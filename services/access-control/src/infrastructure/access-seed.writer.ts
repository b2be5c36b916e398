import { In, type DataSource } from 'typeorm';
import type { AccessSeed } from '../application/access-seed';
import type { PasswordHashing } from '../application/password-hashing.port';
import { rolesNotAllowedFor } from '../domain/roles';
import { OrganisationEntity } from './entities/organisation.entity';
import { UserAccountEntity } from './entities/user-account.entity';

export interface AccessSeedResult {
  organisationsAdded: number;
  usersAdded: number;
}

/**
 * Inserts what of a seed (readAccessSeed) is missing: organisations by id or short code, users by
 * user id. What exists already is left alone, so a user's changed password or roles survive
 * seeding again. Used by the seed command (seed-command.ts) and the integration tests.
 */
export async function insertAccessSeed(dataSource: DataSource, passwords: PasswordHashing, seed: AccessSeed): Promise<AccessSeedResult> {
  let organisationsAdded = 0;
  for (const organisation of seed.organisations) {
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
  const existing = new Set(
    (
      await dataSource.manager.find(UserAccountEntity, {
        select: { userId: true },
        where: { userId: In(seed.users.map((u) => u.userId)) },
      })
    ).map((u) => u.userId),
  );
  let usersAdded = 0;
  for (const user of seed.users.filter((u) => !existing.has(u.userId))) {
    const organisation = byShortCode.get(user.organisationShortCode);
    if (!organisation) throw new Error(`user ${user.userId}: no organisation ${user.organisationShortCode}`);
    const refused = rolesNotAllowedFor(organisation.type, user.roles);
    if (refused.length > 0) throw new Error(`user ${user.userId}: roles ${refused.join(', ')} not allowed for ${organisation.type}`);
    const inserted: unknown[] = await dataSource.query(
      `INSERT INTO user_account (user_id, organisation_id, display_name, email, roles, password_hash, status)
       VALUES ($1, $2, $3, $4, $5, $6, 'ACTIVE')
       ON CONFLICT (user_id) DO NOTHING RETURNING user_id`,
      [user.userId, organisation.id, user.displayName, user.email, user.roles, await passwords.hash(user.password)],
    );
    usersAdded += inserted.length;
  }
  return { organisationsAdded, usersAdded };
}
