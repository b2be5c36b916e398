import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { MeterPointLookup } from '../application/meter-point-lookup';
import { MeterPointStatusListResponse, MeterPointStatusResponse } from './dto/meter-point-status.response';
import { ProblemDetailsResponse } from './dto/problem-details.response';

/** The meter point status reference data (LI, DE, CA, CL, EX by default; operators may add more). */
@ApiTags('Meter points')
@ApiUnauthorizedResponse({ type: ProblemDetailsResponse, description: 'No valid access token (`UNAUTHENTICATED`).' })
@Controller('api/v1/meter-point-statuses')
export class MeterPointStatusesController {
  constructor(@Inject(MeterPointLookup) private readonly lookup: MeterPointLookup) {}

  @Get()
  @ApiOperation({ summary: 'The meter point status reference list', operationId: 'listMeterPointStatuses' })
  @ApiOkResponse({ type: MeterPointStatusListResponse })
  async list(): Promise<MeterPointStatusListResponse> {
    const statuses = await this.lookup.statuses();
    return Object.assign(new MeterPointStatusListResponse(), { items: statuses.map(MeterPointStatusResponse.from) });
  }
}
