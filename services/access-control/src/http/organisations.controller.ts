import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ListOrganisationsHandler } from '../application/list-organisations.handler';
import { ListOrganisationsQuery } from './dto/list-organisations.query';
import { OrganisationListResponse } from './dto/organisation.response';

@ApiTags('organisations')
@Controller('api/v1/organisations')
export class OrganisationsController {
  constructor(private readonly listOrganisations: ListOrganisationsHandler) {}

  /**
   * The whole directory in one answer, not paged: the GB gas market has a few hundred
   * organisations at most, and the UI needs them all for its pickers.
   */
  @Get()
  @ApiOperation({ summary: 'Directory of market organisations, by type then name' })
  @ApiOkResponse({ type: OrganisationListResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: unknown type or unknown query parameter.' })
  @ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no valid access token.' })
  async list(@Query() query: ListOrganisationsQuery): Promise<OrganisationListResponse> {
    return { items: await this.listOrganisations.execute(query.type) };
  }
}
