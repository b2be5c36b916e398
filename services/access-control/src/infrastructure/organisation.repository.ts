import type { DataSource, EntityManager } from 'typeorm';
import type { OrganisationType } from '@cms/gas-market';
import type { Organisation } from '../domain/organisation';
import { OrganisationEntity } from './entities/organisation.entity';

export class OrganisationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Organisation | undefined> {
    return (await manager.findOne(OrganisationEntity, { where: { id } }))?.toDomain();
  }

  /** The directory, by type then name; optionally one type only. */
  async list(type?: OrganisationType): Promise<Organisation[]> {
    const rows = await this.dataSource.manager.find(OrganisationEntity, {
      where: type ? { type } : {},
      order: { type: 'ASC', name: 'ASC', id: 'ASC' },
    });
    return rows.map((row) => row.toDomain());
  }

  async insert(manager: EntityManager, organisation: Organisation, now: Date): Promise<void> {
    await manager.insert(OrganisationEntity, { ...organisation, createdAt: now });
  }
}
