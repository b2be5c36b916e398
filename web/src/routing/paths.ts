/**
 * The app's client routes. The gateway answers index.html for any of them (a reload, a bookmark),
 * so each screen has an address of its own.
 */
export const paths = {
  home: '/',
  contacts: '/contacts',
  logContact: '/contacts/new',
  contact: (crn: string) => `/contacts/${encodeURIComponent(crn)}`,
  changePassword: '/change-password',
  workQueue: '/work-queue',
  referrals: '/referrals',
  notifications: '/notifications',
  forgottenPassword: '/forgotten-password',
  /** The page of the emailed reset link (access-control's PASSWORD_RESET_URL_BASE), with `?token=`. */
  resetPassword: '/reset-password',
  account: '/account',
  notificationPreferences: '/notification-preferences',
  users: '/users',
  newUser: '/users/new',
  /**
   * One user, by a parameter rather than a path segment: a user id has dots (`kgp.lso`), and the
   * gateway answers an address ending in `.something` as a file of the build, not as a page.
   */
  userPage: '/user',
  user: (userId: string) => `/user?id=${encodeURIComponent(userId)}`,
  apiClients: '/api-clients',
  dashboard: '/dashboard',
} as const;

/** The parameters of `path` when it matches `pattern` (`/contacts/:crn`), else null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const patternParts = pattern.split('/').filter(Boolean);
  const pathParts = path.split('/').filter(Boolean);
  if (patternParts.length !== pathParts.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of patternParts.entries()) {
    const actual = pathParts[index];
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (part !== actual) {
      return null;
    }
  }
  return params;
}

/** A same-origin path to come back to after signing in; anything else (another site, a protocol-relative URL) goes home. */
export function safeReturnPath(candidate: string | null | undefined): string {
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\'))
    return paths.home;
  return candidate;
}
