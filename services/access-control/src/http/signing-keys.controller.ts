import { Controller, Header, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@cms/auth';
import { RotateSigningKeyHandler } from '../application/rotate-signing-key.handler';
import { AccessTokenSessionId } from './access-token-session.decorator';
import { SigningKeyRotationResponse } from './dto/signing-key-rotation.response';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('api/v1/signing-keys')
export class SigningKeysController {
  constructor(private readonly rotate: RotateSigningKeyHandler) {}

  @Post('rotation')
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Rotate the token-signing key (CDSP administrator)',
    description:
      'The new key is published in the JWKS at once and signs from activatesAt (SIGNING_KEY_ACTIVATION_DELAY_SECONDS later), ' +
      'so verifiers have it first. The previous key stays published until every token it signed has expired.',
  })
  @ApiCreatedResponse({ type: SigningKeyRotationResponse })
  @ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no valid access token, or the session ended.' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: only a CDSP administrator may rotate keys.' })
  @ApiConflictResponse({ description: 'ROTATION_PENDING: a key made by an earlier rotation is still waiting to sign.' })
  async rotation(
    @CurrentCaller() caller: Caller,
    @AccessTokenSessionId() sessionId: string | undefined,
  ): Promise<SigningKeyRotationResponse> {
    const rotation = await this.rotate.execute(caller, sessionId);
    return { kid: rotation.kid, retiringKid: rotation.retiringKid, activatesAt: rotation.activatesAt.toISOString() };
  }
}
