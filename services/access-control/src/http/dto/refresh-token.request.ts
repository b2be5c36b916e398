import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Refresh tokens are 43 characters; the limit leaves room without accepting essays. */
export const REFRESH_TOKEN_MAX_LENGTH = 128;

export class RefreshTokenRequest {
  @ApiProperty({ description: 'The refresh token from the last sign-in or refresh.', minLength: 1, maxLength: REFRESH_TOKEN_MAX_LENGTH })
  @IsString()
  @IsNotEmpty()
  @MaxLength(REFRESH_TOKEN_MAX_LENGTH)
  refreshToken: string;
}
