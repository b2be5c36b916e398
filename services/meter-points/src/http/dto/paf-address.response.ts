import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PafAddress } from '../../domain';

/** A PAF-style supply address; fields the register does not hold are left out. */
export class PafAddressResponse {
  @ApiPropertyOptional({ maxLength: 60 })
  organisation?: string;

  @ApiPropertyOptional({ maxLength: 60 })
  department?: string;

  @ApiPropertyOptional({ maxLength: 30, example: 'Flat 2' })
  subBuildingName?: string;

  @ApiPropertyOptional({ maxLength: 50, example: 'Kingfisher House' })
  buildingName?: string;

  @ApiPropertyOptional({ maxLength: 4, example: '14' })
  buildingNumber?: string;

  @ApiPropertyOptional({ maxLength: 6 })
  poBox?: string;

  @ApiPropertyOptional({ maxLength: 40 })
  dependentThoroughfare?: string;

  @ApiPropertyOptional({ maxLength: 40, example: 'Station Road' })
  thoroughfare?: string;

  @ApiPropertyOptional({ maxLength: 35 })
  doubleDependentLocality?: string;

  @ApiPropertyOptional({ maxLength: 35, example: 'Didsbury' })
  dependentLocality?: string;

  @ApiProperty({ maxLength: 40, example: 'Manchester' })
  postTown: string;

  @ApiPropertyOptional({ maxLength: 40, description: 'Not a PAF field; held by the legacy register.' })
  county?: string;

  @ApiProperty({ maxLength: 8, example: 'M20 4QT' })
  postcode: string;

  @ApiPropertyOptional({ maxLength: 8, description: 'Royal Mail Unique Delivery Point Reference Number.' })
  udprn?: string;

  @ApiPropertyOptional({ maxLength: 12, description: 'GeoPlace Unique Property Reference Number.' })
  uprn?: string;

  static from(address: PafAddress): PafAddressResponse {
    return Object.assign(new PafAddressResponse(), address);
  }
}
