import type { ApiClient } from '../domain/api-client';

export interface NewApiClient {
  clientId: string;
  organisationId: string;
  name: string;
  scopes: string[];
  secretHash: Buffer;
  createdBy: string;
}

/** Port: the partner systems' API clients. Inside `Transactions.run` every method takes part in the transaction. */
export interface ApiClients {
  insert(client: NewApiClient, now: Date): Promise<ApiClient>;
  /** The client and its secret hash, whether revoked or not. */
  findWithSecret(clientId: string): Promise<{ client: ApiClient; secretHash: Buffer } | undefined>;
  /** An unrevoked client of the organisation, its row locked until the transaction ends. */
  findLiveForUpdate(organisationId: string, clientId: string): Promise<ApiClient | undefined>;
  /** The organisation's unrevoked clients, oldest first. */
  listLive(organisationId: string): Promise<ApiClient[]>;
  revoke(clientId: string, by: string, now: Date): Promise<void>;
  /** Keeps a new secret's hash in place of the old: the old secret is refused from the commit on. */
  replaceSecret(clientId: string, secretHash: Buffer): Promise<void>;
}

export const API_CLIENTS = Symbol('API_CLIENTS');
