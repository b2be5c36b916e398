import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ApiMprnPath, ProblemException } from '@cms/service-defaults';
import { MeterPointLookup } from '../application/meter-point-lookup';
import { MeterPointResponse, MeterPointsAtPostcodeResponse } from './dto/meter-point.response';
import { MAX_PAGE_SIZE, PostcodeQuery } from './dto/postcode-query.dto';
import { ProblemDetailsResponse } from './dto/problem-details.response';

const MPRN_RULE = 'An MPRN is numeric and at most 10 digits.';

/** Look-ups in the meter point register, for any signed-in caller (the global guard checks the token). */
@ApiTags('Meter points')
@ApiUnauthorizedResponse({ type: ProblemDetailsResponse, description: 'No valid access token (`UNAUTHENTICATED`).' })
@Controller('api/v1/meter-points')
export class MeterPointsController {
  constructor(@Inject(MeterPointLookup) private readonly lookup: MeterPointLookup) {}

  @Get(':mprn')
  @ApiOperation({
    summary: 'A meter point: status, transporter, registered shipper, LDZ and supply address',
    operationId: 'getMeterPoint',
  })
  @ApiMprnPath()
  @ApiOkResponse({ type: MeterPointResponse })
  @ApiBadRequestResponse({ type: ProblemDetailsResponse, description: 'Not an MPRN (`MPRN_FORMAT`).' })
  @ApiNotFoundResponse({
    type: ProblemDetailsResponse,
    description: 'No such meter point in the register (`NOT_FOUND`).',
  })
  async getMeterPoint(@Param('mprn') mprn: string): Promise<MeterPointResponse> {
    const result = await this.lookup.byMprn(mprn);
    switch (result.outcome) {
      case 'found':
        return MeterPointResponse.from(result.meterPoint, result.checkDigitsConsistent);
      case 'malformed':
        throw new ProblemException(400, 'MPRN_FORMAT', 'Malformed MPRN', MPRN_RULE, [
          { code: 'MPRN_FORMAT', field: 'mprn', message: MPRN_RULE },
        ]);
      case 'not-found':
        throw ProblemException.notFound(
          `No meter point with MPRN ${mprn} is in the register.` +
            (result.checkDigitsConsistent ? '' : ' Its check digits do not match: it may be mistyped.'),
        );
    }
  }

  @Get()
  @ApiOperation({
    summary: 'Meter points at a postcode, with their supply addresses, a page at a time',
    operationId: 'listMeterPointsAtPostcode',
  })
  @ApiOkResponse({ type: MeterPointsAtPostcodeResponse })
  @ApiBadRequestResponse({
    type: ProblemDetailsResponse,
    description: 'Not a UK postcode shape (`POSTCODE_FORMAT`), or a bad query (`VALIDATION_FAILED`).',
  })
  async listAtPostcode(@Query() query: PostcodeQuery): Promise<MeterPointsAtPostcodeResponse> {
    const result = await this.lookup.atPostcode(query.postcode, { limit: query.limit ?? MAX_PAGE_SIZE, cursor: query.cursor });
    switch (result.outcome) {
      case 'found':
        return Object.assign(new MeterPointsAtPostcodeResponse(), {
          postcode: result.postcode,
          items: result.meterPoints.map((meterPoint) =>
            MeterPointResponse.from(meterPoint, true /* it is in the register */),
          ),
          nextCursor: result.nextCursor,
        });
      case 'malformed-postcode':
        throw ProblemException.validation([
          { code: 'POSTCODE_FORMAT', field: 'postcode', message: 'postcode is not a UK postcode shape (e.g. M20 4QT)' },
        ]);
      case 'malformed-cursor':
        throw ProblemException.validation([
          { code: 'INVALID_FIELD', field: 'cursor', message: 'cursor must be the nextCursor of a previous page' },
        ]);
    }
  }
}
