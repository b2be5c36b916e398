import { Inject, Injectable } from '@nestjs/common';
import type { OrganisationType } from '@cms/gas-market';
import { Database } from '@cms/service-defaults';
import type { Organisations } from '../application/organisations.port';
import type { Organisation } from '../domain/organisation';
import { OrganisationEntity } from './entities/organisation.entity';

@Injectable()
export class OrganisationRepository implements Organisations {
  constructor(@Inject(Database) private readonly database: Database) {}

  async get(id: string): Promise<Organisation | undefined> {
    return (await this.database.manager.findOne(OrganisationEntity, { where: { id } }))?.toDomain();
  }

  async list(type?: OrganisationType): Promise<Organisation[]> {
    const rows = await this.database.manager.find(OrganisationEntity, {
      where: type ? { type } : {},
      order: { type: 'ASC', name: 'ASC', id: 'ASC' },
    });
    return rows.map((row) => row.toDomain());
  }

  async insert(organisation: Organisation, now: Date): Promise<void> {
    // A savepoint, so a taken short code leaves the surrounding transaction usable.
    await this.database.manager.transaction((inner) => inner.insert(OrganisationEntity, { ...organisation, createdAt: now }));
  }

  async lock(id: string): Promise<void> {
    await this.database.query('SELECT 1 FROM organisation WHERE id = $1 FOR UPDATE', [id]);
  }
}
