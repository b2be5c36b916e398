import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
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
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@cms/auth';
import { ListApiClientsHandler } from '../application/list-api-clients.handler';
import { RegisterApiClientHandler } from '../application/register-api-client.handler';
import { RevokeApiClientHandler } from '../application/revoke-api-client.handler';
import { AccessTokenSessionId } from './access-token-session.decorator';
import {
  ApiClientIdParam,
  ApiClientListResponse,
  CreateApiClientRequest,
  RegisteredApiClientResponse,
} from './dto/api-client.dto';

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
  ) {}

  @Post()
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Register an API client of your organisation (LSO)',
    description: 'Answers the client secret once; it cannot be shown again. Use it at POST /api/v1/auth/token.',
  })
  @ApiCreatedResponse({ type: RegisteredApiClientResponse })
  @ApiUnprocessableEntityResponse({ description: 'UNKNOWN_SCOPE, SCOPE_NOT_ALLOWED: each scope at fault in errors.' })
  @ApiConflictResponse({ description: 'API_CLIENT_LIMIT_REACHED: the organisation already holds 50 clients.' })
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
    description: 'Its secret is refused at once; tokens it already holds expire within the access-token lifetime.',
  })
  @ApiNoContentResponse({ description: 'Revoked.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async revoke(
    @CurrentCaller() caller: Caller,
    @AccessTokenSessionId() sessionId: string | undefined,
    @Param() params: ApiClientIdParam,
  ): Promise<void> {
    await this.revokeClient.execute(caller, sessionId, params.clientId);
  }
}
