import { ArrayMinSize, IsArray, IsIn, IsISO8601, IsString, IsUUID, MaxLength } from 'class-validator';
import { Topics } from '../topics';

export const SESSION_END_REASONS = ['USER_SUSPENDED', 'USER_DELETED', 'SIGNED_OUT', 'PASSWORD_CHANGED', 'PASSWORD_RESET', 'REFRESH_TOKEN_REUSED', 'CLIENT_REVOKED'] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/**
 * Sign-in sessions of a user ended before their time: suspended, signed out, password changed or
 * reset, a refresh token reused; or a partner system's API client revoked (its one session is the
 * client itself, its user id `client:<clientId>`). Their access tokens (claim `sid`) must be refused
 * at once, not when they expire (docs/quality.md "Security"). Published on `cms.access.v1`, keyed by
 * user id.
 */
export class SessionsEndedV1 {
  static readonly type = 'uk.gas.cms.access.sessions-ended.v1';
  static readonly topic = Topics.access;

  @IsString()
  @MaxLength(64)
  userId!: string;

  @IsUUID()
  organisationId!: string;

  /** The sessions (refresh-token families; the `sid` of their access tokens) that ended. */
  @IsArray()
  @ArrayMinSize(1)
  @IsUUID('all', { each: true })
  sessionIds!: string[];

  @IsIn(SESSION_END_REASONS)
  reason!: SessionEndReason;

  @IsISO8601()
  endedAt!: string;
}
