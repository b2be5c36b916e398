import type { OrganisationType } from '@cms/gas-market';
import { LSO, rolesNotAllowedFor } from './roles';
import type { UserStatus } from './user-account';

/**
 * What a Local Security Officer may do to the users of their organisation (docs/domain.md "Who
 * uses it"): create them, suspend and reactivate them, set their roles, unlock them and reset their
 * passwords. Plain rules; who the caller is and which organisation the user belongs to are checked
 * by the application layer before these run.
 */
export interface UserChange {
  status?: UserStatus;
  roles?: string[];
  unlock?: boolean;
}

export type UserChangeRefusal =
  | { code: 'CANNOT_SUSPEND_SELF'; message: string }
  | { code: 'CANNOT_DELETE_SELF'; message: string }
  | { code: 'CANNOT_REMOVE_OWN_LSO_ROLE'; message: string }
  | { code: 'ROLE_NOT_ALLOWED'; message: string; roles: string[] };

/**
 * Why the change may not be made, or undefined when it may. An LSO may not lock themselves out of
 * administration (suspend themselves or drop their own LSO role): another LSO or the CDSP would
 * have to step in, and an organisation could be left with nobody to manage its users.
 */
export function refuseUserChange(
  actorUserId: string,
  target: { userId: string },
  organisationType: OrganisationType,
  change: UserChange,
): UserChangeRefusal | undefined {
  const self = actorUserId === target.userId;
  if (self && change.status === 'SUSPENDED') {
    return { code: 'CANNOT_SUSPEND_SELF', message: 'You cannot suspend your own account; ask another LSO of your organisation.' };
  }
  if (self && change.roles !== undefined && !change.roles.includes(LSO)) {
    return {
      code: 'CANNOT_REMOVE_OWN_LSO_ROLE',
      message: 'You cannot remove your own LSO role; ask another LSO of your organisation.',
    };
  }
  if (change.roles !== undefined) return refuseRoles(organisationType, change.roles);
  return undefined;
}

/** Roles a user of an organisation of this type may not hold, as a refusal (undefined when all are fine). */
export function refuseRoles(organisationType: OrganisationType, roles: readonly string[]): UserChangeRefusal | undefined {
  const refused = rolesNotAllowedFor(organisationType, roles);
  if (refused.length === 0) return undefined;
  return {
    code: 'ROLE_NOT_ALLOWED',
    message: `A user of a ${organisationType} organisation cannot hold ${refused.join(', ')}.`,
    roles: refused,
  };
}

/**
 * Why the LSO may not delete this user, or undefined when they may. As with a suspension, an LSO
 * may not delete themselves: another LSO of the organisation (or the CDSP) does it.
 */
export function refuseUserDeletion(actorUserId: string, target: { userId: string }): UserChangeRefusal | undefined {
  if (actorUserId === target.userId) {
    return { code: 'CANNOT_DELETE_SELF', message: 'You cannot delete your own account; ask another LSO of your organisation.' };
  }
  return undefined;
}
