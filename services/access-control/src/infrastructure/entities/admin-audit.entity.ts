import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One administrative action, append-only (a trigger refuses updates and deletes). */
@Entity({ name: 'admin_audit' })
export class AdminAuditEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt: Date;

  /** Null for anonymous actions (a forgotten-password request). */
  @Column('text', { name: 'actor_user_id', nullable: true })
  actorUserId: string | null;

  @Column('text')
  action: string;

  @Column('uuid', { name: 'organisation_id', nullable: true })
  organisationId: string | null;

  @Column('text', { name: 'subject_user_id', nullable: true })
  subjectUserId: string | null;

  @Column('jsonb')
  details: Record<string, unknown>;
}
