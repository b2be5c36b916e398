import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiSchemaRules } from '@cms/service-defaults';
import { TOKEN_REQUEST_LIMITS } from '../../domain/client-credentials-request';

/**
 * The client-credentials token request (RFC 6749 §4.4.2), form-encoded or JSON. Documentation only:
 * read by readTokenRequest, which ignores parameters it does not know (RFC 6749 §3.2), unlike the
 * rest of the API.
 */
@ApiSchemaRules({ additionalProperties: true })
export class ClientTokenRequest {
  @ApiProperty({ enum: ['client_credentials'], maxLength: TOKEN_REQUEST_LIMITS.grant_type })
  grant_type: string;

  @ApiPropertyOptional({ description: 'Only when the client does not use HTTP Basic.', maxLength: TOKEN_REQUEST_LIMITS.client_id })
  client_id?: string;

  @ApiPropertyOptional({ description: 'Only when the client does not use HTTP Basic.', maxLength: TOKEN_REQUEST_LIMITS.client_secret })
  client_secret?: string;

  @ApiPropertyOptional({
    description: 'Space-separated scopes, a subset of the client’s; omitted: all of them.',
    example: 'contacts:read meter-points:read',
    maxLength: TOKEN_REQUEST_LIMITS.scope,
  })
  scope?: string;
}

export class ClientTokenResponse {
  @ApiProperty({
    description:
      'ES256 JWT to send as `Authorization: Bearer …`. Claims: sub (`client:<client_id>`), org, org_type, roles (empty), scope, client_id, iss, aud, iat, exp, jti.',
    maxLength: 4096,
  })
  access_token: string;

  @ApiProperty({ enum: ['Bearer'], maxLength: 6 })
  token_type: 'Bearer';

  @ApiProperty({ description: 'Seconds until the access token expires.', example: 300 })
  expires_in: number;

  @ApiProperty({ description: 'The granted scopes, space-separated.', example: 'contacts:read', maxLength: 512 })
  scope: string;
}

export class OAuthErrorResponse {
  @ApiProperty({ enum: ['invalid_request', 'invalid_client', 'invalid_scope', 'unsupported_grant_type'], maxLength: 32 })
  error: string;

  @ApiProperty({ maxLength: 500 })
  error_description: string;

  @ApiProperty({ description: 'Problem details (RFC 9457): the error in capitals, e.g. INVALID_CLIENT.', maxLength: 32 })
  code: string;

  @ApiProperty({ maxLength: 200 })
  type: string;

  @ApiProperty({ maxLength: 200 })
  title: string;

  @ApiProperty({ example: 401 })
  status: number;

  @ApiProperty({ maxLength: 500 })
  detail: string;
}
