import {
  createParamDecorator,
  ForbiddenException,
  Inject,
  Injectable,
  Optional,
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

/**
 * What a partner system's token needs on this service: `<resource>:read` for GET and HEAD,
 * `<resource>:write` for anything else. With `readsOpenToAllPartners` (reference data, which any
 * signed-in caller may read), reads need no scope. A service without a policy refuses partner
 * tokens altogether.
 */
export interface PartnerScopePolicy {
  resource: string;
  readsOpenToAllPartners?: boolean;
}

export const PARTNER_SCOPE_POLICY = Symbol('PARTNER_SCOPE_POLICY');

/** The scope a partner token needs for `method`, or null when none is needed. */
export function requiredScope(policy: PartnerScopePolicy, method: string): string | null {
  const read = method === 'GET' || method === 'HEAD';
  if (read && policy.readsOpenToAllPartners) return null;
  return `${policy.resource}:${read ? 'read' : 'write'}`;
}

/** Marks a route that needs no access token (sign-in, JWKS, health). Every other route needs one. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

const ALLOWED_WHILE_PASSWORD_CHANGE_REQUIRED = 'cms:allowed-while-password-change-required';

/** Marks a route a user who must change their password may still use (the change itself, `/me`). */
export const AllowedWhilePasswordChangeRequired = () => SetMetadata(ALLOWED_WHILE_PASSWORD_CHANGE_REQUIRED, true);

/** A user signed in with a temporary password asked for anything but changing it: 403 PASSWORD_CHANGE_REQUIRED. */
export class PasswordChangeRequiredError extends ForbiddenException {
  constructor() {
    super('Choose a new password (POST /api/v1/auth/password) before doing anything else.');
  }
}

type AuthenticatedRequest = Request & { caller?: Caller };

/**
 * Global guard: every route needs a verified access token unless marked @Public(); a partner
 * system's token needs the scope for it; a user who must change their password may use only the
 * routes marked @AllowedWhilePasswordChangeRequired(), in every service.
 */
@Injectable()
export class AccessTokenGuard implements CanActivate {
  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly reflector: Reflector,
    @Optional() @Inject(PARTNER_SCOPE_POLICY) private readonly partnerScopes?: PartnerScopePolicy,
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
    const { scopes } = request.caller;
    if (scopes) {
      if (!this.partnerScopes) throw new ForbiddenException('partner system tokens are not accepted here');
      const needed = requiredScope(this.partnerScopes, request.method);
      if (needed && !scopes.includes(needed)) throw new ForbiddenException(`this token lacks the scope ${needed}`);
    }
    if (
      request.caller.passwordChangeRequired &&
      !this.reflector.getAllAndOverride<boolean>(ALLOWED_WHILE_PASSWORD_CHANGE_REQUIRED, [context.getHandler(), context.getClass()])
    ) {
      throw new PasswordChangeRequiredError();
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
