import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiServiceUnavailableResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentCaller, type Caller } from '@cms/auth';
import { IdempotentRequests } from '@cms/service-defaults';
import { ListApiClientsHandler } from '../application/list-api-clients.handler';
import { RegisterApiClientHandler } from '../application/register-api-client.handler';
import { RevokeApiClientHandler } from '../application/revoke-api-client.handler';
import { RotateApiClientSecretHandler } from '../application/rotate-api-client-secret.handler';
import { AccessTokenSessionId } from './access-token-session.decorator';
import {
  ApiClientIdParam,
  ApiClientListResponse,
  CreateApiClientRequest,
  RegisteredApiClientResponse,
} from './dto/api-client.dto';
import { IdempotencyKeyHeader } from './idempotency-key.header';

const NOT_FOUND = 'NOT_FOUND: no such client in your organisation, or already revoked (another organisation’s is answered the same).';

/**
 * API clients of partner systems (OAuth 2 client credentials), administered by the organisation's
 * LSO. Another organisation's client is answered exactly as one that does not exist: 404.
 */
@ApiTags('api-clients')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED: a field is missing, malformed, too long or unknown.' })
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no valid access token, the session ended, or the caller is suspended.' })
@ApiForbiddenResponse({ description: 'FORBIDDEN: the caller is not an LSO; PASSWORD_CHANGE_REQUIRED.' })
@Controller('api/v1/api-clients')
export class ApiClientsController {
  constructor(
    private readonly register: RegisterApiClientHandler,
    private readonly listClients: ListApiClientsHandler,
    private readonly revokeClient: RevokeApiClientHandler,
    private readonly rotateSecret: RotateApiClientSecretHandler,
    private readonly idempotency: IdempotentRequests,
  ) {}

  @Post()
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Register an API client of your organisation (LSO)',
    description:
      'Answers the client secret once; it cannot be shown again. Use it at POST /api/v1/auth/token, and, with ' +
      '`referral-feed:read` (DN, IGT), as the SCRAM-SHA-512 password of the referral feed on Kafka (`referralFeed`).',
  })
  @ApiCreatedResponse({ type: RegisteredApiClientResponse })
  @ApiServiceUnavailableResponse({ description: 'REFERRAL_FEED_UNAVAILABLE: the broker did not take the referral feed access; nothing was registered.' })
  @ApiUnprocessableEntityResponse({ description: 'UNKNOWN_SCOPE, SCOPE_NOT_ALLOWED: each scope at fault in errors.' })
  @ApiConflictResponse({ description: 'API_CLIENT_LIMIT_REACHED: the organisation already holds 50 clients.' })
  // No Idempotency-Key here (the header is ignored): the answer carries the one-time client secret, and
  // replaying it would mean storing that secret in the idempotency table; only its hash is ever stored.
  create(
    @CurrentCaller() caller: Caller,
    @AccessTokenSessionId() sessionId: string | undefined,
    @Body() body: CreateApiClientRequest,
  ): Promise<RegisteredApiClientResponse> {
    return this.register.execute(caller, sessionId, body);
  }

  @Get()
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'List your organisation’s API clients (LSO); never their secrets' })
  @ApiOkResponse({ type: ApiClientListResponse })
  list(@CurrentCaller() caller: Caller, @AccessTokenSessionId() sessionId: string | undefined): Promise<ApiClientListResponse> {
    return this.listClients.execute(caller, sessionId);
  }

  @Delete(':clientId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Revoke an API client of your organisation (LSO)',
    description:
      'Its secret is refused at once, and so are the tokens it already holds (at the gateway, as soon as it hears of the revocation), ' +
      'and its referral feed on Kafka (its ACLs and its credential).',
  })
  @IdempotencyKeyHeader('revocation')
  @ApiNoContentResponse({ description: 'Revoked (or, with `Idempotent-Replayed: true`, the first revocation replayed).' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiServiceUnavailableResponse({ description: 'REFERRAL_FEED_UNAVAILABLE: the broker did not drop the referral feed access; the client is not revoked.' })
  @ApiConflictResponse({ description: 'IDEMPOTENCY_KEY_IN_PROGRESS: a request with this Idempotency-Key is still running.' })
  @ApiUnprocessableEntityResponse({ description: 'IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was used with another request.' })
  async revoke(
    @CurrentCaller() caller: Caller,
    @AccessTokenSessionId() sessionId: string | undefined,
    @Param() params: ApiClientIdParam,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.idempotency.respond({ caller, request, response }, async () => {
      await this.revokeClient.execute(caller, sessionId, params.clientId);
      return { status: 204, body: undefined };
    });
  }

  @Post(':clientId/secret-rotation')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Give an API client of your organisation a new secret (LSO)',
    description:
      'The old secret is refused from now on, at POST /api/v1/auth/token and, with `referral-feed:read`, as the referral ' +
      'feed’s SCRAM password. The new one is answered once and cannot be shown again. Access tokens already issued run ' +
      'out at their expiry; revoke the client to stop them at once.',
  })
  @ApiOkResponse({ type: RegisteredApiClientResponse, description: 'The client with its new secret.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiServiceUnavailableResponse({
    description: 'REFERRAL_FEED_UNAVAILABLE: the broker did not take the new referral feed password; the old secret stays.',
  })
  // No Idempotency-Key (the header is ignored), as for registration: the answer carries the one-time secret.
  rotate(
    @CurrentCaller() caller: Caller,
    @AccessTokenSessionId() sessionId: string | undefined,
    @Param() params: ApiClientIdParam,
  ): Promise<RegisteredApiClientResponse> {
    return this.rotateSecret.execute(caller, sessionId, params.clientId);
  }
}
