import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { MESSAGE_MAX_LENGTH, REASON_MAX_LENGTH } from '@cms/contracts';
import { CRN_PATTERN } from '@cms/gas-market';
import { FlagParam, KeysetPageQuery, KeysetPageResponse, OptionalField, PatternParam, UuidParam, WrittenText } from '@cms/service-defaults';

const KINDS = ['DC', 'OC'] as const;
const ADDRESSEES = ['ORIGINATOR', 'STAKEHOLDER'] as const;
const STATUSES = ['OPEN', 'CLOSED'] as const;
const CLOSURE_CAUSES = ['CLOSED_BY_PARTICIPANT', 'CONTACT_RESOLVED', 'CONTACT_WITHDRAWN'] as const;

export class RaiseClarificationRequest {
  @ApiProperty({ enum: KINDS, description: 'DC: a CDSP agent asks the originator or the transporter. OC: the transporter, once a stakeholder, asks the originator.' })
  @IsIn(KINDS)
  kind!: 'DC' | 'OC';

  @ApiPropertyOptional({ enum: ADDRESSEES, default: 'ORIGINATOR', description: "Whom a DC asks: the contact's originator, or a stakeholder (the meter point's transporter). An OC asks the originator." })
  @OptionalField()
  @IsIn(ADDRESSEES)
  addressedTo?: 'ORIGINATOR' | 'STAKEHOLDER';

  @WrittenText({ maxLength: MESSAGE_MAX_LENGTH, description: 'The question: the first message of the thread.', example: 'Please send a photo of the meter showing the read.' })
  question!: string;
}

export class PostMessageRequest {
  @WrittenText({ maxLength: MESSAGE_MAX_LENGTH, description: 'The reply.', example: 'Photo attached to our evidence store, ref 4471.' })
  text!: string;
}

export class CloseClarificationRequest {
  @WrittenText({ maxLength: REASON_MAX_LENGTH, description: 'Why the thread is closed (agreement reached, no longer needed).', example: 'Answered: the meter is in place.' })
  reason!: string;
}

export class ClarificationMessageResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ minimum: 1, description: '1 for the question, then in order.' }) sequence!: number;
  @ApiProperty({ maxLength: 64 }) postedByUserId!: string;
  @ApiProperty({ format: 'uuid' }) postedByOrganisationId!: string;
  @ApiProperty({ maxLength: MESSAGE_MAX_LENGTH }) text!: string;
  @ApiProperty({ format: 'date-time' }) postedAt!: string;
}

export class ClarificationClosureResponse {
  @ApiProperty({ enum: CLOSURE_CAUSES }) cause!: string;
  @ApiProperty({ maxLength: REASON_MAX_LENGTH }) reason!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null when the contact’s end closed it.' }) closedByUserId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) closedByOrganisationId!: string | null;
  @ApiProperty({ format: 'date-time' }) closedAt!: string;
}

export class ClarificationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'C000001234' }) crn!: string;
  @ApiProperty({ enum: KINDS }) kind!: 'DC' | 'OC';
  @ApiProperty({ enum: ADDRESSEES }) addressedTo!: 'ORIGINATOR' | 'STAKEHOLDER';
  @ApiProperty({ format: 'uuid', description: 'The side that asked: the CDSP for a DC, the transporter for an OC.' }) askingOrganisationId!: string;
  @ApiProperty({ format: 'uuid' }) addressedToOrganisationId!: string;
  @ApiProperty({ maxLength: 64 }) raisedByUserId!: string;
  @ApiProperty({ format: 'date-time' }) raisedAt!: string;
  @ApiProperty({ enum: STATUSES }) status!: 'OPEN' | 'CLOSED';
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Whose turn it is; null once closed.' }) waitingOnOrganisationId!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'When the side whose turn it is must answer (working days); null once closed.' })
  dueOn!: string | null;
  @ApiProperty({ description: 'Open and past its due date.' }) overdue!: boolean;
  @ApiProperty({ type: ClarificationClosureResponse, nullable: true }) closure!: ClarificationClosureResponse | null;
  @ApiProperty({ minimum: 1, description: 'Send it back in If-Match (it is also the ETag).' }) version!: number;
}

export class ClarificationWithMessagesResponse extends ClarificationResponse {
  @ApiProperty({ type: [ClarificationMessageResponse], description: 'Every message, the question first.' }) messages!: ClarificationMessageResponse[];
}

export class ContactClarificationsResponse {
  @ApiProperty({ type: [ClarificationWithMessagesResponse], description: 'Oldest first.' }) items!: ClarificationWithMessagesResponse[];
}

export class ClarificationSummaryResponse extends ClarificationResponse {
  @ApiProperty({ minimum: 1 }) messageCount!: number;
  @ApiProperty({ format: 'date-time' }) lastPostedAt!: string;
}

export class ClarificationPageResponse extends KeysetPageResponse(ClarificationSummaryResponse) {}

/** The paging of every keyset list, and the thread list's filters; `from`/`to` bound when the threads were raised. */
export class ListClarificationsQuery extends KeysetPageQuery {
  @FlagParam('Only open threads whose turn is my organisation’s.')
  waitingOnMe?: 'true';

  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES) status?: 'OPEN' | 'CLOSED';
  @ApiPropertyOptional({ enum: KINDS }) @IsOptional() @IsIn(KINDS) kind?: 'DC' | 'OC';
  @PatternParam(CRN_PATTERN) crn?: string;

  @FlagParam('Only open threads past their due date (Europe/London).')
  overdue?: 'true';
}

export class ListClarificationAuditQuery extends KeysetPageQuery {
  @PatternParam(CRN_PATTERN) crn?: string;
  @UuidParam('CDSP administrators only: the records this organisation may read. An LSO naming another organisation gets 404.')
  organisationId?: string;
}

export class ClarificationAuditItemResponse {
  @ApiProperty({ description: 'Decimal text.' }) id!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ format: 'uuid' }) clarificationId!: string;
  @ApiProperty({ example: 'C000001234' }) crn!: string;
  @ApiProperty({ enum: ['RAISED', 'MESSAGE_POSTED', 'CLOSED', 'REMINDER', 'OVERDUE'] }) action!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null where no person acted (a timer, the contact’s end).' }) actorUserId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The organisation that acted.' }) organisationId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) detail!: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) traceId!: string | null;
}

export class ClarificationAuditPageResponse extends KeysetPageResponse(ClarificationAuditItemResponse) {}
