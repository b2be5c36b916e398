import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { ApiSchemaRules, CalendarDayField, CalendarDayParam, CursorParam, KEYSET_PAGE_SIZE, OptionalField, PageSizeParam, WrittenText } from '@cms/service-defaults';
import type { SiteVisitListQuery, SiteVisitListView, SiteVisitView } from '../application/site-visit.views';
import {
  DECLINE_REASON_MAX_LENGTH,
  type AddressFields,
  type AddressProvenance,
  INSTRUCTIONS_MAX_LENGTH,
  NOTES_MAX_LENGTH,
  SITE_VISIT_CANCELLATION_CAUSES,
  SITE_VISIT_STATUSES,
  type OriginatorContact,
  type ReferralDetails,
  type SiteVisitCancellationCause,
  type SiteVisitStatus,
} from '../domain';

export class ReferSiteVisitRequest {
  @ApiPropertyOptional({ maxLength: INSTRUCTIONS_MAX_LENGTH, description: 'What the agent asks the transporter to look at on site.' })
  @OptionalField()
  @IsString()
  @MaxLength(INSTRUCTIONS_MAX_LENGTH)
  instructions?: string;
}

/** A decline needs its reason (validated below when declining, or whenever one is sent). */
@ApiSchemaRules({ anyOf: [{ properties: { accepted: { enum: [true] } } }, { required: ['reason'] }] })
export class AnswerReferralRequest {
  @ApiProperty({ description: 'true: the transporter will visit; false: declined, with a reason (it returns to the agent).' })
  @IsBoolean()
  accepted!: boolean;

  @ApiPropertyOptional({ minLength: 1, maxLength: DECLINE_REASON_MAX_LENGTH, description: 'Required when declining; not sent when accepting.' })
  @ValidateIf((request: AnswerReferralRequest) => request.accepted === false || request.reason !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(DECLINE_REASON_MAX_LENGTH)
  reason?: string;
}

export class ReportFindingRequest {
  @ApiProperty({ description: 'Whether the visit confirms the status the site visit asks about (`confirmStatus`).' })
  @IsBoolean()
  confirmed!: boolean;

  @CalendarDayField({ example: '2026-12-03', description: 'The day of the visit: not in the future, not before the referral (else 422).' })
  visitedOn!: string;

  @WrittenText({ maxLength: NOTES_MAX_LENGTH, description: 'What was found on site.' })
  notes!: string;

  @ApiPropertyOptional({ maxLength: 20, pattern: '^[A-Za-z0-9-]{1,20}$', description: 'The serial number of the meter seen on site.' })
  @OptionalField()
  @Matches(/^[A-Za-z0-9-]{1,20}$/)
  meterSerialNumber?: string;

  @ApiPropertyOptional({ pattern: '^\\d{1,12}$', maxLength: 12, description: 'The meter read seen on site, as its digits.' })
  @OptionalField()
  @Matches(/^\d{1,12}$/)
  meterRead?: string;

  @ApiPropertyOptional({ maxLength: 200, example: 'Meter in place, gas in use', description: 'The meter’s condition as seen (capped, clamped, removed, in use…).' })
  @OptionalField()
  @IsString()
  @MaxLength(200)
  condition?: string;
}

export class ListSiteVisitsQuery implements SiteVisitListQuery {
  @ApiPropertyOptional({ enum: SITE_VISIT_STATUSES })
  @IsOptional()
  @IsIn(SITE_VISIT_STATUSES)
  status?: SiteVisitStatus;

  @CalendarDayParam('Due on or after this day.')
  dueFrom?: string;

  @CalendarDayParam('Due on or before this day.')
  dueTo?: string;

  @PageSizeParam(KEYSET_PAGE_SIZE)
  limit?: number;

  @CursorParam()
  cursor?: string;
}

export class OriginatorContactResponse implements OriginatorContact {
  @ApiProperty({ example: 'Sam Jones' }) name!: string;
  @ApiProperty({ type: String, nullable: true, example: '0161 496 0000' }) telephone!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'sam.jones@example.com' }) email!: string | null;
}

export class AddressProvenanceResponse implements AddressProvenance {
  @ApiProperty({ enum: ['ADDRESS_LOOKUP', 'TYPED'], description: 'Chosen from the postcode look-up, or typed by hand.' }) source!: 'ADDRESS_LOOKUP' | 'TYPED';
  @ApiPropertyOptional({ description: 'ADDRESS_LOOKUP: the PAF source that answered.' }) lookedUpIn?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'ADDRESS_LOOKUP: when it was looked up.' }) lookedUpAt?: string;
}

