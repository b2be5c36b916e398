import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { TELEPHONE_MAX_LENGTH, TELEPHONE_PATTERN } from '../../domain/user-account';
import { DISPLAY_NAME_MAX_LENGTH, EMAIL_MAX_LENGTH } from './create-user.request';

/** What a user may change of their own profile (docs/domain.md "Who uses it"); anything left out stays. */
export class UpdateProfileRequest {
  @ApiPropertyOptional({ example: 'Isla Fraser', minLength: 1, maxLength: DISPLAY_NAME_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(DISPLAY_NAME_MAX_LENGTH)
  displayName?: string;

  @ApiPropertyOptional({ format: 'email', example: 'isla.fraser@brightwater.example', maxLength: EMAIL_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(EMAIL_MAX_LENGTH)
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '0161 496 0000',
    maxLength: TELEPHONE_MAX_LENGTH,
    pattern: TELEPHONE_PATTERN.source,
    description: 'Digits, spaces, brackets and hyphens, an optional leading +; null removes it.',
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @MaxLength(TELEPHONE_MAX_LENGTH)
  @Matches(TELEPHONE_PATTERN, { message: 'telephone must be 6 to 30 digits, spaces, brackets or hyphens, with an optional leading +' })
  telephone?: string | null;
}
