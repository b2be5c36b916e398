import { ApiProperty } from '@nestjs/swagger';

export class PublicJwkResponse {
  @ApiProperty({ enum: ['EC'], maxLength: 2 })
  kty: string;

  @ApiProperty({ enum: ['P-256'], maxLength: 5 })
  crv: string;

  @ApiProperty({ description: 'base64url x coordinate.', maxLength: 43 })
  x: string;

  @ApiProperty({ description: 'base64url y coordinate.', maxLength: 43 })
  y: string;

  @ApiProperty({ description: 'Key id (RFC 7638 thumbprint); matches the `kid` header of the tokens it signed.', maxLength: 43 })
  kid: string;

  @ApiProperty({ enum: ['ES256'], maxLength: 5 })
  alg: string;

  @ApiProperty({ enum: ['sig'], maxLength: 3 })
  use: string;
}

export class JwksResponse {
  @ApiProperty({ type: [PublicJwkResponse], description: 'The signing key, a key about to sign (after a rotation), and retired keys until every token they signed has expired.' })
  keys: PublicJwkResponse[];
}
