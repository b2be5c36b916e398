import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { POSTCODE_INPUT_PATTERN } from '@cms/gas-market';

/** Room for a postcode as typed, spaces and all; normalised it has at most 8 characters. */
const TYPED_POSTCODE_MAX_LENGTH = 16;

export class PostcodeQuery {
  @ApiProperty({
    description: 'A UK postcode; case and spacing are normalised. Another shape is 400 POSTCODE_FORMAT.',
    example: 'PR2 9QZ',
    maxLength: TYPED_POSTCODE_MAX_LENGTH,
    pattern: POSTCODE_INPUT_PATTERN.source,
  })
  @IsString()
  @MaxLength(TYPED_POSTCODE_MAX_LENGTH)
  postcode: string;
}
