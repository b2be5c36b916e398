import { ApiProperty } from '@nestjs/swagger';

export class SigningKeyRotationResponse {
  @ApiProperty({ description: 'The new key: in the JWKS from now, signing from activatesAt.', maxLength: 43 })
  kid: string;

  @ApiProperty({
    description: 'The key signing until then; it stays in the JWKS for the access-token lifetime plus a margin after it.',
    maxLength: 43,
  })
  retiringKid: string;

  @ApiProperty({ format: 'date-time', maxLength: 30 })
  activatesAt: string;
}
