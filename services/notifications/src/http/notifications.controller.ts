import { Controller, Get, Header, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@cms/auth';
import { ApiPathPattern, KEYSET_PAGE_SIZE, ProblemException } from '@cms/service-defaults';
import { ALERT_ID_PATTERN, NotificationsQueries } from '../application/notifications.queries';
import { ListNotificationsQuery, NotificationPageResponse, NotificationResponse } from './notification.dto';

/** My notifications area (docs/api.md: `/notifications`): every signed-in user has one. */
@ApiTags('Notifications')
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no valid access token.' })
@Controller('api/v1/notifications')
export class NotificationsController {
  constructor(@Inject(NotificationsQueries) private readonly queries: NotificationsQueries) {}

  @Get()
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'My alerts, newest first, with the unread count', operationId: 'notificationsList' })
  @ApiOkResponse({ type: NotificationPageResponse })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED: a parameter out of its constraints.' })
  async list(@CurrentCaller() caller: Caller, @Query() query: ListNotificationsQuery): Promise<NotificationPageResponse> {
    const page = await this.queries.page(caller, query.cursor, query.limit ?? KEYSET_PAGE_SIZE.default);
    return { items: page.items.map(NotificationResponse.from), unreadCount: page.unreadCount, nextCursor: page.nextCursor };
  }

  @Post('read-all')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark all my alerts read', operationId: 'notificationsReadAll' })
  @ApiNoContentResponse()
  readAll(@CurrentCaller() caller: Caller): Promise<void> {
    return this.queries.markAllRead(caller);
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiPathPattern('id', ALERT_ID_PATTERN, { description: 'The alert’s id (`id` of GET /notifications).', example: '42' })
  @ApiOperation({ summary: 'Mark one of my alerts read', operationId: 'notificationsRead' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such alert of mine.' })
  async read(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<void> {
    if (!(await this.queries.markRead(caller, id))) throw ProblemException.notFound('No such notification.');
  }
}
