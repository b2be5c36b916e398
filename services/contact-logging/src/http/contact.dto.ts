import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { CursorParam, DateTimeParam, FlagParam, OptionalField, PageSizeParam, PatternParam } from '@cms/service-defaults';
import { CONTACT_LIST_SORTS, type ContactListSort } from '../application/contact-list-cursor';
import type {
  ContactListItemView,
  ContactListQuery,
  ContactListView,
  ContactSummaryView,
  ContactView,
  HandlerView,
  HistoryEntryView,
  ResolutionReasonView,
  WaitingOnView,
} from '../application/contact.views';
import { DEFAULT_LOGGING_RULES_CONFIG as RULES, EMAIL_MAX_LENGTH, NOTE_MAX_LENGTH, TELEPHONE_MAX_LENGTH, TELEPHONE_MIN_LENGTH, WITHDRAWAL_REASON_MAX_LENGTH } from '../domain';
import { CRN_PATTERN, MPRN_MAX_DIGITS, MPRN_PATTERN, PAF_FIELD_MAX_LENGTHS as PAF } from '@cms/gas-market';

// Request documentation for POST /contacts. The body is read by the domain's logging rules (every
// reason at once, as 422 rejections), so these classes describe it for the OpenAPI document only.

export class OriginatorContactDoc {
  @ApiProperty({ minLength: 1, maxLength: RULES.originatorNameMaxLength, example: 'Sam Jones' }) name!: string;
  @ApiPropertyOptional({
    minLength: TELEPHONE_MIN_LENGTH,
    maxLength: TELEPHONE_MAX_LENGTH,
    pattern: '^\\+?[0-9 ()-]+$',
    example: '0161 496 0000',
    description: 'A UK number (national, or +44 / 0044). Telephone or email is required.',
  })
  telephone?: string;
  @ApiPropertyOptional({ minLength: 3, maxLength: EMAIL_MAX_LENGTH, example: 'sam.jones@example.com' }) email?: string;
}

export class MeterReadDoc {
  @ApiProperty({ oneOf: [{ type: 'string', pattern: '^\\d{1,12}$' }, { type: 'number', minimum: 0 }], example: '012345' })
  value!: string | number;
  @ApiProperty({ format: 'date', example: '2026-11-20' }) readDate!: string;
}

export class DtlEvidenceDoc {
  @ApiProperty({ type: MeterReadDoc }) meterRead!: MeterReadDoc;
  @ApiProperty({ maxLength: 20, pattern: '^[A-Za-z0-9-]{1,20}$', example: 'E6S12345678901' }) meterSerialNumber!: string;
}

export class IsolationDoc {
  @ApiProperty({ format: 'date', example: '2026-11-18' }) workDate!: string;
  @ApiProperty({ enum: ['SERVICE_REMOVED', 'CAPPED', 'CLAMPED', 'UNCAPPED', 'UNCLAMPED'] }) workType!: string;
}

/**
 * An alternative address: a UDPRN chosen from the postcode look-up, alone, or the PAF fields typed by
 * hand; the shared PAF field lengths (@cms/gas-market), as the register holds them. The contact keeps
 * it in `details.alternativeAddress` with its `provenance`: `{ source: 'ADDRESS_LOOKUP', lookedUpIn,
 * lookedUpAt }` or `{ source: 'TYPED' }`.
 */