/** A PAF-style address (@cms/gas-market): each field absent or null where the address has none. */
export class SiteVisitAddressResponse implements AddressFields {
  @ApiPropertyOptional({ type: String, nullable: true }) organisation?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) department?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) subBuildingName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) buildingName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) buildingNumber?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) poBox?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) dependentThoroughfare?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) thoroughfare?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) doubleDependentLocality?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) dependentLocality?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) postTown?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) county?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'M5 4WT' }) postcode?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Royal Mail’s delivery point id.' }) udprn?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'GeoPlace’s property id.' }) uprn?: string | null;
  @ApiPropertyOptional({ type: AddressProvenanceResponse, nullable: true, description: 'The alternative address only: where it came from.' })
  provenance?: AddressProvenanceResponse | null;
}

export class SiteVisitDetailsResponse implements ReferralDetails {
  @ApiProperty({ type: SiteVisitAddressResponse, nullable: true, description: 'The supply address the register holds.' })
  supplyAddress!: SiteVisitAddressResponse | null;
  @ApiProperty({ type: SiteVisitAddressResponse, nullable: true, description: 'Where the originator believes the supply point is, if not the address held.' })
  alternativeAddress!: SiteVisitAddressResponse | null;
  @ApiProperty({ type: OriginatorContactResponse, description: 'The originator’s contact: a name, and a telephone or an email.' })
  originatorContact!: OriginatorContactResponse;
  @ApiProperty({ description: 'The situation in the originator’s words.' })
  description!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'DTL: meter read and serial number; ISO: the date and kind of the isolation work.' })
  evidence!: Record<string, unknown>;
}

export class SiteVisitAcceptanceResponse {
  @ApiProperty() accepted!: boolean;
  @ApiProperty() byUserId!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Why it was declined.' }) reason!: string | null;
}

export class SiteVisitFindingResponse {
  @ApiProperty() confirmed!: boolean;
  @ApiProperty({ format: 'date' }) visitedOn!: string;
  @ApiProperty() notes!: string;
  @ApiProperty({ nullable: true, type: String }) meterSerialNumber!: string | null;
  @ApiProperty({ nullable: true, type: String }) meterRead!: string | null;
  @ApiProperty({ nullable: true, type: String }) condition!: string | null;
  @ApiProperty() byUserId!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class SiteVisitCancellationResponse {
  @ApiProperty({ enum: SITE_VISIT_CANCELLATION_CAUSES }) cause!: SiteVisitCancellationCause;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class SiteVisitResponse implements SiteVisitView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'C000001234' }) crn!: string;
  @ApiProperty({ example: '3938424403' }) mprn!: string;
  @ApiProperty({ enum: ['DTL', 'ISO'] }) contactType!: 'DTL' | 'ISO';
  @ApiProperty({ format: 'uuid', description: 'The DN or IGT it is referred to.' }) transporterOrganisationId!: string;
  @ApiProperty({ example: 'LI', description: 'The status the visit must confirm: the contact’s requested status (LI, or DE for an ISO to Dead).' })
  confirmStatus!: string;
  @ApiProperty({ nullable: true, type: String }) instructions!: string | null;
  @ApiProperty({ type: SiteVisitDetailsResponse }) details!: SiteVisitDetailsResponse;
  @ApiProperty({ enum: SITE_VISIT_STATUSES }) status!: SiteVisitStatus;
  @ApiProperty({ minimum: 1, description: 'Also the `ETag`: send it back as `If-Match` with acceptance or finding.' }) version!: number;
  @ApiProperty() referredByUserId!: string;
  @ApiProperty({ format: 'date-time' }) referredAt!: string;
  @ApiProperty({ format: 'date', description: 'The finding is due by this day (working days after the referral).' }) dueOn!: string;
  @ApiProperty({ description: 'Still open past its due date (Europe/London).' }) overdue!: boolean;
  @ApiProperty({ type: SiteVisitAcceptanceResponse, nullable: true }) acceptance!: SiteVisitAcceptanceResponse | null;
  @ApiProperty({ type: SiteVisitFindingResponse, nullable: true }) finding!: SiteVisitFindingResponse | null;
  @ApiProperty({ type: SiteVisitCancellationResponse, nullable: true, description: 'Set when the contact ended while the visit was open.' })
  cancellation!: SiteVisitCancellationResponse | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class SiteVisitListResponse implements SiteVisitListView {
  @ApiProperty({ type: [SiteVisitResponse] }) items!: SiteVisitResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last page.' }) nextCursor!: string | null;
}

export class ContactSiteVisitsResponse {
  @ApiProperty({ type: [SiteVisitResponse], description: 'Oldest referral first.' }) items!: SiteVisitResponse[];
}
