import { Injectable, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { decodeJwt } from 'jose';
import type { Observable } from 'rxjs';
import { bearerToken, type Caller } from '@cms/auth';
import { passwordChangeRequired } from '../application/admin.problems';
import { CLAIM_PASSWORD_CHANGE_REQUIRED } from '../infrastructure/access-token.signer';

const ALLOWED_WHILE_PASSWORD_CHANGE_REQUIRED = 'cms:allowed-while-password-change-required';

/** Marks a route a user who must change their password may still use (the change itself, `/me`). */
export const AllowedWhilePasswordChangeRequired = () => SetMetadata(ALLOWED_WHILE_PASSWORD_CHANGE_REQUIRED, true);

/** Whether this (already verified) access token says its user must change their password first. */
export function tokenRequiresPasswordChange(token: string): boolean {
  return decodeJwt(token)[CLAIM_PASSWORD_CHANGE_REQUIRED] === true;
}

/**
 * A user signed in with a temporary password may do nothing but change it (or sign out, or ask
 * `/me`): every other route answers 403 PASSWORD_CHANGE_REQUIRED. Interceptors run after every
 * guard, so the token here has been verified by the global access-token guard; public routes have
 * no caller and are not concerned.
 */
@Injectable()
export class PasswordChangeRequiredInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request & { caller?: Caller }>();
    const allowed = this.reflector.getAllAndOverride<boolean>(ALLOWED_WHILE_PASSWORD_CHANGE_REQUIRED, [
      context.getHandler(),
      context.getClass(),
    ]);
    const token = bearerToken(request.headers.authorization);
    if (!allowed && request.caller && token && tokenRequiresPasswordChange(token)) throw passwordChangeRequired();
    return next.handle();
  }
}
