import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { MPRN_MAX_DIGITS } from '@cms/gas-market';
import { PageSizeParam } from '@cms/service-defaults';

export const MAX_PAGE_SIZE = 100;

export class PostcodeQuery {
  @ApiProperty({ description: 'A UK postcode; case and spacing are normalised.', example: 'M20 4QT', maxLength: 10 })
  @IsString()
  @MaxLength(10)
  postcode: string;

  @PageSizeParam({ max: MAX_PAGE_SIZE, default: MAX_PAGE_SIZE })
  limit?: number;

  @ApiPropertyOptional({ description: '`nextCursor` of the previous page.', maxLength: MPRN_MAX_DIGITS })
  @IsOptional()
  @IsString()
  @MaxLength(MPRN_MAX_DIGITS)
  cursor?: string;
}
