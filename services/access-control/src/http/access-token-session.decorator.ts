import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { decodeJwt } from 'jose';
import { bearerToken, CLAIM_SESSION_ID } from '@cms/auth';

/**
 * The `sid` claim of the request's access token. Only for routes behind the global guard, which has
 * already verified this very token (signature, issuer, audience, expiry); `Caller` does not carry
 * the claim because other services have no sessions to check it against.
 */
export const AccessTokenSessionId = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined => {
  const token = bearerToken(context.switchToHttp().getRequest<Request>().headers.authorization);
  if (!token) return undefined;
  const sessionId = decodeJwt(token)[CLAIM_SESSION_ID];
  return typeof sessionId === 'string' ? sessionId : undefined;
});
