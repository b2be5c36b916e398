import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
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
import type { Request, Response } from 'express';
import {
  AccessTokenVerifier,
  bearerToken,
  CurrentCaller,
  InvalidAccessTokenError,
  Public,
  type Caller,
  CLAIM_SESSION_ID,
} from '@cms/auth';
import { IdempotentRequests, ProblemException } from '@cms/service-defaults';
import { passwordChangeRequired } from '../application/admin.problems';
import { CreateUserHandler } from '../application/create-user.handler';
import { DeleteUserHandler } from '../application/delete-user.handler';
import { GetUserHandler } from '../application/get-user.handler';
import { ListUsersHandler } from '../application/list-users.handler';
import { RequestPasswordResetHandler } from '../application/request-password-reset.handler';
import { UpdateUserHandler } from '../application/update-user.handler';
import { AccessTokenSessionId } from './access-token-session.decorator';
import { CreateUserRequest } from './dto/create-user.request';
import { DEFAULT_USERS_PAGE_SIZE, ListUsersQuery } from './dto/list-users.query';
import { UpdateUserRequest } from './dto/update-user.request';
import { UserIdParam } from './dto/user-id.param';
import { IdempotencyKeyHeader } from './idempotency-key.header';
import { CreatedUserResponse, UserPageResponse, UserResponse } from './dto/user.response';
import { decodeJwt } from 'jose';

const NOT_FOUND = 'NOT_FOUND: no such user in your organisation (a user of another organisation is answered the same).';

/**
 * User administration by the organisation's Local Security Officer (docs/domain.md "Who uses it"),
 * and the organisation's users as its SUPERVISOR reads them, to give them work (read-only).
 * A user of another organisation is answered exactly as one that does not exist: 404.
 */
@ApiTags('users')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED: a field is missing, malformed, too long or unknown.' })
@ApiUnauthorizedResponse({
  description: 'UNAUTHENTICATED: no valid access token, the session was signed out, or the caller is suspended.',
})
@ApiForbiddenResponse({
  description:
    'FORBIDDEN: the caller is not an LSO (for reading users: nor a SUPERVISOR); PASSWORD_CHANGE_REQUIRED: the caller ' +
    'must change their password first.',
})
@Controller('api/v1/users')
export class UsersController {
  constructor(
    private readonly listUsers: ListUsersHandler,
    private readonly getUser: GetUserHandler,
    private readonly createUser: CreateUserHandler,
    private readonly updateUser: UpdateUserHandler,
    private readonly deleteUser: DeleteUserHandler,
    private readonly requestPasswordReset: RequestPasswordResetHandler,
    private readonly verifier: AccessTokenVerifier,
    private readonly idempotency: IdempotentRequests,
  ) {}

  @Get()
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({
    summary: 'List the users of your organisation (LSO, or SUPERVISOR as colleagues), by user id, paged',
    description:
      'A SUPERVISOR sees whom they can give work to: user id, name, roles and status, not the account’s email or ' +
      'security state. A CDSP administrator may pass `organisationId` to list another organisation’s users.',
  })
  @ApiOkResponse({ type: UserPageResponse })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: another organisation, for anyone but a CDSP administrator.' })
  list(
    @CurrentCaller() caller: Caller,
    @AccessTokenSessionId() sessionId: string | undefined,
    @Query() query: ListUsersQuery,
  ): Promise<UserPageResponse> {
    return this.listUsers.execute(caller, sessionId, {
      organisationId: query.organisationId,
      cursor: query.cursor,
      limit: query.limit ?? DEFAULT_USERS_PAGE_SIZE,
    });
  }

  @Get(':userId')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({
    summary: 'One user of your organisation (LSO, or SUPERVISOR as a colleague)',
    description:
      'As `GET /users` shows them to you. A SUPERVISOR asks this before giving work to the user (an ACTIVE ' +
      '`status` can be given work).',
  })
  @ApiOkResponse({ type: UserResponse })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  one(
    @CurrentCaller() caller: Caller,
    @AccessTokenSessionId() sessionId: string | undefined,
    @Param() params: UserIdParam,
  ): Promise<UserResponse> {
    return this.getUser.execute(caller, sessionId, params.userId);
  }

