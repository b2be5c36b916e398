import { ApiProperty } from '@nestjs/swagger';
import type { LoggedContact } from '../../domain';

/** A contact logged in CMS, as this service recorded it from its ContactLogged event. */
export class LoggedContactResponse {
  @ApiProperty({ description: 'Contact Reference Number.', example: 'C000001234' })
  crn: string;

  @ApiProperty({ enum: ['DTL', 'ISO'], description: 'Dead to Live, or Isolation.' })
  contactType: 'DTL' | 'ISO';

  @ApiProperty({ description: 'Meter Point Reference Number: digits only, up to 10.', example: '3938424403' })
  mprn: string;

  @ApiProperty({ format: 'date-time', description: 'When the contact was logged and given its CRN.' })
  loggedAt: string;

  static from(contact: LoggedContact): LoggedContactResponse {
    return Object.assign(new LoggedContactResponse(), {
      crn: contact.crn,
      contactType: contact.contactType,
      mprn: contact.mprn,
      loggedAt: contact.loggedAt.toISOString(),
    });
  }
}
