/** A partner system's OAuth 2 client of one organisation (RFC 6749 §4.4, client credentials). */
export interface ApiClient {
  clientId: string;
  organisationId: string;
  name: string;
  scopes: string[];
  createdAt: Date;
  /** The LSO who registered it. */
  createdBy: string;
  revokedAt: Date | null;
}

/** Unrevoked clients an organisation may hold at once: every one of them is listed on one page. */
export const MAX_API_CLIENTS_PER_ORGANISATION = 50;

export const API_CLIENT_NAME_MAX_LENGTH = 100;

/** The `sub` of a client's access tokens: never a user id, which cannot contain a colon. */
export function clientSubject(clientId: string): string {
  return `client:${clientId}`;
}
