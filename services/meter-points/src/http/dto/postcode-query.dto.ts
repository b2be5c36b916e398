import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { MPRN_PATTERN, POSTCODE_INPUT_PATTERN } from '@cms/gas-market';
import { PageSizeParam, PatternParam } from '@cms/service-defaults';

export const MAX_PAGE_SIZE = 100;

export class PostcodeQuery {
  @ApiProperty({
    description: 'A UK postcode; case and spacing are normalised. Another shape is 400 POSTCODE_FORMAT.',
    example: 'M20 4QT',
    maxLength: 10,
    pattern: POSTCODE_INPUT_PATTERN.source,
  })
  @IsString()
  @MaxLength(10)
  postcode: string;

  @PageSizeParam({ max: MAX_PAGE_SIZE, default: MAX_PAGE_SIZE })
  limit?: number;

  /** The last MPRN of the previous page: any MPRN continues after it. */
  @PatternParam(MPRN_PATTERN, { description: '`nextCursor` of the previous page (an MPRN: the page continues after it).' })
  cursor?: string;
}
