import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import type { ApiClient } from '../domain/api-client';
import { ApiClientEntity } from './entities/api-client.entity';

export interface NewApiClient {
  clientId: string;
  organisationId: string;
  name: string;
  scopes: string[];
  secretHash: Buffer;
  createdBy: string;
}

export class ApiClientRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, client: NewApiClient, now: Date): Promise<ApiClient> {
    const row = manager.create(ApiClientEntity, { ...client, createdAt: now, revokedAt: null, revokedBy: null });
    await manager.insert(ApiClientEntity, row);
    return row.toDomain();
  }

  /** The client and its secret hash, whether revoked or not. */
  async findWithSecret(clientId: string): Promise<{ client: ApiClient; secretHash: Buffer } | undefined> {
    const row = await this.dataSource.manager.findOne(ApiClientEntity, { where: { clientId } });
    return row ? { client: row.toDomain(), secretHash: row.secretHash } : undefined;
  }

  /** An unrevoked client of the organisation, its row locked until the transaction ends. */
  async findLiveForUpdate(manager: EntityManager, organisationId: string, clientId: string): Promise<ApiClient | undefined> {
    const row = await manager.findOne(ApiClientEntity, {
      where: { clientId, organisationId, revokedAt: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
    return row?.toDomain();
  }

  /** The organisation's unrevoked clients, oldest first. */
  async listLive(organisationId: string, manager: EntityManager = this.dataSource.manager): Promise<ApiClient[]> {
    const rows = await manager.find(ApiClientEntity, {
      where: { organisationId, revokedAt: IsNull() },
      order: { createdAt: 'ASC', clientId: 'ASC' },
    });
    return rows.map((row) => row.toDomain());
  }

  async revoke(manager: EntityManager, clientId: string, by: string, now: Date): Promise<void> {
    await manager.update(ApiClientEntity, { clientId }, { revokedAt: now, revokedBy: by });
  }
}
