import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { EmailAddressField } from '@cms/service-defaults';
import { TELEPHONE_MAX_LENGTH, TELEPHONE_PATTERN } from '../../domain/user-account';
import { DISPLAY_NAME_MAX_LENGTH } from './create-user.request';

/** What a user may change of their own profile (docs/domain.md "Who uses it"); anything left out stays. */
export class UpdateProfileRequest {
  @ApiPropertyOptional({ example: 'Isla Fraser', minLength: 1, maxLength: DISPLAY_NAME_MAX_LENGTH })
  // Left out, it stays; null is not a name (unlike telephone, which null removes).
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(DISPLAY_NAME_MAX_LENGTH)
  displayName?: string;

  @EmailAddressField({ optional: true, example: 'isla.fraser@brightwater.example' })
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
