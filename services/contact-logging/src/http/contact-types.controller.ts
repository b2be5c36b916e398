import { Controller, Get, Header, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ProblemException } from '@cms/service-defaults';
import { LOGGING_RULES } from '../application/log-contact.handler';
import { CONTACT_TYPES, contactTypeDefinition, isContactType, type ContactTypeDefinition, type LoggingRulesConfig } from '../domain';

class ContactItemResponse {
  @ApiProperty({ example: 'dtlEvidence.meterRead.value', description: 'Its path in the submission, as rejections name it.' }) field!: string;
  @ApiProperty({ enum: ['MANDATORY', 'OPTIONAL', 'ONE_OF'], description: 'ONE_OF: at least one item of its group is needed.' }) requirement!: string;
  @ApiPropertyOptional({ description: 'For ONE_OF: its group (in `groups`).' }) group?: string;
  @ApiProperty({ description: 'The rule in words.' }) rule!: string;
  @ApiPropertyOptional({ minimum: 1 }) maxLength?: number;
  @ApiPropertyOptional({ type: [String] }) choices?: string[];
  @ApiPropertyOptional({ description: 'For an item of an optional block: mandatory once the block is given.' }) withinOptionalBlock?: string;
}

class ContactItemGroupResponse {
  @ApiProperty() name!: string;
  @ApiProperty() rule!: string;
  @ApiProperty({ description: 'The field a submission with none of the group is refused on.' }) rejectedOn!: string;
  @ApiPropertyOptional() withinOptionalBlock?: string;
}

class ContactTypeResponse {
  @ApiProperty({ enum: CONTACT_TYPES }) type!: string;
  @ApiProperty({ example: 'Dead to Live' }) name!: string;
  @ApiProperty() purpose!: string;
  @ApiProperty({ type: [ContactItemResponse] }) items!: ContactItemResponse[];
  @ApiProperty({ type: [ContactItemGroupResponse] }) groups!: ContactItemGroupResponse[];
}

/**
 * The mandatory data items of each contact type, found in CMS itself (docs/domain.md "Who uses it"):
 * each item and its rule in words, from the definitions the logging rules are checked against, with
 * the limits as this service is configured.
 */
@ApiTags('Contacts')
@Controller('api/v1/contact-types')
export class ContactTypesController {
  constructor(@Inject(LOGGING_RULES) private readonly rules: LoggingRulesConfig) {}

  @Get()
  @Header('Cache-Control', 'private, max-age=300')
  @ApiOperation({ summary: 'Every contact type with its mandatory and optional items, each rule in words' })
  @ApiOkResponse({ type: [ContactTypeResponse] })
  list(): ContactTypeDefinition[] {
    return CONTACT_TYPES.map((type) => contactTypeDefinition(type, this.rules));
  }

  @Get(':type')
  @Header('Cache-Control', 'private, max-age=300')
  @ApiOperation({ summary: 'One contact type: its mandatory and optional items, each rule in words' })
  @ApiParam({ name: 'type', enum: CONTACT_TYPES })
  @ApiOkResponse({ type: ContactTypeResponse })
  @ApiResponse({ status: 404, description: 'No such contact type.' })
  get(@Param('type') type: string): ContactTypeDefinition {
    if (!isContactType(type)) throw ProblemException.notFound(`No contact type ${type}: the types are ${CONTACT_TYPES.join(' and ')}.`);
    return contactTypeDefinition(type, this.rules);
  }
}
