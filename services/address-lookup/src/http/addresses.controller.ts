import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@cms/auth';
import { UDPRN_PATTERN } from '@cms/gas-market';
import { ApiPathPattern, ProblemException } from '@cms/service-defaults';
import { AddressLookup } from '../application/address-lookup';
import { AddressSourceUnavailableError } from '../application/address-source.port';
import { AddressesAtPostcodeResponse, AddressLookedUpResponse, AddressResponse } from './dto/address.response';
import { PostcodeQuery } from './dto/postcode-query.dto';

const POSTCODE_RULE = 'The postcode must be a UK postcode, such as PR2 9QZ.';
const UDPRN_RULE = 'A UDPRN is 1 to 8 digits.';

/** Problems the UI acts on: 429 and 503 both mean "type the address by hand". */
const OVER_QUOTA =
  'ADDRESS_LOOKUP_QUOTA_EXCEEDED: you have made the look-ups allowed to a user in a day (the PAF licence forbids bulk ' +
  'extraction); type the address by hand, or look it up again tomorrow.';
const UNAVAILABLE = 'ADDRESS_LOOKUP_UNAVAILABLE: the address source did not answer in time; type the address by hand.';

/** Postal address look-ups for any signed-in caller (the global guard checks the token; partner systems need addresses:read). */
@ApiTags('Addresses')
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no valid access token.' })
@ApiForbiddenResponse({ description: 'FORBIDDEN: a partner system token without the scope addresses:read.' })
@ApiResponse({ status: 429, description: OVER_QUOTA })
@ApiResponse({ status: 503, description: UNAVAILABLE })
@Controller('api/v1/addresses')
export class AddressesController {
  constructor(@Inject(AddressLookup) private readonly lookup: AddressLookup) {}

  @Get()
  @ApiOperation({ summary: 'Every delivery point at a postcode, with its PAF fields and printed label', operationId: 'listAddressesAtPostcode' })
  @ApiOkResponse({ type: AddressesAtPostcodeResponse, description: 'An unknown postcode of a valid shape has no items.' })
  @ApiBadRequestResponse({ description: 'POSTCODE_FORMAT: not a UK postcode shape; VALIDATION_FAILED: no postcode.' })
  async atPostcode(@CurrentCaller() caller: Caller, @Query() query: PostcodeQuery): Promise<AddressesAtPostcodeResponse> {
    const result = await answer(() => this.lookup.atPostcode(caller, query.postcode));
    switch (result.outcome) {
      case 'found':
        return Object.assign(new AddressesAtPostcodeResponse(), {
          postcode: result.postcode,
          source: result.source,
          items: result.deliveryPoints.map((point) => AddressResponse.from(point)),
        });
      case 'malformed-postcode':
        throw new ProblemException(400, 'POSTCODE_FORMAT', 'Malformed postcode', POSTCODE_RULE, [
          { code: 'POSTCODE_FORMAT', field: 'postcode', message: POSTCODE_RULE },
        ]);
      case 'over-quota':
        throw overQuota();
    }
  }

  @Get(':udprn')
  @ApiOperation({ summary: 'One delivery point by its UDPRN, with where it was looked up', operationId: 'getAddressByUdprn' })
  @ApiPathPattern('udprn', UDPRN_PATTERN, { description: UDPRN_RULE, example: '10482615' })
  @ApiOkResponse({ type: AddressLookedUpResponse })
  @ApiBadRequestResponse({ description: 'UDPRN_FORMAT: not 1 to 8 digits.' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no delivery point has this UDPRN.' })
  async byUdprn(@CurrentCaller() caller: Caller, @Param('udprn') udprn: string): Promise<AddressLookedUpResponse> {
    const result = await answer(() => this.lookup.byUdprn(caller, udprn));
    switch (result.outcome) {
      case 'found':
        return AddressLookedUpResponse.of(result.deliveryPoint, result.source);
      case 'not-found':
        throw ProblemException.notFound(`No delivery point has the UDPRN ${udprn}.`);
      case 'malformed-udprn':
        throw new ProblemException(400, 'UDPRN_FORMAT', 'Malformed UDPRN', UDPRN_RULE, [
          { code: 'UDPRN_FORMAT', field: 'udprn', message: UDPRN_RULE },
        ]);
      case 'over-quota':
        throw overQuota();
    }
  }
}

/** The look-up's result; the source being down is a 503 the UI answers with manual entry. */
async function answer<T>(lookUp: () => Promise<T>): Promise<T> {
  try {
    return await lookUp();
  } catch (error) {
    if (!(error instanceof AddressSourceUnavailableError)) throw error;
    throw new ProblemException(
      503,
      'ADDRESS_LOOKUP_UNAVAILABLE',
      'Address look-up unavailable',
      'The address source did not answer. Type the address by hand.',
    );
  }
}

function overQuota(): ProblemException {
  return new ProblemException(
    429,
    'ADDRESS_LOOKUP_QUOTA_EXCEEDED',
    'Too many address look-ups',
    'You have made the address look-ups allowed to a user in a day. Type the address by hand, or look it up again tomorrow.',
  );
}
