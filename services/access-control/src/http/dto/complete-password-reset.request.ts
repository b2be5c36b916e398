import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../domain/password-policy';

/** Reset tokens are 43 characters; the limit leaves room without accepting essays. */
export const RESET_TOKEN_MAX_LENGTH = 128;

export class CompletePasswordResetRequest {
  @ApiProperty({ description: 'The `token` of the emailed link.', minLength: 1, maxLength: RESET_TOKEN_MAX_LENGTH })
  @IsString()
  @IsNotEmpty()
  @MaxLength(RESET_TOKEN_MAX_LENGTH)
  token: string;

  @ApiProperty({
    description: `At least ${PASSWORD_MIN_LENGTH} characters, no composition rules; not a common password and not containing the user id.`,
    format: 'password',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword: string;
}
