import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, Matches } from 'class-validator';
import type { ContactStatisticsView } from '../application/contact-statistics.queries';
import { CONTACT_OUTCOMES, CONTACT_TYPES, STATISTICS_PERIOD_MAX_DAYS } from '../domain';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PERIOD = `Both days included, Europe/London; at most ${STATISTICS_PERIOD_MAX_DAYS} days from \`from\` to \`to\`.`;

export class ContactStatisticsQuery {
  @ApiProperty({ format: 'date', pattern: CALENDAR_DATE.source, example: '2026-09-01', description: `The period's first day. ${PERIOD}` })
  @Matches(CALENDAR_DATE)
  @IsISO8601({ strict: true })
  from!: string;

  @ApiProperty({ format: 'date', pattern: CALENDAR_DATE.source, example: '2026-11-30', description: `The period's last day, on or after \`from\`. ${PERIOD}` })
  @Matches(CALENDAR_DATE)
  @IsISO8601({ strict: true })
  to!: string;
}

export class LoggedInWeekResponse {
  @ApiProperty({ format: 'date', description: 'The Monday of the week (Europe/London); the first and last weeks are cut by the period.', example: '2026-11-16' })
  weekStarting!: string;
  @ApiProperty({ enum: CONTACT_TYPES }) type!: string;
  @ApiProperty({ minimum: 0, description: 'Contacts of this type logged in the week, within the period.' }) contacts!: number;
}

export class OutcomeCountResponse {
  @ApiProperty({ enum: CONTACT_TYPES }) type!: string;
  @ApiProperty({ enum: [...CONTACT_OUTCOMES, 'WITHDRAWN'], description: 'How the contact was closed: resolved VALID or INVALID, or withdrawn.' })
  outcome!: string;
  @ApiProperty({ minimum: 0, description: 'Contacts of this type closed in the period so.' }) contacts!: number;
  @ApiProperty({ minimum: 0, description: 'Of them, closed automatically (no answer to a data clarification).' }) closedAutomatically!: number;
}

export class ResolutionDaysResponse {
  @ApiProperty({ minimum: 0, description: 'Calendar days (Europe/London) from the day the contact was logged to the day it was resolved.' })
  days!: number;
  @ApiProperty({ minimum: 1 }) contacts!: number;
}

export class TimeToResolveResponse {
  @ApiProperty({ minimum: 0, description: 'Contacts resolved in the period (withdrawals are not resolutions).' }) resolved!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'The median of their days; null when none was resolved.' }) medianDays!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The 90th percentile of their days; null when none was resolved.' }) p90Days!: number | null;
  @ApiProperty({ type: [ResolutionDaysResponse], description: 'How many took each number of days, fewest days first; a number no contact took is left out.' })
  byDays!: ResolutionDaysResponse[];
}

export class OverdueByPartyResponse {
  @ApiProperty({ format: 'uuid', description: 'The party whose turn it is: the organisation a DC, OC or SV waits on, or the CDSP for the resolution.' })
  organisationId!: string;
  @ApiProperty({ enum: ['DC', 'OC', 'SV', 'RESOLUTION'], description: 'What is overdue: a data or originator clarification, a site visit, or the resolution itself.' })
  item!: 'DC' | 'OC' | 'SV' | 'RESOLUTION';
  @ApiProperty({ minimum: 1, description: 'Open contacts overdue on it today.' }) contacts!: number;
}

export class ContactStatisticsResponse implements ContactStatisticsView {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ format: 'date', description: 'Today in Europe/London: what the overdue figures are judged on.' }) today!: string;
  @ApiProperty({ type: [LoggedInWeekResponse], description: 'Every week of the period, oldest first, with a figure for each contact type (0 included).' })
  loggedPerWeek!: LoggedInWeekResponse[];
  @ApiProperty({ type: [OutcomeCountResponse], description: 'Contacts closed in the period, by type and outcome; a pair with none is left out.' })
  outcomes!: OutcomeCountResponse[];
  @ApiProperty({ type: TimeToResolveResponse }) timeToResolve!: TimeToResolveResponse;
  @ApiProperty({
    type: [OverdueByPartyResponse],
    description: 'Open contacts overdue today (whatever the period), by party and item, most first; a pair with none is left out.',
  })
  overdueByParty!: OverdueByPartyResponse[];
}
