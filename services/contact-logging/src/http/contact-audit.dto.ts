import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { CRN_PATTERN } from '@cms/gas-market';

export class ListContactAuditQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
  @ApiPropertyOptional({ maxLength: 200, description: '`nextCursor` of the previous page.' })
  @IsOptional()
  @MaxLength(200)
  @Matches(/^[A-Za-z0-9_-]+$/)
  cursor?: string;
  @ApiPropertyOptional({ example: 'LOGGED', maxLength: 40, pattern: '^[A-Z_]{1,40}$' })
  @IsOptional()
  @Matches(/^[A-Z_]{1,40}$/)
  action?: string;
  @ApiPropertyOptional({ pattern: CRN_PATTERN.source }) @IsOptional() @Matches(CRN_PATTERN) crn?: string;
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
    description: 'CDSP administrators only: the records this organisation may read. An LSO naming another organisation gets 404.',
  })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

export class ContactAuditActorResponse {
  @ApiProperty() userId!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
}

export class ContactAuditItemResponse {
  @ApiProperty({ example: '1234' }) id!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ type: ContactAuditActorResponse }) actor!: ContactAuditActorResponse;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The contact’s originator organisation.' })
  organisationId!: string | null;
  @ApiProperty({ example: 'LOGGED' }) action!: string;
  @ApiProperty({ example: 'C000001234' }) crn!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The contact row before; null when logged.' })
  before!: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The contact row after.' })
  after!: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true, description: 'W3C trace id of the request; null outside a trace.' })
  traceId!: string | null;
}

export class ContactAuditPageResponse {
  @ApiProperty({ type: [ContactAuditItemResponse] }) items!: ContactAuditItemResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page.' })
  nextCursor!: string | null;
}
