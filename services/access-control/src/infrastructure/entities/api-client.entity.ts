import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ApiClient } from '../../domain/api-client';

/** A partner system's OAuth 2 client. Only the SHA-256 of its secret is stored (see client-secret.ts). */
@Entity({ name: 'api_client' })
export class ApiClientEntity {
  @PrimaryColumn('uuid', { name: 'client_id' })
  clientId: string;

  @Column('uuid', { name: 'organisation_id' })
  organisationId: string;

  @Column('text')
  name: string;

  @Column('text', { array: true })
  scopes: string[];

  @Column('bytea', { name: 'secret_hash' })
  secretHash: Buffer;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('text', { name: 'created_by' })
  createdBy: string;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  @Column('text', { name: 'revoked_by', nullable: true })
  revokedBy: string | null;

  toDomain(): ApiClient {
    return {
      clientId: this.clientId,
      organisationId: this.organisationId,
      name: this.name,
      scopes: this.scopes,
      createdAt: this.createdAt,
      createdBy: this.createdBy,
      revokedAt: this.revokedAt,
    };
  }
}
