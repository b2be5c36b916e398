import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MPRN_MAX_DIGITS } from '@cms/gas-market';

export const MAX_PAGE_SIZE = 100;

export class PostcodeQuery {
  @ApiProperty({ description: 'A UK postcode; case and spacing are normalised.', example: 'M20 4QT', maxLength: 10 })
  @IsString()
  @MaxLength(10)
  postcode: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: '`nextCursor` of the previous page.', maxLength: MPRN_MAX_DIGITS })
  @IsOptional()
  @IsString()
  @MaxLength(MPRN_MAX_DIGITS)
  cursor?: string;
}