  @Post()
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Create a user in your organisation (LSO)',
    description: 'Answers with a one-time temporary password; the user must choose their own at first sign-in.',
  })
  @ApiCreatedResponse({ type: CreatedUserResponse })
  @ApiConflictResponse({ description: 'USER_ID_TAKEN: the user id is already in use (in any organisation).' })
  @ApiUnprocessableEntityResponse({ description: 'ROLE_NOT_ALLOWED: a role the organisation type may not hold.' })
  // No Idempotency-Key here (the header is ignored): the answer carries a one-time temporary password, and
  // replaying it would mean storing that secret in the idempotency table. A retry gets 409 USER_ID_TAKEN.
  create(
    @CurrentCaller() caller: Caller,
    @AccessTokenSessionId() sessionId: string | undefined,
    @Body() body: CreateUserRequest,
  ): Promise<CreatedUserResponse> {
    return this.createUser.execute(caller, sessionId, body);
  }

  @Patch(':userId')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Suspend or reactivate a user, set their roles, or lift a sign-in lock (LSO of their organisation)',
  })
  @IdempotencyKeyHeader('change')
  @ApiOkResponse({ type: UserResponse })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({
    description:
      'CANNOT_SUSPEND_SELF, CANNOT_REMOVE_OWN_LSO_ROLE: an LSO cannot lock themselves out of administration; ' +
      'IDEMPOTENCY_KEY_IN_PROGRESS: a request with this Idempotency-Key is still running.',
  })
  @ApiUnprocessableEntityResponse({
    description:
      'ROLE_NOT_ALLOWED: a role the organisation type may not hold; IDEMPOTENCY_KEY_REUSED: this Idempotency-Key ' +
      'was used with another body.',
  })
  async update(
    @CurrentCaller() caller: Caller,
    @AccessTokenSessionId() sessionId: string | undefined,
    @Param() params: UserIdParam,
    @Body() body: UpdateUserRequest,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    if (body.status === undefined && body.roles === undefined && body.unlock === undefined) {
      throw ProblemException.validation([
        { code: 'INVALID_FIELD', field: 'body', message: 'give at least one of status, roles, unlock' },
      ]);
    }
    await this.idempotency.respond({ caller, request, response }, async () => {
      const user: UserResponse = await this.updateUser.execute(caller, sessionId, params.userId, body);
      return { status: 200, body: user };
    });
  }

  @Delete(':userId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a user of your organisation (LSO)',
    description:
      'The account can no longer sign in and its sessions end at once (every gateway refuses its tokens); its name, email and ' +
      'telephone are replaced; its user id stays taken and is never reused; the audit keeps who deleted it.',
  })
  @IdempotencyKeyHeader('deletion')
  @ApiNoContentResponse({ description: 'Deleted (or, with `Idempotent-Replayed: true`, the first deletion replayed).' })
  @ApiNotFoundResponse({ description: `${NOT_FOUND} Also for a user already deleted.` })
  @ApiConflictResponse({
    description: 'CANNOT_DELETE_SELF: ask another LSO; IDEMPOTENCY_KEY_IN_PROGRESS: a request with this Idempotency-Key is still running.',
  })
  @ApiUnprocessableEntityResponse({ description: 'IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was used with another request.' })
  async remove(
    @CurrentCaller() caller: Caller,
    @AccessTokenSessionId() sessionId: string | undefined,
    @Param() params: UserIdParam,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.idempotency.respond({ caller, request, response }, async () => {
      await this.deleteUser.execute(caller, sessionId, params.userId);
      return { status: 204, body: undefined };
    });
  }

  /**
   * Public so that the forgotten-password flow works without a token; when a token is sent it is
   * verified here, and an LSO of the user's organisation gets the LSO flow.
   */
  @Public()
  @Post(':userId/password-reset')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Email the user a link to choose a new password',
    // A token is optional here: an LSO's, or none (the forgotten-password flow).
    security: [{}, { bearer: [] }],
    description:
      'With an LSO’s access token: the LSO resets a user of their organisation (404 for anyone else). ' +
      'Without a token (forgotten password): always 202, whether or not the user exists; at most one email per user per minute.',
  })
  @ApiAcceptedResponse({ description: 'The email will be sent if the user exists and may receive one.' })
  @ApiNotFoundResponse({ description: `${NOT_FOUND} Only with an LSO’s token.` })
  async passwordReset(@Req() request: Request, @Param() params: UserIdParam): Promise<void> {
    const token = bearerToken(request.headers.authorization);
    if (request.headers.authorization === undefined) return this.requestPasswordReset.anonymously(params.userId);
    let caller: Caller;
    try {
      if (!token) throw new InvalidAccessTokenError('access token invalid');
      caller = await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidAccessTokenError)
        throw new ProblemException(401, 'UNAUTHENTICATED', 'Authentication required', error.message);
      throw error;
    }
    if (caller.passwordChangeRequired) throw passwordChangeRequired();
    const sessionId = decodeJwt(token)[CLAIM_SESSION_ID];
    return this.requestPasswordReset.bySignedInUser(
      caller,
      typeof sessionId === 'string' ? sessionId : undefined,
      params.userId,
    );
  }
}
