import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { CRN_PATTERN } from '@cms/gas-market';
import { AuditRecordResponse, AuditStateProperty, KeysetPageQuery, KeysetPageResponse } from '@cms/service-defaults';

/** The paging and time bounds of every audit list (KeysetPageQuery), and the site visit audit's own filters. */
export class ListSiteVisitAuditQuery extends KeysetPageQuery {
  @ApiPropertyOptional({ example: 'ACCEPTED', maxLength: 40, pattern: '^[A-Z_]{1,40}$' })
  @IsOptional()
  @Matches(/^[A-Z_]{1,40}$/)
  action?: string;
  @ApiPropertyOptional({ pattern: CRN_PATTERN.source }) @IsOptional() @Matches(CRN_PATTERN) crn?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() siteVisitId?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'CDSP administrators only: the records this organisation may read. An LSO naming another organisation gets 404.',
  })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

export class SiteVisitAuditActorResponse {
  @ApiProperty({ description: '`system` for a change no person made (the contact ended and cancelled the visit).' }) userId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null for `system`.' }) organisationId!: string | null;
}

export class SiteVisitAuditItemResponse extends AuditRecordResponse {
  @ApiProperty({ type: SiteVisitAuditActorResponse }) actor!: SiteVisitAuditActorResponse;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The transporter the visit is referred to.' })
  organisationId!: string | null;
  @ApiProperty({ example: 'REFERRED' }) action!: string;
  @ApiProperty({ example: 'C000001234' }) crn!: string;
  @ApiProperty({ format: 'uuid' }) siteVisitId!: string;
  @AuditStateProperty('The visit before; null when referred.') before!: Record<string, unknown> | null;
  @AuditStateProperty('The visit after.') after!: Record<string, unknown> | null;
}

export class SiteVisitAuditPageResponse extends KeysetPageResponse(SiteVisitAuditItemResponse) {}
