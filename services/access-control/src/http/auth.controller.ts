import { Body, Controller, Header, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AllowedWhilePasswordChangeRequired, CurrentCaller, Public, type Caller } from '@cms/auth';
import { ChangePasswordHandler } from '../application/change-password.handler';
import { CompletePasswordResetHandler } from '../application/complete-password-reset.handler';
import { RefreshSessionHandler } from '../application/refresh-session.handler';
import { SignInHandler } from '../application/sign-in.handler';
import { SignOutHandler } from '../application/sign-out.handler';
import { AccessTokenSessionId } from './access-token-session.decorator';
import { ChangePasswordRequest } from './dto/change-password.request';
import { CompletePasswordResetRequest } from './dto/complete-password-reset.request';
import { RefreshTokenRequest } from './dto/refresh-token.request';
import { SignInRequest } from './dto/sign-in.request';
import { TokenResponse } from './dto/token.response';

/**
 * Sign-in, refresh, sign-out and passwords. Sign-in, refresh, sign-out and completing a reset are
 * public routes: the credential is in the body (a password, a refresh token, which is proof of a
 * signed-in session, or an emailed reset token). Token responses are never cached (RFC 6749 §5.1).
 */
@ApiTags('auth')
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED: a field is missing, too long or unknown.' })
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly signIn: SignInHandler,
    private readonly refreshSession: RefreshSessionHandler,
    private readonly signOut: SignOutHandler,
    private readonly changePassword: ChangePasswordHandler,
    private readonly completePasswordReset: CompletePasswordResetHandler,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Sign in with a user id and password', security: [] })
  @ApiOkResponse({ type: TokenResponse })
  @ApiUnauthorizedResponse({
    description: 'INVALID_CREDENTIALS, the same for a wrong password, an unknown user, a suspended or a locked account.',
  })
  login(@Body() body: SignInRequest): Promise<TokenResponse> {
    return this.signIn.execute(body.userId, body.password);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Exchange a refresh token for new tokens',
    description: 'The refresh token presented is used up. Presenting a used refresh token again ends the whole session.',
    security: [],
  })
  @ApiOkResponse({ type: TokenResponse })
  @ApiUnauthorizedResponse({ description: 'INVALID_REFRESH_TOKEN: unknown, expired, used or revoked.' })
  refresh(@Body() body: RefreshTokenRequest): Promise<TokenResponse> {
    return this.refreshSession.execute(body.refreshToken);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: end the session of this refresh token', security: [] })
  @ApiNoContentResponse({ description: 'The session is ended (also when the token was unknown or already revoked).' })
  async logout(@Body() body: RefreshTokenRequest): Promise<void> {
    await this.signOut.execute(body.refreshToken);
  }

  @Post('password')
  @HttpCode(204)
  @ApiBearerAuth()
  @AllowedWhilePasswordChangeRequired()
  @ApiOperation({
    summary: 'Change your password',
    description:
      'Also how a user with a temporary password chooses their own. Every other session of the user ends; refresh this ' +
      'session (or sign in again) for an access token without the `pwd_change` claim.',
  })
  @ApiNoContentResponse({ description: 'The password is changed.' })
  @ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no valid access token, or the session has ended.' })
  @ApiForbiddenResponse({ description: 'CURRENT_PASSWORD_INCORRECT (counts towards the sign-in lockout).' })
  @ApiUnprocessableEntityResponse({
    description:
      'PASSWORD_POLICY_VIOLATION, with each rule broken in errors: TOO_SHORT, TOO_LONG, CONTAINS_USER_ID, ONE_REPEATED_CHARACTER, COMMON_PASSWORD.',
  })
  async password(
    @CurrentCaller() caller: Caller,
    @AccessTokenSessionId() sessionId: string | undefined,
    @Body() body: ChangePasswordRequest,
  ): Promise<void> {
    await this.changePassword.execute(caller, sessionId, body.currentPassword, body.newPassword);
  }

  @Public()
  @Post('password-reset/complete')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Choose a new password with the token of a reset email',
    description: 'The token works once. Every session of the user ends; a sign-in lock is lifted.',
    security: [],
  })
  @ApiNoContentResponse({ description: 'The password is changed.' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: a field out of its constraints.' })
  @ApiUnprocessableEntityResponse({
    description: 'INVALID_RESET_TOKEN: unknown, expired or already used; PASSWORD_POLICY_VIOLATION (the token stays usable).',
  })
  async passwordResetComplete(@Body() body: CompletePasswordResetRequest): Promise<void> {
    await this.completePasswordReset.execute(body.token, body.newPassword);
  }
}