export class PafAddressDoc {
  @ApiPropertyOptional({ maxLength: PAF.organisation }) organisation?: string;
  @ApiPropertyOptional({ maxLength: PAF.department }) department?: string;
  @ApiPropertyOptional({ maxLength: PAF.subBuildingName }) subBuildingName?: string;
  @ApiPropertyOptional({ maxLength: PAF.buildingName }) buildingName?: string;
  @ApiPropertyOptional({ maxLength: PAF.buildingNumber }) buildingNumber?: string;
  @ApiPropertyOptional({ maxLength: PAF.poBox }) poBox?: string;
  @ApiPropertyOptional({ maxLength: PAF.dependentThoroughfare }) dependentThoroughfare?: string;
  @ApiPropertyOptional({ maxLength: PAF.thoroughfare }) thoroughfare?: string;
  @ApiPropertyOptional({ maxLength: PAF.doubleDependentLocality }) doubleDependentLocality?: string;
  @ApiPropertyOptional({ maxLength: PAF.dependentLocality }) dependentLocality?: string;
  @ApiPropertyOptional({ maxLength: PAF.postTown }) postTown?: string;
  @ApiPropertyOptional({ maxLength: PAF.county }) county?: string;
  @ApiProperty({ maxLength: PAF.postcode, example: 'M1 1AE' }) postcode!: string;
  @ApiPropertyOptional({
    pattern: `^\\d{1,${PAF.udprn}}$`,
    description: 'An address chosen from the postcode look-up (GET /api/v1/addresses): its UDPRN, sent alone; the address and its UPRN are the look-up\'s.',
  })
  udprn?: string;
  @ApiPropertyOptional({ pattern: `^\\d{1,${PAF.uprn}}$`, description: 'Never sent: the look-up gives it with the UDPRN.' }) uprn?: string;
}

export class LogContactRequest {
  @ApiProperty({ enum: ['DTL', 'ISO'] }) type!: 'DTL' | 'ISO';
  @ApiProperty({ pattern: MPRN_PATTERN.source, maxLength: MPRN_MAX_DIGITS, example: '3938424403' }) mprn!: string;
  @ApiPropertyOptional({ enum: ['DE', 'LI'], description: 'ISO: DE, or LI from Capped/Clamped. DTL: LI or omitted.' })
  requestedStatus?: 'DE' | 'LI';
  @ApiProperty({ type: OriginatorContactDoc }) originatorContact!: OriginatorContactDoc;
  @ApiProperty({ minLength: 1, maxLength: RULES.descriptionMaxLength }) description!: string;
  @ApiPropertyOptional({ type: DtlEvidenceDoc, description: 'Mandatory for DTL.' }) dtlEvidence?: DtlEvidenceDoc;
  @ApiPropertyOptional({ type: IsolationDoc, description: 'Mandatory for ISO.' }) isolation?: IsolationDoc;
  @ApiPropertyOptional({ type: PafAddressDoc, description: 'Where the originator believes the supply point is, if not the address held.' })
  alternativeAddress?: PafAddressDoc;
}

export class ContactLoggedResponse {
  @ApiProperty({ example: 'C000001234' }) crn!: string;
  @ApiProperty({ enum: ['LOGGED'] }) status!: 'LOGGED';
  @ApiProperty({ format: 'date-time' }) loggedAt!: string;
}

export class HistoryEntryResponse implements HistoryEntryView {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ example: 'LOGGED' }) action!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Null where no person acted (the register, a timer).' }) actorUserId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorOrganisationId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) detail!: Record<string, unknown>;
}

