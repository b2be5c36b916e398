import { Body, Controller, Header, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Public } from '@cms/auth';
import { RefreshSessionHandler } from '../application/refresh-session.handler';
import { SignInHandler } from '../application/sign-in.handler';
import { SignOutHandler } from '../application/sign-out.handler';
import { RefreshTokenRequest } from './dto/refresh-token.request';
import { SignInRequest } from './dto/sign-in.request';
import { TokenResponse } from './dto/token.response';

/**
 * Sign-in, refresh and sign-out. All three are public routes: the credential is in the body (a
 * password, or a refresh token, which is proof of a signed-in session). Token responses are never
 * cached (RFC 6749 §5.1).
 */
@ApiTags('auth')
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED: a field is missing, too long or unknown.' })
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly signIn: SignInHandler,
    private readonly refreshSession: RefreshSessionHandler,
    private readonly signOut: SignOutHandler,
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
}
