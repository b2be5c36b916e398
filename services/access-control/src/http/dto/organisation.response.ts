import { ApiProperty } from '@nestjs/swagger';
import { ORGANISATION_TYPES, type OrganisationType } from '@cms/gas-market';

export class OrganisationResponse {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  id: string;

  @ApiProperty({ description: 'Three-letter market short code.', example: 'BWE', minLength: 3, maxLength: 3 })
  shortCode: string;

  @ApiProperty({ example: 'Brightwater Energy', maxLength: 200 })
  name: string;

  @ApiProperty({ enum: ORGANISATION_TYPES, maxLength: 7 })
  type: OrganisationType;
}

export class OrganisationListResponse {
  @ApiProperty({ type: [OrganisationResponse], description: 'Sorted by type, then name.' })
  items: OrganisationResponse[];
}
