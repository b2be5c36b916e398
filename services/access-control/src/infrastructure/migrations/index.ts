import { CreateAccessControl1795392100000 } from './2026-11-23-create-access-control.migration';
import { LsoAdministration1795478500000 } from './2026-11-24-lso-administration.migration';
import { ApiClientsAndKeyRotation1795564900000 } from './2026-11-25-api-clients-and-key-rotation.migration';
import { MoreOrganisationTypes1796250000000 } from './2026-12-02-more-organisation-types.migration';
import { UserDeletionAndProfile1796250100000 } from './2026-12-02-user-deletion-and-profile.migration';

/** Every migration of this service, oldest first. */
export const accessControlMigrations = [CreateAccessControl1795392100000, LsoAdministration1795478500000, ApiClientsAndKeyRotation1795564900000, MoreOrganisationTypes1796250000000, UserDeletionAndProfile1796250100000];
