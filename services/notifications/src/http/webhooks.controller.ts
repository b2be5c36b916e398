import { Body, Controller, Delete, Get, Header, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { CurrentCaller, type Caller } from '@cms/auth';
import { UUID_V7_PATTERN } from '@cms/contracts';
import { ApiPathPattern, KEYSET_PAGE_SIZE, PageSizeParam, ProblemException } from '@cms/service-defaults';
import type { WebhookDelivery, WebhookEndpoint } from '../application/webhook.ports';
import { webhookNotFound, Webhooks } from '../application/webhooks';
import { WEBHOOK_EVENT_TYPES } from '../domain';

/**
 * An http or https URL as the document states it: the scheme, then printable ASCII without spaces.
 * Whether it is a URL whose host may be sent to is the address guard's (422 WEBHOOK_ADDRESS_REFUSED).
 */
const WEBHOOK_URL_PATTERN = /^[Hh][Tt][Tt][Pp][Ss]?:\/\/[\x21-\x7E]+$/;

export class RegisterWebhookRequest {
  @ApiProperty({
    example: 'https://partner.example.com/cms/webhooks',
    maxLength: 2000,
    pattern: WEBHOOK_URL_PATTERN.source,
    description:
      'Where deliveries are POSTed: an http or https URL. One that is no URL, carries credentials, names a host that does not ' +
      'resolve, or a private, loopback or link-local address is refused (422 WEBHOOK_ADDRESS_REFUSED).',
  })
  @IsString()
  @MaxLength(2000)
  @Matches(WEBHOOK_URL_PATTERN, { message: 'url must be an http or https URL' })
  url!: string;

  @ApiProperty({
    type: [String],
    enum: [...WEBHOOK_EVENT_TYPES],
    minItems: 1,
    maxItems: WEBHOOK_EVENT_TYPES.length,
    description: 'The event types to receive, of contacts your organisation is involved in (each once; a repeat counts once).',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @IsIn([...WEBHOOK_EVENT_TYPES], { each: true })
  eventTypes!: string[];
}

export class ListDeliveriesQuery {
  @PageSizeParam(KEYSET_PAGE_SIZE)
  limit?: number;
}

export class WebhookResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ type: [String] }) eventTypes!: string[];
  @ApiProperty({ enum: ['ACTIVE', 'DISABLED'], description: 'DISABLED after a delivery failed for a day; register it again.' }) status!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) disabledAt!: string | null;

  static from(endpoint: WebhookEndpoint): WebhookResponse {
    return { id: endpoint.id, url: endpoint.url, eventTypes: endpoint.eventTypes, status: endpoint.status, createdAt: endpoint.createdAt.toISOString(), disabledAt: endpoint.disabledAt?.toISOString() ?? null };
  }
}

export class RegisteredWebhookResponse extends WebhookResponse {
  @ApiProperty({ description: 'The signing secret (Standard Webhooks, `whsec_…`): shown this once.' }) secret!: string;
}

export class RotatedSecretResponse {
  @ApiProperty({ description: 'The new signing secret, shown this once.' }) secret!: string;
  @ApiProperty({ format: 'date-time', description: 'Until then deliveries carry signatures by both secrets.' }) previousSecretValidUntil!: string;
}

export class WebhookAttemptResponse {
  @ApiProperty() attempt!: number;
  @ApiProperty({ format: 'date-time' }) attemptedAt!: string;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'The endpoint’s status code; null when it did not answer.' }) responseStatus!: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) error!: string | null;
}

export class WebhookDeliveryResponse {
  @ApiProperty({ format: 'uuid', description: 'The `webhook-id` of every attempt.' }) id!: string;
  @ApiProperty() eventType!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty() crn!: string;
  @ApiProperty({ enum: ['PENDING', 'DELIVERED', 'FAILED'] }) status!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: [WebhookAttemptResponse] }) attempts!: WebhookAttemptResponse[];

  static from(delivery: WebhookDelivery): WebhookDeliveryResponse {
    return {
      id: delivery.id,
      eventType: delivery.eventType,
      eventId: delivery.eventId,
      crn: delivery.crn,
      status: delivery.status,
      createdAt: delivery.createdAt.toISOString(),
      attempts: delivery.attempts.map((attempt) => ({ attempt: attempt.attempt, attemptedAt: attempt.attemptedAt.toISOString(), responseStatus: attempt.responseStatus, error: attempt.error })),
    };
  }
}

export class WebhookListResponse {
  @ApiProperty({ type: [WebhookResponse] }) items!: WebhookResponse[];
}

export class WebhookDeliveryPageResponse {
  @ApiProperty({ type: [WebhookDeliveryResponse] }) items!: WebhookDeliveryResponse[];
}

const WEBHOOK_ID = 'The endpoint’s id (`id` of GET /webhooks).';

