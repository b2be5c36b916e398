import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '../../domain/roles';
import type { UserAccount, UserStatus } from '../../domain/user-account';

@Entity({ name: 'user_account' })
export class UserAccountEntity {
  @PrimaryColumn('text', { name: 'user_id' })
  userId: string;

  @Column('uuid', { name: 'organisation_id' })
  organisationId: string;

  @Column('text', { name: 'display_name' })
  displayName: string;

  @Column('text')
  email: string;

  @Column('text', { nullable: true })
  telephone: string | null;

  @Column('text', { array: true })
  roles: Role[];

  @Column('text', { name: 'password_hash' })
  passwordHash: string;

  @Column('text')
  status: UserStatus;

  @Column('integer', { name: 'failed_sign_ins' })
  failedSignIns: number;

  @Column('timestamptz', { name: 'locked_until', nullable: true })
  lockedUntil: Date | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('boolean', { name: 'must_change_password' })
  mustChangePassword: boolean;

  @Column('timestamptz', { name: 'password_reset_requested_at', nullable: true })
  passwordResetRequestedAt: Date | null;

  toDomain(): UserAccount {
    return {
      userId: this.userId,
      organisationId: this.organisationId,
      displayName: this.displayName,
      email: this.email,
      telephone: this.telephone,
      roles: this.roles,
      passwordHash: this.passwordHash,
      status: this.status,
      failedSignIns: this.failedSignIns,
      lockedUntil: this.lockedUntil,
      createdAt: this.createdAt,
      mustChangePassword: this.mustChangePassword,
    };
  }
}
