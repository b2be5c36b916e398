import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AllowedWhilePasswordChangeRequired, CurrentCaller, type Caller } from '@cms/auth';
import { WhoAmIHandler } from '../application/who-am-i.handler';
import { AccessTokenSessionId } from './access-token-session.decorator';
import { MeResponse } from './dto/me.response';

@ApiTags('me')
@AllowedWhilePasswordChangeRequired()
@Controller('api/v1/me')
export class MeController {
  constructor(private readonly whoAmI: WhoAmIHandler) {}

  @Get()
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'Who am I: the signed-in user, their organisation and roles' })
  @ApiOkResponse({ type: MeResponse })
  @ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no valid access token, the session was signed out, or the user is suspended.' })
  me(@CurrentCaller() caller: Caller, @AccessTokenSessionId() sessionId: string | undefined): Promise<MeResponse> {
    return this.whoAmI.execute(caller, sessionId);
  }
}
