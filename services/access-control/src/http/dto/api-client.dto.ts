import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { UUID_PATTERN } from '@cms/service-defaults';
import { API_CLIENT_NAME_MAX_LENGTH } from '../../domain/api-client';
import { API_CLIENT_SCOPES } from '../../domain/api-client-scopes';

const SCOPE_MAX_LENGTH = 64;

export class CreateApiClientRequest {
  @ApiProperty({ description: 'What the partner system is, for people.', example: 'Billing system', minLength: 1, maxLength: API_CLIENT_NAME_MAX_LENGTH })
  @IsString()
  @IsNotEmpty()
  @MaxLength(API_CLIENT_NAME_MAX_LENGTH)
  name: string;

  @ApiProperty({
    type: [String],
    enum: API_CLIENT_SCOPES,
    minItems: 1,
    maxItems: API_CLIENT_SCOPES.length,
    uniqueItems: true,
    description:
      'From the reference list (else 422 UNKNOWN_SCOPE), and fitting the organisation type (else 422 SCOPE_NOT_ALLOWED): ' +
      'contacts:write for shippers and the CDSP, site-visits:write and referral-feed:read for DNs and IGTs; the other read scopes for everyone.',
    example: ['contacts:read', 'contacts:write'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(API_CLIENT_SCOPES.length)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(SCOPE_MAX_LENGTH, { each: true })
  scopes: string[];
}

export class ApiClientResponse {
  @ApiProperty({ format: 'uuid', maxLength: 36, description: 'The OAuth 2 client_id.' })
  clientId: string;

  @ApiProperty({ maxLength: API_CLIENT_NAME_MAX_LENGTH })
  name: string;

  @ApiProperty({ enum: API_CLIENT_SCOPES, isArray: true })
  scopes: string[];

  @ApiProperty({ format: 'date-time', maxLength: 30 })
  createdAt: string;

  @ApiProperty({ description: 'The LSO who registered it.', maxLength: 64 })
  createdBy: string;
}

export class ReferralFeedAccessResponse {
  @ApiProperty({ enum: ['scram-sha-512'], description: 'The SASL mechanism of the broker’s partner listener; the password is the client secret.' })
  mechanism: 'scram-sha-512';

  @ApiProperty({ format: 'uuid', maxLength: 36, description: 'The SASL username: the client id.' })
  username: string;

  @ApiProperty({ maxLength: 80, example: 'cms.partner.383da001-dcc0-4cf5-8481-59b9749b0a6c.referrals.v1', description: 'Your organisation’s partner topic, the only one you may read.' })
  topic: string;

  @ApiProperty({ maxLength: 80, example: 'cms.partner.383da001-dcc0-4cf5-8481-59b9749b0a6c.', description: 'Your consumer group ids must start with this.' })
  groupPrefix: string;
}

export class RegisteredApiClientResponse extends ApiClientResponse {
  @ApiProperty({
    description: 'The client secret: 32 random bytes, base64url. Shown in this answer only and never again; only a hash is kept.',
    minLength: 43,
    maxLength: 43,
  })
  clientSecret: string;

  @ApiProperty({ type: ReferralFeedAccessResponse, required: false, description: 'With referral-feed:read only: how to read your referral feed on Kafka (README "The referral feed").' })
  referralFeed?: ReferralFeedAccessResponse;
}

export class ApiClientListResponse {
  @ApiProperty({ type: [ApiClientResponse], description: 'The organisation’s unrevoked clients (at most 50), oldest first.' })
  items: ApiClientResponse[];
}

export class ApiClientIdParam {
  @ApiProperty({ format: 'uuid', maxLength: 36, pattern: UUID_PATTERN.source })
  @Matches(UUID_PATTERN, { message: 'clientId must be a UUID' })
  clientId: string;
}
