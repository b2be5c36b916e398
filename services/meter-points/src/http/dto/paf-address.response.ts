import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PAF_FIELD_MAX_LENGTHS as MAX, type PafAddress } from '@cms/gas-market';

/** A PAF-style supply address; fields the register does not hold are left out. Lengths: the shared PAF set. */
export class PafAddressResponse {
  @ApiPropertyOptional({ maxLength: MAX.organisation })
  organisation?: string;

  @ApiPropertyOptional({ maxLength: MAX.department })
  department?: string;

  @ApiPropertyOptional({ maxLength: MAX.subBuildingName, example: 'Flat 2' })
  subBuildingName?: string;

  @ApiPropertyOptional({ maxLength: MAX.buildingName, example: 'Kingfisher House' })
  buildingName?: string;

  @ApiPropertyOptional({ maxLength: MAX.buildingNumber, example: '14' })
  buildingNumber?: string;

  @ApiPropertyOptional({ maxLength: MAX.poBox })
  poBox?: string;

  @ApiPropertyOptional({ maxLength: MAX.dependentThoroughfare })
  dependentThoroughfare?: string;

  @ApiPropertyOptional({ maxLength: MAX.thoroughfare, example: 'Station Road' })
  thoroughfare?: string;

  @ApiPropertyOptional({ maxLength: MAX.doubleDependentLocality })
  doubleDependentLocality?: string;

  @ApiPropertyOptional({ maxLength: MAX.dependentLocality, example: 'Didsbury' })
  dependentLocality?: string;

  @ApiProperty({ maxLength: MAX.postTown, example: 'Manchester' })
  postTown: string;

  @ApiPropertyOptional({ maxLength: MAX.county, description: 'Not a PAF field; held by the legacy register.' })
  county?: string;

  @ApiProperty({ maxLength: MAX.postcode, example: 'M20 4QT' })
  postcode: string;

  @ApiPropertyOptional({ maxLength: MAX.udprn, description: 'Royal Mail Unique Delivery Point Reference Number.' })
  udprn?: string;

  @ApiPropertyOptional({ maxLength: MAX.uprn, description: 'GeoPlace Unique Property Reference Number.' })
  uprn?: string;

  static from(address: PafAddress): PafAddressResponse {
    return Object.assign(new PafAddressResponse(), address);
  }
}