export class ContactSummaryResponse implements ContactSummaryView {
  @ApiProperty() crn!: string;
  @ApiProperty({ enum: ['DTL', 'ISO'] }) type!: string;
  @ApiProperty() mprn!: string;
  @ApiProperty({ enum: ['LOGGED', 'UNDER_INVESTIGATION', 'RESOLVED', 'WITHDRAWN'] }) status!: string;
  @ApiProperty({ enum: ['LI', 'DE'] }) requestedStatus!: string;
  @ApiProperty({ format: 'uuid' }) originatorOrganisationId!: string;
  @ApiProperty({ format: 'uuid' }) transporterOrganisationId!: string;
  @ApiProperty({ format: 'date-time' }) loggedAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class WaitingOnResponse implements WaitingOnView {
  @ApiProperty({ enum: ['DC', 'OC', 'SV'] }) type!: 'DC' | 'OC' | 'SV';
  @ApiProperty({ format: 'uuid', description: 'The clarification or site visit.' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'Whose turn it is.' }) waitingOnOrganisationId!: string;
  @ApiProperty({ format: 'date', description: 'Counted in working days.' }) dueOn!: string;
  @ApiProperty({ description: 'Past its due date (Europe/London).' }) overdue!: boolean;
  @ApiProperty({ format: 'date-time', description: 'Waiting on that side since.' }) since!: string;
}

export class HandlerResponse implements HandlerView {
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() userId!: string;
}

export class ContactResponse extends ContactSummaryResponse implements ContactView {
  @ApiProperty({ minimum: 1, description: 'Also the `ETag`: send it back as `If-Match` with assign, resolution or withdrawal.' })
  version!: number;
  @ApiProperty() originatorUserId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) registeredShipperOrganisationId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Originator contact, description, evidence, alternative address.' })
  details!: Record<string, unknown>;
  @ApiProperty({ example: 'DE', description: "The register's status when the contact was logged." })
  meterPointStatusAtLogging!: string;
  @ApiProperty({ nullable: true, type: String, description: "The register's status after a VALID outcome was applied; null until then." })
  meterPointStatusAfter!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The CDSP agent investigating it.' }) investigatingAgentUserId!: string | null;
  @ApiProperty({ type: [HandlerResponse], description: "Who handles each other involved organisation's side of it." })
  handlers!: HandlerResponse[];
  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'Due for resolution: working days after logging, paused while waiting on the originator.' })
  dueOn!: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'Paused since, waiting on the originator; null while the clock runs.' })
  clockPausedOn!: string | null;
  @ApiProperty({ enum: ['VALID', 'INVALID'], nullable: true, type: String }) outcome!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'A code of GET /resolution-reasons.' }) outcomeReasonCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) outcomeReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) outcomeNote!: string | null;
  @ApiProperty({ nullable: true, type: Boolean, description: 'True when a timer closed it (no response to a data clarification).' })
  closedAutomatically!: boolean | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) closedByUserId!: string | null;
  @ApiProperty({ nullable: true, type: String }) withdrawalReason!: string | null;
  @ApiProperty({ type: [WaitingOnResponse], description: 'Open clarifications and site visits this contact waits on: whose turn, due when.' })
  waitingOn!: WaitingOnResponse[];
  @ApiProperty({ type: [HistoryEntryResponse] }) history!: HistoryEntryResponse[];
}

export class ContactListItemResponse extends ContactSummaryResponse implements ContactListItemView {
  @ApiProperty({ nullable: true, type: String, description: 'The CDSP agent investigating it.' }) investigatingAgentUserId!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      "Who works my organisation's side of it (`assignedTo=me` matches me here, `unassigned=true` no one): " +
      'for the CDSP its investigating agent, for any other organisation its handler.',
  })
  handlerUserId!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    description:
      'The earliest date it is due by: the open DCs, OCs and SVs it waits on, and its own resolution while its clock runs ' +
      '(not while paused waiting on the originator). Null when it is due by nothing (always, once closed).',
  })
  nextDueOn!: string | null;
  @ApiProperty({ description: '`nextDueOn` has passed (Europe/London): something it waits on, or its resolution, is overdue.' }) overdue!: boolean;
}

export class ContactListResponse implements ContactListView {
  @ApiProperty({ type: [ContactListItemResponse] }) items!: ContactListItemResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last page.' })
  nextCursor!: string | null;
}

