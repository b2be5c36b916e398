import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@cms/auth';
import { SIGNING_KEYS, type SigningKeys } from '../application/token-signing.port';
import { JwksResponse } from './dto/jwks.response';

/** The public keys that verify CMS access tokens (RFC 7517 JWK Set), read by every service's verifier. */
@ApiTags('auth')
@Public()
@Controller()
export class JwksController {
  constructor(@Inject(SIGNING_KEYS) private readonly keys: SigningKeys) {}

  @Get(['.well-known/jwks.json', 'api/v1/auth/jwks.json'])
  @Header('Cache-Control', 'public, max-age=60')
  @ApiOperation({ summary: 'Public keys that verify access tokens', security: [] })
  @ApiOkResponse({ type: JwksResponse })
  async jwks(): Promise<JwksResponse> {
    return { keys: (await this.keys.publishedKeys()) as JwksResponse['keys'] };
  }
}
