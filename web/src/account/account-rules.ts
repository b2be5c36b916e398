/**
 * What the account screens check before sending, as access-control validates (its DTOs:
 * NewUserIdentity, UpdateProfileRequest, UserIdParam): a blank, a length, a shape. Anything else
 * (the password policy, a user id taken, a role not allowed) is the API's to decide, and its
 * reasons are shown by the field the same way.
 */

/** A user id: 3 to 64 lowercase letters, digits, dots, underscores or hyphens (USER_ID_PATTERN). */
export const USER_ID_PATTERN = /^[a-z0-9._-]{3,64}$/;
export const DISPLAY_NAME_MAX_LENGTH = 200;
export const EMAIL_MAX_LENGTH = 254;
/** Digits, spaces, brackets and hyphens, an optional leading + (TELEPHONE_PATTERN). */
export const TELEPHONE_PATTERN = /^\+?[0-9 ()-]{6,30}$/;
/** A reset link's token: 32 random bytes, base64url (services/access-control password-reset-token.ts). */
const RESET_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A reason a field is refused, on the field (named as the API names it). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** One address, roughly as class-validator's IsEmail takes it: something, an @, a domain with a dot; no spaces. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function userIdProblems(userId: string, field = 'userId'): FieldProblem[] {
  const value = userId.trim();
  if (!value) return [{ field, message: 'Enter the user id.' }];
  if (!USER_ID_PATTERN.test(value))
    return [{ field, message: 'A user id is 3 to 64 lowercase letters, digits, dots, underscores or hyphens.' }];
  return [];
}

export function displayNameProblems(name: string): FieldProblem[] {
  if (!name.trim()) return [{ field: 'displayName', message: 'Enter the name.' }];
  if (name.trim().length > DISPLAY_NAME_MAX_LENGTH)
    return [{ field: 'displayName', message: `The name must be ${DISPLAY_NAME_MAX_LENGTH} characters or fewer.` }];
  return [];
}

export function emailProblems(email: string): FieldProblem[] {
  const value = email.trim();
  if (!value) return [{ field: 'email', message: 'Enter the email address.' }];
  if (value.length > EMAIL_MAX_LENGTH)
    return [{ field: 'email', message: `The email address must be ${EMAIL_MAX_LENGTH} characters or fewer.` }];
  if (!EMAIL_SHAPE.test(value))
    return [{ field: 'email', message: 'Enter an email address in the right form, like name@example.co.uk.' }];
  return [];
}

/** A telephone is optional: blank means none. */
export function telephoneProblems(telephone: string): FieldProblem[] {
  const value = telephone.trim();
  if (value && !TELEPHONE_PATTERN.test(value))
    return [
      {
        field: 'telephone',
        message: 'A telephone number is 6 to 30 digits, spaces, brackets or hyphens, with an optional + at the start.',
      },
    ];
  return [];
}

/** A new password and its repetition: the policy itself is the API's (its reasons come back by the field). */
export function newPasswordProblems(newPassword: string, again: string): FieldProblem[] {
  if (!newPassword) return [{ field: 'newPassword', message: 'Enter a new password.' }];
  if (again !== newPassword) return [{ field: 'confirmPassword', message: 'The passwords do not match.' }];
  return [];
}

/** The token of a reset link's address (`?token=…`), or undefined when it has none of the right shape. */
export function resetTokenOf(search: URLSearchParams): string | undefined {
  const token = search.get('token') ?? '';
  return RESET_TOKEN_PATTERN.test(token) ? token : undefined;
}

export interface ProfileValues {
  displayName: string;
  email: string;
  telephone: string;
}

/**
 * The `PATCH /me` body: only what changed (a field left out stays as it is); a telephone emptied
 * is `null`, which removes it. Undefined when nothing changed.
 */
export function profileChangeOf(
  saved: { displayName: string; email: string; telephone: string | null },
  values: ProfileValues,
): { displayName?: string; email?: string; telephone?: string | null } | undefined {
  const change: { displayName?: string; email?: string; telephone?: string | null } = {};
  if (values.displayName.trim() !== saved.displayName) change.displayName = values.displayName.trim();
  if (values.email.trim() !== saved.email) change.email = values.email.trim();
  const telephone = values.telephone.trim() === '' ? null : values.telephone.trim();
  if (telephone !== saved.telephone) change.telephone = telephone;
  return Object.keys(change).length > 0 ? change : undefined;
}

export function profileProblems(values: ProfileValues): FieldProblem[] {
  return [
    ...displayNameProblems(values.displayName),
    ...emailProblems(values.email),
    ...telephoneProblems(values.telephone),
  ];
}
