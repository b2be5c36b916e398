import { ApiProperty } from '@nestjs/swagger';
import { addressLabel } from '../../domain';
import type { RegisteredMeterPoint } from '../../application/meter-point-register.port';
import { MeterPointStatusResponse } from './meter-point-status.response';
import { PafAddressResponse } from './paf-address.response';

/** An organisation named by id (the access-control service's directory has its name and type). */
export class OrganisationReferenceResponse {
  @ApiProperty({ format: 'uuid' })
  organisationId: string;

  static of(organisationId: string): OrganisationReferenceResponse {
    return Object.assign(new OrganisationReferenceResponse(), { organisationId });
  }
}

/** A meter point of the register: what the contact logging form needs. */
export class MeterPointResponse {
  @ApiProperty({ description: 'Meter Point Reference Number: digits only, up to 10.', example: '3938424403' })
  mprn: string;

  @ApiProperty({ type: MeterPointStatusResponse })
  status: MeterPointStatusResponse;

  @ApiProperty({ description: 'Isolation flag, held separately from the status.' })
  isolated: boolean;

  @ApiProperty({ type: OrganisationReferenceResponse, description: 'The transporter (a DN or an IGT).' })
  transporter: OrganisationReferenceResponse;

  @ApiProperty({
    type: OrganisationReferenceResponse,
    nullable: true,
    description: 'The registered shipper; null when none is registered.',
  })
  registeredShipper: OrganisationReferenceResponse | null;

  @ApiProperty({ description: 'Local Distribution Zone code.', example: 'NW', minLength: 2, maxLength: 2 })
  ldz: string;

  @ApiProperty({ type: PafAddressResponse, description: 'The supply address.' })
  address: PafAddressResponse;

  @ApiProperty({
    description: 'The supply address on one line, in PAF order.',
    example: 'Flat 2, Kingfisher House, 14 Station Road, Didsbury, Manchester, M20 4QT',
  })
  addressLabel: string;

  @ApiProperty({
    description:
      'Whether the last two digits match the community check-digit formula. A typo hint only: ' +
      'the register is the authority on whether an MPRN exists.',
  })
  checkDigitsConsistent: boolean;

  @ApiProperty({ format: 'date-time', description: 'When the register last changed this meter point.' })
  updatedAt: string;

  static from(registered: RegisteredMeterPoint, checkDigitsConsistent: boolean): MeterPointResponse {
    const { meterPoint } = registered;
    return Object.assign(new MeterPointResponse(), {
      mprn: meterPoint.mprn,
      status: MeterPointStatusResponse.from(registered.status),
      isolated: meterPoint.isolated,
      transporter: OrganisationReferenceResponse.of(meterPoint.transporterId),
      registeredShipper:
        meterPoint.registeredShipperId === null ? null : OrganisationReferenceResponse.of(meterPoint.registeredShipperId),
      ldz: meterPoint.ldz,
      address: PafAddressResponse.from(meterPoint.address),
      addressLabel: addressLabel(meterPoint.address),
      checkDigitsConsistent,
      updatedAt: registered.updatedAt.toISOString(),
    });
  }
}

export class MeterPointsAtPostcodeResponse {
  @ApiProperty({ description: 'The postcode, normalised.', example: 'M20 4QT' })
  postcode: string;

  @ApiProperty({ type: [MeterPointResponse], description: 'In MPRN order.' })
  items: MeterPointResponse[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last page.',
  })
  nextCursor: string | null;
}
