import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PasswordResetToken } from '../../domain/password-reset';

/** One emailed reset token. Only its SHA-256 is stored: a copy of the table cannot reset a password. */
@Entity({ name: 'password_reset_token' })
export class PasswordResetTokenEntity {
  @PrimaryColumn('bytea', { name: 'token_hash' })
  tokenHash: Buffer;

  @Column('text', { name: 'user_id' })
  userId: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  @Column('timestamptz', { name: 'used_at', nullable: true })
  usedAt: Date | null;

  toDomain(): PasswordResetToken {
    return { userId: this.userId, expiresAt: this.expiresAt, usedAt: this.usedAt };
  }
}
