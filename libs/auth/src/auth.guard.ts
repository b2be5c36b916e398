import {
  createParamDecorator,
  Injectable,
  SetMetadata,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AccessTokenVerifier, bearerToken, InvalidAccessTokenError } from './access-token-verifier';
import type { Caller } from './caller';

const PUBLIC_ROUTE = 'cms:public-route';

/** Marks a route that needs no access token (sign-in, JWKS, health). Every other route needs one. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

type AuthenticatedRequest = Request & { caller?: Caller };

/** Global guard: every route needs a verified access token unless marked @Public(). */
@Injectable()
export class AccessTokenGuard implements CanActivate {
  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()])) {
      return true;
    }
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new UnauthorizedException('an access token is required (Authorization: Bearer …)');
    try {
      request.caller = await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidAccessTokenError) throw new UnauthorizedException(error.message);
      throw error;
    }
    return true;
  }
}

/** The verified caller of this request; only on routes behind the AccessTokenGuard. */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const caller = context.switchToHttp().getRequest<AuthenticatedRequest>().caller;
  if (!caller) throw new UnauthorizedException('an access token is required');
  return caller;
});
