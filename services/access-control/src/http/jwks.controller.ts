import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@cms/auth';
import { SigningKeyStore } from '../infrastructure/signing-key.store';
import { JwksResponse } from './dto/jwks.response';

/** The public keys that verify CMS access tokens (RFC 7517 JWK Set), read by every service's verifier. */
@ApiTags('auth')
@Public()
@Controller()
export class JwksController {
  constructor(private readonly keys: SigningKeyStore) {}

  @Get(['.well-known/jwks.json', 'api/v1/auth/jwks.json'])
  @Header('Cache-Control', 'public, max-age=60')
  @ApiOperation({ summary: 'Public keys that verify access tokens', security: [] })
  @ApiOkResponse({ type: JwksResponse })
  async jwks(): Promise<JwksResponse> {
    return { keys: (await this.keys.publishedKeys()) as JwksResponse['keys'] };
  }
}
