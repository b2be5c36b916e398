import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OrganisationType } from '@cms/gas-market';
import type { Organisation } from '../../domain/organisation';

@Entity({ name: 'organisation' })
export class OrganisationEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { name: 'short_code' })
  shortCode: string;

  @Column('text')
  name: string;

  @Column('text')
  type: OrganisationType;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  toDomain(): Organisation {
    return { id: this.id, shortCode: this.shortCode, name: this.name, type: this.type };
  }
}
