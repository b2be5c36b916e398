import { Body, Controller, Get, Header, Headers, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentCaller, type Caller } from '@cms/auth';
import { UUID_V7_PATTERN } from '@cms/contracts';
import { entityTag, etagHeader, IDEMPOTENCY_KEY_HEADER, IdempotentRequests, ApiIfMatch, ApiPathPattern, KEYSET_PAGE_SIZE, versionFromIfMatch } from '@cms/service-defaults';
import { ClarificationCommands } from '../application/clarification-commands';
import { ClarificationQueries } from '../application/clarification.queries';
import { asProblem, notFound } from './clarification-problems';
import { ClarificationPageResponse, ClarificationWithMessagesResponse, CloseClarificationRequest, ListClarificationsQuery, PostMessageRequest } from './clarification.dto';

/** Clarification threads: my organisation's list, one thread, a reply, a closure (docs/api.md "Clarifications and site visits"). */
@ApiTags('Clarifications')
@Controller('api/v1/clarifications')
export class ClarificationsController {
  constructor(
    @Inject(ClarificationCommands) private readonly commands: ClarificationCommands,
    @Inject(ClarificationQueries) private readonly queries: ClarificationQueries,
    @Inject(IdempotentRequests) private readonly idempotency: IdempotentRequests,
  ) {}

  @Get()
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({
    summary: 'Threads my organisation asked or was asked, newest first',
    description: '`waitingOnMe=true` is the queue of threads whose turn is ours; `overdue=true` those past their due date.',
  })
  @ApiOkResponse({ type: ClarificationPageResponse })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED: a parameter out of its constraints.' })
  list(@CurrentCaller() caller: Caller, @Query() query: ListClarificationsQuery): Promise<ClarificationPageResponse> {
    return this.queries.list(caller, query, query.limit ?? KEYSET_PAGE_SIZE.default);
  }

  @Get(':id')
  @Header('Cache-Control', 'private, no-store')
  @ApiThreadId()
  @ApiOperation({ summary: 'A thread with every message (everyone involved in its contact)' })
  @ApiOkResponse({ type: ClarificationWithMessagesResponse, description: 'Its version in ETag.', headers: etagHeader('thread') })
  @ApiResponse({ status: 404, description: 'No such thread, or your organisation is not involved in its contact.' })
  async get(@CurrentCaller() caller: Caller, @Param('id') id: string, @Res({ passthrough: true }) response: Response): Promise<ClarificationWithMessagesResponse> {
    const thread = isThreadId(id) ? await this.queries.get(caller, id) : undefined;
    if (!thread) throw notFound();
    response.setHeader('etag', entityTag(thread.version));
    return thread;
  }

  @Post(':id/messages')
  @ApiThreadId()
  @HttpCode(200)
  @ApiOperation({ summary: 'Reply on my side’s turn: the turn passes to the other side, due anew' })
  @ApiIfMatch('thread')
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiBody({ type: PostMessageRequest })
  @ApiOkResponse({ type: ClarificationWithMessagesResponse, description: 'The thread as it now stands; its new version in ETag.', headers: etagHeader('thread') })
  @ApiResponse({ status: 403, description: 'NOT_A_PARTY, ROLE_REQUIRED.' })
  @ApiResponse({ status: 409, description: 'NOT_YOUR_TURN, CLARIFICATION_CLOSED, CONTACT_CLOSED; IDEMPOTENCY_KEY_IN_PROGRESS.' })
  @ApiResponse({ status: 422, description: 'IDEMPOTENCY_KEY_REUSED: the same key with another body.' })
  reply(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: PostMessageRequest,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    return this.command(caller, id, ifMatch, request, response, (version) => this.commands.reply(caller, id, version, body.text));
  }

  @Post(':id/closure')
  @ApiThreadId()
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the thread with a reason (either side, at any turn)' })
  @ApiIfMatch('thread')
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiBody({ type: CloseClarificationRequest })
  @ApiOkResponse({ type: ClarificationWithMessagesResponse, description: 'The thread as it now stands; its new version in ETag.', headers: etagHeader('thread') })
  @ApiResponse({ status: 403, description: 'NOT_A_PARTY, ROLE_REQUIRED.' })
  @ApiResponse({ status: 409, description: 'CLARIFICATION_CLOSED; IDEMPOTENCY_KEY_IN_PROGRESS.' })
  @ApiResponse({ status: 422, description: 'IDEMPOTENCY_KEY_REUSED: the same key with another body.' })
  close(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: CloseClarificationRequest,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    return this.command(caller, id, ifMatch, request, response, (version) => this.commands.close(caller, id, version, body.reason));
  }

  private async command(caller: Caller, id: string, ifMatch: string | undefined, request: Request, response: Response, apply: (version: number) => Promise<void>): Promise<void> {
    if (!isThreadId(id)) throw notFound();
    const version = versionFromIfMatch(ifMatch);
    await this.idempotency.respond({ caller, request, response }, async () => {
      await apply(version).catch(asProblem);
      const thread = await this.queries.get(caller, id);
      if (!thread) throw notFound();
      return { status: 200, body: thread, headers: { etag: entityTag(thread.version) } };
    });
  }
}

/** Thread ids are UUIDv7s this service minted: anything else names no thread (404, never a database error). */
function isThreadId(id: string): boolean {
  return UUID_V7_PATTERN.test(id);
}

function ApiThreadId(): MethodDecorator {
  return ApiPathPattern('id', UUID_V7_PATTERN, { description: 'The thread’s id (`id` of the thread), a UUIDv7.', example: '0193a0f4-6c1e-7d2a-9b3c-4d5e6f708192' });
}
