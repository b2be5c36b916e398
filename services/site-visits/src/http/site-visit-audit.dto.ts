import { ApiProperty } from '@nestjs/swagger';
import { AuditActorResponse, AuditRecordResponse, AuditStateProperty, ContactWorkAuditQuery, KeysetPageResponse, UuidParam } from '@cms/service-defaults';

/** The paging, time bounds and filters of an audit of contact work (the kit's ContactWorkAuditQuery), and one visit's records. */
export class ListSiteVisitAuditQuery extends ContactWorkAuditQuery {
  @UuidParam('Only the records of this site visit.') siteVisitId?: string;
}

export class SiteVisitAuditItemResponse extends AuditRecordResponse {
  @ApiProperty({ type: AuditActorResponse, description: '`system` when the contact’s end cancelled the visit.' }) actor!: AuditActorResponse;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The transporter the visit is referred to.' })
  organisationId!: string | null;
  @ApiProperty({ example: 'REFERRED' }) action!: string;
  @ApiProperty({ example: 'C000001234' }) crn!: string;
  @ApiProperty({ format: 'uuid' }) siteVisitId!: string;
  @AuditStateProperty('The visit before; null when referred.') before!: Record<string, unknown> | null;
  @AuditStateProperty('The visit after.') after!: Record<string, unknown> | null;
}

export class SiteVisitAuditPageResponse extends KeysetPageResponse(SiteVisitAuditItemResponse) {}
