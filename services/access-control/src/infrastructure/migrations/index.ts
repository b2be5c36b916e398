import { CreateAccessControl1795392100000 } from './2026-11-23-create-access-control.migration';

/** Every migration of this service, oldest first. */
export const accessControlMigrations = [CreateAccessControl1795392100000];
