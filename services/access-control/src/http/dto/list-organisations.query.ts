import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ORGANISATION_TYPES, type OrganisationType } from '@cms/gas-market';

export class ListOrganisationsQuery {
  @ApiPropertyOptional({ enum: ORGANISATION_TYPES, description: 'Only organisations of this type.', maxLength: 7 })
  @IsOptional()
  @IsIn(ORGANISATION_TYPES)
  type?: OrganisationType;
}
