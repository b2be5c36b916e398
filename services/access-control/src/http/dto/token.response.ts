import { ApiProperty } from '@nestjs/swagger';

export class TokenResponse {
  @ApiProperty({
    description: 'ES256 JWT to send as `Authorization: Bearer …`. Claims: sub (user id), org (organisation id), org_type, roles, sid, iss, aud, iat, exp, jti.',
    maxLength: 4096,
  })
  accessToken: string;

  @ApiProperty({ enum: ['Bearer'], maxLength: 6 })
  tokenType: 'Bearer';

  @ApiProperty({ description: 'Seconds until the access token expires.', example: 300 })
  expiresIn: number;

  @ApiProperty({
    description: 'Opaque token for POST /auth/refresh and POST /auth/logout; single use, replaced on every refresh.',
    maxLength: 128,
  })
  refreshToken: string;
}
