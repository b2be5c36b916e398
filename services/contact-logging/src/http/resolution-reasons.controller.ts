import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ContactQueries } from '../application/contact.queries';
import { ResolutionReasonResponse } from './contact.dto';

/** The resolution reasons of the reference data (docs/domain.md "Outcome"), for the resolution form. */
@ApiTags('Contacts')
@Controller('api/v1/resolution-reasons')
export class ResolutionReasonsController {
  constructor(@Inject(ContactQueries) private readonly queries: ContactQueries) {}

  @Get()
  @ApiOperation({ summary: 'The reasons an agent may give for each outcome, in the order to offer them' })
  @ApiOkResponse({ type: [ResolutionReasonResponse] })
  list(): Promise<ResolutionReasonResponse[]> {
    return this.queries.resolutionReasons();
  }
}
