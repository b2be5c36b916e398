import type { ApiClient } from '../domain/api-client';

/** An API client as shown to its organisation's LSO: never its secret, nor its hash. */
export interface ApiClientView {
  clientId: string;
  name: string;
  scopes: string[];
  createdAt: string;
  createdBy: string;
}

export function apiClientView(client: ApiClient): ApiClientView {
  return {
    clientId: client.clientId,
    name: client.name,
    scopes: client.scopes,
    createdAt: client.createdAt.toISOString(),
    createdBy: client.createdBy,
  };
}
