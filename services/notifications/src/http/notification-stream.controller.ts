import { Controller, Get, Headers, Inject, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentCaller, type Caller } from '@cms/auth';
import { trackEventStream } from '@cms/service-defaults';
import { NotificationStreams } from '../application/notification-streams';
import { NotificationResponse } from './notification.dto';

/**
 * My alerts as they happen, as server-sent events (docs/api.md `/notifications/stream`; the HTML
 * standard's event stream format): `id` is the alert's id, `event: alert`, `data` the alert as
 * `GET /notifications` shows it; a comment line as heartbeat. A client that reconnects sends
 * Last-Event-ID (EventSource does it itself) and gets every alert after it.
 */
@ApiTags('Notifications')
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no valid access token.' })
@Controller('api/v1/notifications/stream')
export class NotificationStreamController {
  constructor(@Inject(NotificationStreams) private readonly streams: NotificationStreams) {}

  @Get()
  @ApiOperation({ summary: 'My new alerts as they happen (server-sent events)', operationId: 'notificationsStream' })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'The id of the last alert received: the stream resumes after it.' })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'An event stream: `id: <alert id>`, `event: alert`, `data: <the alert, JSON>`; heartbeats as comments.' })
  async stream(
    @CurrentCaller() caller: Caller,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'private, no-store',
      // Tells a buffering reverse proxy (nginx) in front of CMS to pass each event on at once.
      'x-accel-buffering': 'no',
    });
    // The headers now, not with the first alert: the client knows it is connected.
    response.flushHeaders();
    // Counted in cms_sse_connections_open until it closes, and left out of the request histogram.
    trackEventStream(response);
    response.write('retry: 2000\n\n');
    const close = await this.streams.start(caller, lastEventId?.trim(), {
      alert: (alert) => response.write(`id: ${alert.id}\nevent: alert\ndata: ${JSON.stringify(NotificationResponse.from(alert))}\n\n`),
      heartbeat: () => response.write(': heartbeat\n\n'),
      end: () => response.end(),
    });
    // The answer closes when the client goes (or the connection drops): the stream stops.
    response.on('close', close);
    if (response.destroyed || request.destroyed) close();
  }
}
