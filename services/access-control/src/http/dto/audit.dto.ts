import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { AuditRecordResponse, AuditStateProperty, KeysetPageQuery, KeysetPageResponse, UuidParam } from '@cms/service-defaults';
import { ADMIN_ACTIONS } from '../../application/admin-audit.port';


/** The paging and time bounds of every audit list (KeysetPageQuery), and the admin audit's own filters. */
export class ListAdminAuditQuery extends KeysetPageQuery {
  @ApiPropertyOptional({ enum: ADMIN_ACTIONS })
  @IsOptional()
  @IsIn(ADMIN_ACTIONS)
  action?: string;

  @UuidParam('CDSP administrators only: the records of one organisation. An LSO naming another organisation gets 404.')
  organisationId?: string;
}

export class AdminAuditActorResponse {
  @ApiProperty({ type: String, nullable: true, description: 'Null for an anonymous action (a forgotten-password request).' })
  userId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) organisationId!: string | null;
}

export class AdminAuditItemResponse extends AuditRecordResponse {
  @ApiProperty({ type: AdminAuditActorResponse }) actor!: AdminAuditActorResponse;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The organisation acted upon.' })
  organisationId!: string | null;
  @ApiProperty({ enum: ADMIN_ACTIONS }) action!: string;
  @AuditStateProperty('The state before; null when something was created.') before!: Record<string, unknown> | null;
  @AuditStateProperty('The state after, or what was done.') after!: Record<string, unknown> | null;
}

export class AdminAuditPageResponse extends KeysetPageResponse(AdminAuditItemResponse) {}
