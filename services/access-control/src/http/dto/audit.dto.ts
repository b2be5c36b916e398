import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import type { AdminAction } from '../../application/admin-audit.port';

export const MAX_AUDIT_PAGE_SIZE = 100;
export const DEFAULT_AUDIT_PAGE_SIZE = 50;

export const ADMIN_ACTIONS: readonly AdminAction[] = [
  'ORGANISATION_CREATED',
  'USER_CREATED',
  'USER_SUSPENDED',
  'USER_REACTIVATED',
  'USER_ROLES_CHANGED',
  'USER_UNLOCKED',
  'PASSWORD_CHANGED',
  'PASSWORD_RESET_REQUESTED',
  'PASSWORD_RESET_COMPLETED',
  'API_CLIENT_REGISTERED',
  'API_CLIENT_REVOKED',
  'SIGNING_KEY_ROTATED',
];

export class ListAdminAuditQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_AUDIT_PAGE_SIZE, default: DEFAULT_AUDIT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_AUDIT_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: '`nextCursor` of the previous page.', maxLength: 200 })
  @IsOptional()
  @MaxLength(200)
  @Matches(/^[A-Za-z0-9_-]+$/)
  cursor?: string;

  @ApiPropertyOptional({ enum: ADMIN_ACTIONS })
  @IsOptional()
  @IsIn(ADMIN_ACTIONS)
  action?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Records at or after this time.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Records before this time.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    maxLength: 36,
    description: 'CDSP administrators only: the records of one organisation. An LSO naming another organisation gets 404.',
  })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

export class AuditActorResponse {
  @ApiProperty({ type: String, nullable: true, description: 'Null for an anonymous action (a forgotten-password request).' })
  userId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) organisationId!: string | null;
}

export class AdminAuditItemResponse {
  @ApiProperty({ example: '1234' }) id!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ type: AuditActorResponse }) actor!: AuditActorResponse;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The organisation acted upon.' })
  organisationId!: string | null;
  @ApiProperty({ enum: ADMIN_ACTIONS }) action!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The state before; null when something was created.' })
  before!: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The state after, or what was done.' })
  after!: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true, description: 'W3C trace id of the request; null outside a trace.' })
  traceId!: string | null;
}

export class AdminAuditPageResponse {
  @ApiProperty({ type: [AdminAuditItemResponse] }) items!: AdminAuditItemResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page.' })
  nextCursor!: string | null;
}
