import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { MPRN_PATTERN } from '@cms/gas-market';
import { DateTimeParam, KeysetPageQuery, PatternParam, UuidParam } from '@cms/service-defaults';
import type { RejectedSubmissionPage, RejectedSubmissionQuery, RejectedSubmissionView, RejectionView } from '../application/rejected-submission.queries';
import { REJECTION_CODES, type RejectionCode } from '../domain';

/** The keyset paging of KeysetPageQuery (`limit`, `cursor`); the time bounds are named for what they bound. */
export class ListRejectedSubmissionsQuery extends OmitType(KeysetPageQuery, ['from', 'to'] as const) implements RejectedSubmissionQuery {
  @ApiPropertyOptional({ enum: REJECTION_CODES, description: 'Only submissions rejected with this code, among their other reasons.' })
  @IsOptional()
  @IsIn(REJECTION_CODES)
  code?: RejectionCode;

  @PatternParam(MPRN_PATTERN, { description: 'Only submissions for this MPRN.' })
  mprn?: string;

  @DateTimeParam('Submitted at or after this time.')
  submittedFrom?: string;

  @DateTimeParam('Submitted before this time.')
  submittedTo?: string;

  @UuidParam('CDSP callers only: this organisation’s submissions. Anyone else naming another organisation than its own gets 404.')
  organisationId?: string;
}

export class RejectionResponse implements RejectionView {
  @ApiProperty({ enum: REJECTION_CODES }) code!: RejectionCode;
  @ApiProperty({ description: 'Plain English, as the submitter was told it.' }) message!: string;
  @ApiPropertyOptional({ example: 'dtlEvidence.meterRead.readDate', description: 'Dotted path of the field at fault, where one applies.' })
  field?: string;
}

export class RejectedSubmissionResponse implements RejectedSubmissionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ description: 'Who submitted it: a user id, or `client:…` for a partner system.' }) userId!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The MPRN submitted, when it was one (up to 10 digits).' })
  mprn!: string | null;
  @ApiProperty({
    nullable: true,
    oneOf: [{ type: 'object', additionalProperties: true }, { type: 'array', items: {} }],
    description: 'The body as it was sent to POST /contacts (a JSON object or array); null when there was none.',
  })
  submission!: unknown;
  @ApiProperty({ type: [RejectionResponse], description: 'Every reason it was rejected, as the submitter was told them.' })
  rejections!: RejectionResponse[];
}

export class RejectedSubmissionPageResponse implements RejectedSubmissionPage {
  @ApiProperty({ type: [RejectedSubmissionResponse] }) items!: RejectedSubmissionResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page.' })
  nextCursor!: string | null;
}
