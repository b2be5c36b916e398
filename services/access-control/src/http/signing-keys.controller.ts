import { Controller, Header, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentCaller, type Caller } from '@cms/auth';
import { IdempotentRequests } from '@cms/service-defaults';
import { RotateSigningKeyHandler } from '../application/rotate-signing-key.handler';
import { AccessTokenSessionId } from './access-token-session.decorator';
import { SigningKeyRotationResponse } from './dto/signing-key-rotation.response';
import { IdempotencyKeyHeader } from './idempotency-key.header';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('api/v1/signing-keys')
export class SigningKeysController {
  constructor(
    private readonly rotate: RotateSigningKeyHandler,
    private readonly idempotency: IdempotentRequests,
  ) {}

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
  @IdempotencyKeyHeader('rotation')
  @ApiConflictResponse({
    description:
      'ROTATION_PENDING: a key made by an earlier rotation is still waiting to sign; IDEMPOTENCY_KEY_IN_PROGRESS: a ' +
      'request with this Idempotency-Key is still running.',
  })
  @ApiUnprocessableEntityResponse({ description: 'IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was used with another request.' })
  async rotation(
    @CurrentCaller() caller: Caller,
    @AccessTokenSessionId() sessionId: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    // The answer names only key ids (public, in the JWKS) and a time: safe to store and replay.
    await this.idempotency.respond({ caller, request, response }, async () => {
      const rotation = await this.rotate.execute(caller, sessionId);
      const body: SigningKeyRotationResponse = {
        kid: rotation.kid,
        retiringKid: rotation.retiringKid,
        activatesAt: rotation.activatesAt.toISOString(),
      };
      return { status: 201, body };
    });
  }
}
