import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PAF_FIELD_MAX_LENGTHS as MAX, PAF_TEXT_FIELDS } from '@cms/gas-market';
import type { AddressSourceName } from '../../application/address-source.port';
import { labelOf, type DeliveryPoint } from '../../domain';

const SOURCES: AddressSourceName[] = ['PAF_TABLE', 'IDEAL_POSTCODES'];

/** A delivery point: its PAF fields (absent ones left out, lengths the shared PAF set) and its printed label. */
export class AddressResponse {
  @ApiProperty({ maxLength: MAX.udprn, description: "Royal Mail's Unique Delivery Point Reference Number.", example: '10482615' })
  udprn: string;

  @ApiPropertyOptional({ maxLength: MAX.uprn, description: "GeoPlace's Unique Property Reference Number, where known.", example: '100010482615' })
  uprn?: string;

  // Its PAF text fields (organisation … post town, absent ones left out) are set by `from` and
  // documented below, from the shared field list.

  @ApiProperty({ maxLength: MAX.postcode, example: 'PR2 9QZ' })
  postcode: string;

  @ApiProperty({
    type: [String],
    description: "The address as printed on a label, by Royal Mail's rules: each line, post town and postcode last.",
    example: ['14 JUNIPER CLOSE', 'FULWOOD', 'PRESTON', 'PR2 9QZ'],
  })
  lines: string[];

  @ApiProperty({ description: 'The same on one line.', example: '14 JUNIPER CLOSE, FULWOOD, PRESTON, PR2 9QZ' })
  label: string;

  static from(point: DeliveryPoint): AddressResponse {
    const { lines, oneLine } = labelOf(point);
    return Object.assign(new AddressResponse(), point, { lines, label: oneLine });
  }
}

/** Examples of the fields the Juniper Close example fills. */
const EXAMPLES: Partial<Record<string, string>> = { buildingNumber: '14', thoroughfare: 'Juniper Close', dependentLocality: 'Fulwood', postTown: 'Preston' };

// Each PAF text field PAF has (county is the legacy register's, not PAF's): its shared length; only the post town is always there.
for (const field of PAF_TEXT_FIELDS.filter((name) => name !== 'county')) {
  const document = field === 'postTown' ? ApiProperty : ApiPropertyOptional;
  document({ type: String, maxLength: MAX[field], example: EXAMPLES[field] })(AddressResponse.prototype, field);
}

/** One delivery point, and where it was looked up (a contact keeps both as the address's provenance). */
export class AddressLookedUpResponse extends AddressResponse {
  @ApiProperty({ enum: SOURCES, description: 'PAF_TABLE: the PAF file imported here; IDEAL_POSTCODES: the licensed PAF API.' })
  source: AddressSourceName;

  static of(point: DeliveryPoint, source: AddressSourceName): AddressLookedUpResponse {
    return Object.assign(new AddressLookedUpResponse(), AddressResponse.from(point), { source });
  }
}

/** Every delivery point at a postcode, in the order a person looks for theirs; none for an unknown postcode. */
export class AddressesAtPostcodeResponse {
  @ApiProperty({ maxLength: MAX.postcode, description: 'The postcode asked for, normalised.', example: 'PR2 9QZ' })
  postcode: string;

  @ApiProperty({ enum: SOURCES })
  source: AddressSourceName;

  @ApiProperty({ type: [AddressResponse] })
  items: AddressResponse[];
}