/** Signed webhooks for partner systems (docs/api.md `/webhooks`): the organisation's LSO manages them. */
@ApiTags('Webhooks')
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no valid access token.' })
@ApiResponse({ status: 403, description: 'ROLE_REQUIRED: only an LSO manages the organisation’s webhooks.' })
@Controller('api/v1/webhooks')
export class WebhooksController {
  constructor(@Inject(Webhooks) private readonly webhooks: Webhooks) {}

  @Get()
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'My organisation’s webhook endpoints', operationId: 'webhooksList' })
  @ApiOkResponse({ type: WebhookListResponse })
  async list(@CurrentCaller() caller: Caller): Promise<WebhookListResponse> {
    requireLso(caller);
    return { items: (await this.webhooks.list(caller)).map(WebhookResponse.from) };
  }

  @Post()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Register an endpoint and the event types it receives; its secret is shown this once', operationId: 'webhooksRegister' })
  @ApiBody({ type: RegisterWebhookRequest })
  @ApiCreatedResponse({ type: RegisteredWebhookResponse })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED: a field out of its constraints.' })
  @ApiResponse({ status: 422, description: 'WEBHOOK_ADDRESS_REFUSED: not a URL, credentials in it, a host that does not resolve, or a private, loopback or link-local address.' })
  async register(@CurrentCaller() caller: Caller, @Body() body: RegisterWebhookRequest): Promise<RegisteredWebhookResponse> {
    requireLso(caller);
    const endpoint = await this.webhooks.register(caller, body.url, body.eventTypes);
    return { ...WebhookResponse.from(endpoint), secret: endpoint.secret };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an endpoint', operationId: 'webhooksDelete' })
  @ApiPathPattern('id', UUID_V7_PATTERN, { description: WEBHOOK_ID })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such endpoint of your organisation.' })
  @ApiNoContentResponse()
  async remove(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<void> {
    requireLso(caller);
    if (!UUID_V7_PATTERN.test(id)) throw webhookNotFound();
    await this.webhooks.remove(caller, id);
  }

  @Post(':id/secret-rotation')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'A new signing secret; the previous one also signs for a while', operationId: 'webhooksRotateSecret' })
  @ApiPathPattern('id', UUID_V7_PATTERN, { description: WEBHOOK_ID })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such endpoint of your organisation.' })
  @ApiOkResponse({ type: RotatedSecretResponse })
  async rotate(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<RotatedSecretResponse> {
    requireLso(caller);
    if (!UUID_V7_PATTERN.test(id)) throw webhookNotFound();
    const rotated = await this.webhooks.rotateSecret(caller, id);
    return { secret: rotated.secret, previousSecretValidUntil: rotated.previousSecretValidUntil.toISOString() };
  }

  @Get(':id/deliveries')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'The endpoint’s deliveries, newest first, each with its attempts and their response codes', operationId: 'webhooksDeliveries' })
  @ApiPathPattern('id', UUID_V7_PATTERN, { description: WEBHOOK_ID })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such endpoint of your organisation.' })
  @ApiOkResponse({ type: WebhookDeliveryPageResponse })
  async deliveries(@CurrentCaller() caller: Caller, @Param('id') id: string, @Query() query: ListDeliveriesQuery): Promise<WebhookDeliveryPageResponse> {
    requireLso(caller);
    if (!UUID_V7_PATTERN.test(id)) throw webhookNotFound();
    return { items: (await this.webhooks.deliveries(caller, id, query.limit ?? KEYSET_PAGE_SIZE.default)).map(WebhookDeliveryResponse.from) };
  }

  @Post(':id/deliveries/:deliveryId/redelivery')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a delivery again, with the same id', operationId: 'webhooksRedeliver' })
  @ApiPathPattern('id', UUID_V7_PATTERN, { description: WEBHOOK_ID })
  @ApiPathPattern('deliveryId', UUID_V7_PATTERN, { description: 'The delivery’s id (`id` of GET /webhooks/{id}/deliveries).' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such endpoint or delivery of your organisation.' })
  @ApiResponse({ status: 202, description: 'It goes at once, and is retried as a new delivery would be.' })
  @ApiResponse({ status: 409, description: 'WEBHOOK_DISABLED.' })
  async redeliver(@CurrentCaller() caller: Caller, @Param('id') id: string, @Param('deliveryId') deliveryId: string): Promise<void> {
    requireLso(caller);
    if (!UUID_V7_PATTERN.test(id) || !UUID_V7_PATTERN.test(deliveryId)) throw webhookNotFound();
    await this.webhooks.redeliver(caller, id, deliveryId);
  }
}

function requireLso(caller: Caller): void {
  if (!caller.roles.includes('LSO')) throw new ProblemException(403, 'ROLE_REQUIRED', 'Forbidden', 'Only an LSO manages the organisation’s webhooks.');
}
