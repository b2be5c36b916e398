import { ApiProperty } from '@nestjs/swagger';
import { OrganisationResponse } from './organisation.response';
import { CreatedUserResponse } from './user.response';

export class CreatedOrganisationResponse {
  @ApiProperty({ type: OrganisationResponse })
  organisation: OrganisationResponse;

  @ApiProperty({ type: CreatedUserResponse, description: 'The first LSO and their one-time temporary password.' })
  firstLso: CreatedUserResponse;
}
