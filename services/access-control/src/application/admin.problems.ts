import { ProblemException } from '@cms/service-defaults';
import type { PasswordPolicyViolation } from '../domain/password-policy';
import { passwordPolicyMessage } from '../domain/password-policy';
import type { UserChangeRefusal } from '../domain/user-administration';

/**
 * A user of another organisation is answered exactly like a user that does not exist
 * (docs/api.md "Rules every route keeps"), so nobody can learn another organisation's user ids.
 */
export function userNotFound(): ProblemException {
  return ProblemException.notFound();
}

export function lsoOnly(): ProblemException {
  return ProblemException.forbidden('Only a Local Security Officer (LSO) of the organisation may do this.');
}

/** Reading the organisation's users (`GET /users`) needs a role that administers or gives out its work. */
export function usersReadersOnly(): ProblemException {
  return ProblemException.forbidden('Only a Local Security Officer (LSO) or a SUPERVISOR of the organisation may see its users.');
}

export function cdspAdminOnly(): ProblemException {
  return ProblemException.forbidden('Only a CDSP administrator may do this.');
}

export function userIdTaken(userId: string): ProblemException {
  return ProblemException.conflict('USER_ID_TAKEN', `The user id ${userId} is already in use; choose another.`);
}

export function shortCodeTaken(shortCode: string): ProblemException {
  return ProblemException.conflict(
    'SHORT_CODE_TAKEN',
    `The short code ${shortCode} is already in use by another organisation.`,
  );
}

export function changeRefused(refusal: UserChangeRefusal): ProblemException {
  if (refusal.code === 'ROLE_NOT_ALLOWED') {
    return new ProblemException(
      422,
      'ROLE_NOT_ALLOWED',
      'Role not allowed',
      refusal.message,
      refusal.roles.map((role) => ({
        code: 'ROLE_NOT_ALLOWED',
        field: 'roles',
        message: `${role} is not allowed for this organisation.`,
      })),
    );
  }
  return ProblemException.conflict(refusal.code, refusal.message);
}

/** The new password breaks the password policy: 422 with every rule broken. */
export function passwordRejected(violations: PasswordPolicyViolation[], field: string): ProblemException {
  return new ProblemException(
    422,
    'PASSWORD_POLICY_VIOLATION',
    'Password not accepted',
    violations.map((violation) => passwordPolicyMessage(violation)).join(' '),
    violations.map((violation) => ({ code: violation, field, message: passwordPolicyMessage(violation) })),
  );
}

export function currentPasswordIncorrect(): ProblemException {
  return new ProblemException(
    403,
    'CURRENT_PASSWORD_INCORRECT',
    'Current password not correct',
    'The current password is not correct. After repeated failures the account is locked for a while.',
  );
}

/** 422: a token of the documented shape that opens no reset (unknown, expired, used): the request is well formed. */
export function invalidResetToken(): ProblemException {
  return new ProblemException(
    422,
    'INVALID_RESET_TOKEN',
    'Reset link not valid',
    'The password reset link is not valid, has expired or was already used. Ask for a new one.',
  );
}

export function passwordChangeRequired(): ProblemException {
  return new ProblemException(
    403,
    'PASSWORD_CHANGE_REQUIRED',
    'Password change required',
    'Choose a new password (POST /api/v1/auth/password) before doing anything else.',
  );
}

/** Whether a database error is a unique violation, optionally of a named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } } | null)?.driverError;
  return driverError?.code === '23505' && (constraint === undefined || driverError.constraint === constraint);
}
