import type { OrganisationType } from '@cms/gas-market';
import { CDSP_ADMIN, LSO, SUPERVISOR } from './roles';

/**
 * What a reader may see of an organisation's users (`GET /users`, `GET /users/{userId}`):
 * - `ACCOUNT`: the whole account, to administer it: the organisation's LSO, or a CDSP administrator
 *   for any organisation (docs/api.md "Access").
 * - `COLLEAGUE`: who the users are, as a SUPERVISOR of the organisation needs to give them work
 *   (docs/domain.md "Who uses it"): user id, name, roles and whether active. Not their email, nor
 *   their account's security state (a sign-in lock, a password to change), which only the LSO acts on.
 * - `FORBIDDEN` (403): the reader's own organisation, without a role that reads it.
 * - `HIDDEN` (404): another organisation, answered as if it did not exist.
 */
export type UserDirectoryAccess = 'ACCOUNT' | 'COLLEAGUE' | 'FORBIDDEN' | 'HIDDEN';

export interface DirectoryReader {
  organisationId: string;
  organisationType: OrganisationType;
  roles: readonly string[];
}

export function userDirectoryAccess(reader: DirectoryReader, organisationId: string): UserDirectoryAccess {
  const cdspAdmin = reader.organisationType === 'CDSP' && reader.roles.includes(CDSP_ADMIN);
  if (cdspAdmin) return 'ACCOUNT';
  if (organisationId !== reader.organisationId) return 'HIDDEN';
  if (reader.roles.includes(LSO)) return 'ACCOUNT';
  if (reader.roles.includes(SUPERVISOR)) return 'COLLEAGUE';
  return 'FORBIDDEN';
}
