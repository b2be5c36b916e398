/**
 * Why a lifecycle command was refused, for the HTTP edge: FORBIDDEN (403: the caller may see the
 * contact but not do this to it), CONFLICT (409: the contact's state does not allow it now),
 * INVALID (422: what was sent is not acceptable, `field` naming it).
 */
export type RefusalKind = 'FORBIDDEN' | 'CONFLICT' | 'INVALID';

/** A lifecycle command refused with a stable `code` and a plain-English message. */
export class ContactCommandRefused extends Error {
  constructor(
    readonly kind: RefusalKind,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ContactCommandRefused';
  }
}
