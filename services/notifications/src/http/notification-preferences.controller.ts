import { Body, Controller, Get, Header, Inject, Put } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { IsObject, ValidateBy } from 'class-validator';
import { CurrentCaller, type Caller } from '@cms/auth';
import { NotificationPreferences } from '../application/notification-preferences';
import { ALERT_KINDS, EMAIL_DELIVERIES, isAlertKind, type EmailPreferences } from '../domain';

export class ChangeNotificationPreferencesRequest {
  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(ALERT_KINDS.map((kind) => [kind, { type: 'string', enum: [...EMAIL_DELIVERIES] }])),
    additionalProperties: false,
    description: `Per alert kind (${ALERT_KINDS.join(', ')}): IN_APP (the notifications area only), IMMEDIATE (also an email at once) or DAILY_DIGEST. Kinds not named keep their choice.`,
    example: { CONTACT_RESOLVED: 'IMMEDIATE', CLARIFICATION_RECEIVED: 'DAILY_DIGEST' },
  })
  @IsObject()
  @ValidateBy({
    name: 'isEmailPreferences',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'object' && value !== null && Object.entries(value).every(([kind, delivery]) => isAlertKind(kind) && (EMAIL_DELIVERIES as readonly unknown[]).includes(delivery)),
      defaultMessage: () => `email must map alert kinds (${ALERT_KINDS.join(', ')}) to one of ${EMAIL_DELIVERIES.join(', ')}`,
    },
  })
  email!: Partial<EmailPreferences>;
}

export class NotificationPreferencesResponse {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string', enum: [...EMAIL_DELIVERIES] }, description: 'Every alert kind with its choice.' })
  email!: EmailPreferences;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Where emails go: the address access-control held when the choice was last changed.' })
  address!: string | null;
}

/** My choice of what comes by email (docs/api.md `/me/notification-preferences`). */
@ApiTags('Notifications')
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no valid access token.' })
@Controller('api/v1/me/notification-preferences')
export class NotificationPreferencesController {
  constructor(@Inject(NotificationPreferences) private readonly preferences: NotificationPreferences) {}

  @Get()
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'What of my alerts also comes by email', operationId: 'notificationPreferencesGet' })
  @ApiOkResponse({ type: NotificationPreferencesResponse })
  async get(@CurrentCaller() caller: Caller): Promise<NotificationPreferencesResponse> {
    const { preferences, email } = await this.preferences.of(caller);
    return { email: preferences, address: email };
  }

  @Put()
  @ApiOperation({ summary: 'Choose, per alert kind, in-app only, an email at once, or a daily digest', operationId: 'notificationPreferencesPut' })
  @ApiBody({ type: ChangeNotificationPreferencesRequest })
  @ApiOkResponse({ type: NotificationPreferencesResponse })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED.' })
  @ApiResponse({ status: 503, description: 'ACCESS_CONTROL_UNAVAILABLE: the address could not be read; nothing changed.' })
  async put(@CurrentCaller() caller: Caller, @Body() body: ChangeNotificationPreferencesRequest): Promise<NotificationPreferencesResponse> {
    const { preferences, email } = await this.preferences.change(caller, body.email);
    return { email: preferences, address: email };
  }
}

