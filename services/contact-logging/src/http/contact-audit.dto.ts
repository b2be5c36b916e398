import { ApiProperty } from '@nestjs/swagger';
import { AuditActorResponse, AuditRecordResponse, AuditStateProperty, ContactWorkAuditQuery, KeysetPageResponse } from '@cms/service-defaults';

/** The paging, time bounds and filters of an audit of contact work (the kit's ContactWorkAuditQuery). */
export class ListContactAuditQuery extends ContactWorkAuditQuery {}

export class ContactAuditItemResponse extends AuditRecordResponse {
  @ApiProperty({ type: AuditActorResponse }) actor!: AuditActorResponse;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The contact’s originator organisation.' })
  organisationId!: string | null;
  @ApiProperty({ example: 'LOGGED' }) action!: string;
  @ApiProperty({ example: 'C000001234' }) crn!: string;
  @AuditStateProperty('The contact row before; null when logged.') before!: Record<string, unknown> | null;
  @AuditStateProperty('The contact row after.') after!: Record<string, unknown> | null;
}

export class ContactAuditPageResponse extends KeysetPageResponse(ContactAuditItemResponse) {}
