import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CursorParam, KEYSET_PAGE_SIZE, PageSizeParam } from '@cms/service-defaults';
import type { KeptAlert } from '../application/alert-store.port';
import { ALERT_KINDS, contactPath, type AlertKind } from '../domain';

export class ListNotificationsQuery {
  @PageSizeParam(KEYSET_PAGE_SIZE)
  limit?: number;

  @CursorParam()
  cursor?: string;
}

export class NotificationResponse {
  @ApiProperty({ description: 'The alert’s id: alerts are numbered in the order they were made (the live stream’s event id).', example: '42' })
  id!: string;
  @ApiProperty({ enum: ALERT_KINDS }) kind!: AlertKind;
  @ApiProperty({ example: 'C000001234', description: 'The contact the alert is about.' }) crn!: string;
  @ApiProperty({ example: '/contacts/C000001234', description: 'Where the contact is shown.' }) link!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The facts behind it: an outcome, a due date, a thread or visit id.' })
  detail!: Record<string, string | boolean | null>;
  @ApiProperty({ format: 'date-time', description: 'When it happened.' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() read!: boolean;

  static from(alert: KeptAlert): NotificationResponse {
    return {
      id: alert.id,
      kind: alert.kind,
      crn: alert.crn,
      link: contactPath(alert.crn),
      title: alert.title,
      detail: alert.detail,
      occurredAt: alert.occurredAt.toISOString(),
      createdAt: alert.createdAt.toISOString(),
      read: alert.read,
    };
  }
}

export class NotificationPageResponse {
  @ApiProperty({ type: [NotificationResponse] }) items!: NotificationResponse[];
  @ApiProperty({ description: 'How many of my alerts are unread, of every page.' }) unreadCount!: number;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Pass as `cursor` for the next, older page; null on the last.' })
  nextCursor!: string | null;
}
