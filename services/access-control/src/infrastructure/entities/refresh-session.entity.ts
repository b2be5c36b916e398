import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RefreshSession } from '../../domain/refresh-session';

/** One refresh token. Only its SHA-256 is stored: a copy of the table cannot be used to refresh. */
@Entity({ name: 'refresh_session' })
export class RefreshSessionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { name: 'user_id' })
  userId: string;

  @Column('bytea', { name: 'token_hash' })
  tokenHash: Buffer;

  @Column('uuid', { name: 'family_id' })
  familyId: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  @Column('uuid', { name: 'replaced_by', nullable: true })
  replacedBy: string | null;

  toDomain(): RefreshSession {
    return {
      id: this.id,
      userId: this.userId,
      familyId: this.familyId,
      expiresAt: this.expiresAt,
      revokedAt: this.revokedAt,
      replacedBy: this.replacedBy,
    };
  }
}