export class ListContactsQuery implements ContactListQuery {
  @ApiPropertyOptional({ enum: ['DTL', 'ISO'] }) @IsOptional() @IsIn(['DTL', 'ISO']) type?: string;
  @ApiPropertyOptional({ enum: ['LOGGED', 'UNDER_INVESTIGATION', 'RESOLVED', 'WITHDRAWN'] })
  @IsOptional()
  @IsIn(['LOGGED', 'UNDER_INVESTIGATION', 'RESOLVED', 'WITHDRAWN'])
  status?: string;
  @PatternParam(MPRN_PATTERN) mprn?: string;
  @PatternParam(CRN_PATTERN) crn?: string;
  @DateTimeParam('Logged at or after this time.') loggedFrom?: string;
  @DateTimeParam('Logged before this time.') loggedTo?: string;
  @ApiPropertyOptional({
    enum: ['me'],
    description:
      "Contacts I work for my organisation: a CDSP user's as investigating agent, anyone else's as my organisation's handler. " +
      'Open and closed alike: narrow with `status`.',
  })
  @IsOptional()
  @IsIn(['me'])
  assignedTo?: 'me';
  @FlagParam("Open contacts nobody works for my organisation yet: for the CDSP, no investigating agent; for anyone else, no handler of my organisation.")
  unassigned?: 'true';
  @FlagParam('Open contacts waiting on my organisation: an open DC, OC or SV whose turn is ours.')
  waitingOnMe?: 'true';
  @FlagParam('Open contacts past a date they are due by (`overdue` in the items): a DC, OC or SV, whoever it waits on, or the resolution itself.')
  overdue?: 'true';
  @ApiPropertyOptional({
    enum: CONTACT_LIST_SORTS,
    default: 'loggedAt',
    description:
      '`loggedAt`: newest logged first. `dueOn`: soonest due first (`nextDueOn`; contacts due by nothing last), then by CRN. ' +
      "A cursor continues only the sort it came from (else 422 INVALID_CURSOR). Under `dueOn` a contact's place moves when " +
      'what it is due by changes.',
  })
  @IsOptional()
  @IsIn(CONTACT_LIST_SORTS)
  sort?: ContactListSort;
  @PageSizeParam({ max: 100, default: 25, description: 'Page size of the JSON answer; not taken with `Accept: text/csv`.' })
  limit?: number;
  @CursorParam('`nextCursor` of the previous page (JSON answer only; not taken with `Accept: text/csv`).')
  cursor?: string;
}

// The lifecycle commands' bodies. The domain checks them again (reasons from the reference data,
// text rules), so these state the shape and limits for the OpenAPI document and refuse the rest.

export class AssignContactRequest {
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 64,
    description: 'A SUPERVISOR gives or transfers the contact to this user of their organisation; omit it to take the contact yourself.',
  })
  @OptionalField()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  assigneeUserId?: string;
}

export class ResolveContactRequest {
  @ApiProperty({ enum: ['VALID', 'INVALID'] }) @IsIn(['VALID', 'INVALID']) outcome!: 'VALID' | 'INVALID';
  @ApiProperty({ minLength: 1, maxLength: 40, example: 'GAS_FLOW_CONFIRMED', description: 'A reason of GET /resolution-reasons for that outcome (else 422 INVALID_RESOLUTION).' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  reasonCode!: string;
  @ApiPropertyOptional({ maxLength: NOTE_MAX_LENGTH, description: 'Free text shown on the contact; line breaks allowed.' })
  @OptionalField()
  @IsString()
  @MaxLength(NOTE_MAX_LENGTH)
  note?: string;
}

export class WithdrawContactRequest {
  @ApiProperty({ minLength: 1, maxLength: WITHDRAWAL_REASON_MAX_LENGTH }) @IsString() @MinLength(1) @MaxLength(WITHDRAWAL_REASON_MAX_LENGTH) reason!: string;
}

export class ResolutionReasonResponse implements ResolutionReasonView {
  @ApiProperty({ example: 'GAS_FLOW_CONFIRMED' }) code!: string;
  @ApiProperty({ example: 'Gas flow confirmed (meter read or site visit)' }) label!: string;
  @ApiProperty({ enum: ['VALID', 'INVALID'] }) outcome!: string;
}
