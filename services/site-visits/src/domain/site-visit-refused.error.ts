/**
 * A command on a site visit the rules refuse, with a stable code: FORBIDDEN (the caller may not
 * give it), CONFLICT (the visit's or contact's state does not allow it), INVALID (what was sent).
 */
export class SiteVisitRefused extends Error {
  constructor(
    readonly kind: 'FORBIDDEN' | 'CONFLICT' | 'INVALID',
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
