import { Body, Controller, Delete, Get, Header, HttpCode, Patch } from '@nestjs/common';
import { ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AllowedWhilePasswordChangeRequired, CurrentCaller, type Caller } from '@cms/auth';
import { SignOutEverywhereHandler } from '../application/sign-out-everywhere.handler';
import { UpdateProfileHandler } from '../application/update-profile.handler';
import { WhoAmIHandler } from '../application/who-am-i.handler';
import { AccessTokenSessionId } from './access-token-session.decorator';
import { MeResponse } from './dto/me.response';
import { UpdateProfileRequest } from './dto/update-profile.request';

@ApiTags('me')
@AllowedWhilePasswordChangeRequired()
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no valid access token, the session was signed out, or the user is suspended or deleted.' })
@Controller('api/v1/me')
export class MeController {
  constructor(
    private readonly whoAmI: WhoAmIHandler,
    private readonly updateProfile: UpdateProfileHandler,
    private readonly signOutEverywhere: SignOutEverywhereHandler,
  ) {}

  @Get()
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'Who am I: the signed-in user, their organisation and roles' })
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentCaller() caller: Caller, @AccessTokenSessionId() sessionId: string | undefined): Promise<MeResponse> {
    return this.whoAmI.execute(caller, sessionId);
  }

  @Patch()
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({
    summary: 'Change my own name, email or telephone',
    description: 'Fields left out stay as they are; `telephone: null` removes it. User id, organisation and roles are the LSO’s to change.',
  })
  @ApiBody({ type: UpdateProfileRequest })
  @ApiOkResponse({ type: MeResponse, description: 'The profile as it now stands.' })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED: a field at fault, named in `errors`.' })
  update(@CurrentCaller() caller: Caller, @AccessTokenSessionId() sessionId: string | undefined, @Body() body: UpdateProfileRequest): Promise<MeResponse> {
    return this.updateProfile.execute(caller, sessionId, body);
  }

  @Delete('sessions')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Sign out everywhere: end every session of mine, on every device',
    description:
      'This session too: its refresh token is refused from now on, and every gateway refuses the access tokens of every ' +
      'session of mine at once (SessionsEnded on cms.access.v1). Sign in again to go on.',
  })
  @ApiNoContentResponse({ description: 'Every session of mine has ended.' })
  async endSessions(@CurrentCaller() caller: Caller, @AccessTokenSessionId() sessionId: string | undefined): Promise<void> {
    await this.signOutEverywhere.execute(caller, sessionId);
  }
}
