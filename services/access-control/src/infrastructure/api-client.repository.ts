import { Inject, Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { Database } from '@cms/service-defaults';
import type { ApiClients, NewApiClient } from '../application/api-clients.port';
import type { ApiClient } from '../domain/api-client';
import { ApiClientEntity } from './entities/api-client.entity';

@Injectable()
export class ApiClientRepository implements ApiClients {
  constructor(@Inject(Database) private readonly database: Database) {}

  async insert(client: NewApiClient, now: Date): Promise<ApiClient> {
    const { manager } = this.database;
    const row = manager.create(ApiClientEntity, { ...client, createdAt: now, revokedAt: null, revokedBy: null });
    await manager.insert(ApiClientEntity, row);
    return row.toDomain();
  }

  async findWithSecret(clientId: string): Promise<{ client: ApiClient; secretHash: Buffer } | undefined> {
    const row = await this.database.manager.findOne(ApiClientEntity, { where: { clientId } });
    return row ? { client: row.toDomain(), secretHash: row.secretHash } : undefined;
  }

  async findLiveForUpdate(organisationId: string, clientId: string): Promise<ApiClient | undefined> {
    const row = await this.database.manager.findOne(ApiClientEntity, {
      where: { clientId, organisationId, revokedAt: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
    return row?.toDomain();
  }

  async listLive(organisationId: string): Promise<ApiClient[]> {
    const rows = await this.database.manager.find(ApiClientEntity, {
      where: { organisationId, revokedAt: IsNull() },
      order: { createdAt: 'ASC', clientId: 'ASC' },
    });
    return rows.map((row) => row.toDomain());
  }

  async revoke(clientId: string, by: string, now: Date): Promise<void> {
    await this.database.manager.update(ApiClientEntity, { clientId }, { revokedAt: now, revokedBy: by });
  }

  async replaceSecret(clientId: string, secretHash: Buffer): Promise<void> {
    await this.database.manager.update(ApiClientEntity, { clientId }, { secretHash });
  }
}
