import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { CLS_REQ, ClsService } from 'nestjs-cls';
import type { Caller } from '@cms/auth';

/**
 * The request being served, wherever the code runs (AsyncLocalStorage through nestjs-cls): its
 * verified caller, and the bearer credentials a call to another CMS service forwards so that the
 * other service sees who is asking. Adapters read it; use cases never handle a transport header.
 */
@Injectable()
export class RequestContext {
  constructor(private readonly cls: ClsService) {}

  /** The verified caller; undefined outside a request or on a public route. */
  caller(): Caller | undefined {
    return this.request()?.caller;
  }

  /** The request's `Authorization` header as received, to forward to another CMS service. */
  authorization(): string | undefined {
    return this.request()?.headers.authorization;
  }

  private request(): (Request & { caller?: Caller }) | undefined {
    return this.cls.isActive() ? this.cls.get(CLS_REQ) : undefined;
  }
}
