import { Controller, Header, HttpCode, Post, Req, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import express from 'express';
import { Public } from '@cms/auth';
import { OAuthProblem } from '../application/api-client.problems';
import { IssueClientTokenHandler } from '../application/issue-client-token.handler';
import { readTokenRequest, TOKEN_REQUEST_LIMITS } from '../domain/client-credentials-request';
import { ClientTokenRequest, ClientTokenResponse, OAuthErrorResponse } from './dto/client-token.dto';
import { OAuthErrorFilter } from './oauth-error.filter';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = /^application\/([a-z0-9.+-]+\+)?json$/;
// Token requests are a few short parameters; nothing bigger is read. Duplicates become arrays and are refused.
// Room for every parameter at its documented length (TOKEN_REQUEST_LIMITS) in the widest form
// encoding, a three-byte UTF-8 character percent-encoded as nine: a request the document allows is
// never refused as too large.
const FORM_LIMIT_BYTES = Object.values(TOKEN_REQUEST_LIMITS).reduce((sum, limit) => sum + limit * 9, 256);
const formParser = express.urlencoded({ extended: false, limit: FORM_LIMIT_BYTES, parameterLimit: 20 });

/**
 * The OAuth 2 token endpoint for partner systems: the client-credentials grant (RFC 6749 §4.4).
 * Form-encoded bodies, as RFC 6749 requires, and JSON. Unknown parameters are ignored as §3.2
 * requires, unlike the rest of the API, which refuses unknown fields.
 */
@ApiTags('auth')
@UseFilters(OAuthErrorFilter)
@Controller('api/v1/auth')
export class ClientTokenController {
  constructor(private readonly issue: IssueClientTokenHandler) {}

  @Public()
  @Post('token')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Header('Pragma', 'no-cache')
  @ApiOperation({
    summary: 'Get an access token for a partner system (OAuth 2 client credentials)',
    description:
      'grant_type=client_credentials, the client authenticated by HTTP Basic (client_id:client_secret, each form-urlencoded) ' +
      'or by client_id and client_secret in the body, never both. Optional scope: a space-separated subset of the client’s scopes.',
    security: [],
  })
  @ApiConsumes(FORM, 'application/json')
  @ApiBody({ type: ClientTokenRequest })
  @ApiOkResponse({ type: ClientTokenResponse })
  @ApiBadRequestResponse({
    type: OAuthErrorResponse,
    description: 'invalid_request (malformed, a parameter repeated, two authentication methods), unsupported_grant_type, invalid_scope.',
  })
  @ApiUnauthorizedResponse({ type: OAuthErrorResponse, description: 'invalid_client: unknown or revoked client, wrong secret, no authentication.' })
  // Every error of this route is an OAuth 2 error (OAuthErrorFilter), these too.
  @ApiResponse({ status: 413, type: OAuthErrorResponse, description: 'invalid_request: the body is larger than the parameters can be.' })
  @ApiResponse({ status: 503, type: OAuthErrorResponse, description: 'The service’s database is unavailable; try again shortly.' })
  async token(@Req() request: Request): Promise<ClientTokenResponse> {
    const outcome = readTokenRequest(await tokenRequestParameters(request), request.headers.authorization);
    if ('error' in outcome) throw new OAuthProblem(outcome.error, outcome.description);
    return this.issue.execute(outcome.request);
  }
}

/** The request's parameters, from a form-encoded body (read here) or a JSON one (read by the platform). */
async function tokenRequestParameters(request: Request): Promise<Record<string, unknown>> {
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType === FORM) {
    await new Promise<void>((resolve, reject) => {
      formParser(request, request.res as Response, (error?: unknown) => (error ? reject(error) : resolve()));
    }).catch((error: unknown) => {
      if ((error as { type?: string }).type === 'entity.too.large') throw error;
      throw new OAuthProblem('invalid_request', 'The form-encoded body could not be read.');
    });
    return (request.body ?? {}) as Record<string, unknown>;
  }
  if (JSON_TYPE.test(mediaType)) {
    const body: unknown = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new OAuthProblem('invalid_request', 'The JSON body must be an object of parameters.');
    }
    return body as Record<string, unknown>;
  }
  throw new OAuthProblem('invalid_request', `Send the parameters as ${FORM} (or application/json).`);
}
