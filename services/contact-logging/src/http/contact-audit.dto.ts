import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { CRN_PATTERN } from '@cms/gas-market';
import { AuditRecordResponse, KeysetPageQuery } from '@cms/service-defaults';

/** The paging and time bounds of every audit list (KeysetPageQuery), and the contact audit's own filters. */
export class ListContactAuditQuery extends KeysetPageQuery {
  @ApiPropertyOptional({ example: 'LOGGED', maxLength: 40, pattern: '^[A-Z_]{1,40}$' })
  @IsOptional()
  @Matches(/^[A-Z_]{1,40}$/)
  action?: string;
  @ApiPropertyOptional({ pattern: CRN_PATTERN.source }) @IsOptional() @Matches(CRN_PATTERN) crn?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'CDSP administrators only: the records this organisation may read. An LSO naming another organisation gets 404.',
  })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

export class ContactAuditActorResponse {
  @ApiProperty({ description: '`system` for a change no person made (a timer closing an unanswered contact).' }) userId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null for `system`.' }) organisationId!: string | null;
}

export class ContactAuditItemResponse extends AuditRecordResponse {
  @ApiProperty({ type: ContactAuditActorResponse }) actor!: ContactAuditActorResponse;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The contact’s originator organisation.' })
  organisationId!: string | null;
  @ApiProperty({ example: 'LOGGED' }) action!: string;
  @ApiProperty({ example: 'C000001234' }) crn!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The contact row before; null when logged.' })
  before!: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The contact row after.' })
  after!: Record<string, unknown> | null;
}

export class ContactAuditPageResponse {
  @ApiProperty({ type: [ContactAuditItemResponse] }) items!: ContactAuditItemResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page.' })
  nextCursor!: string | null;
}
