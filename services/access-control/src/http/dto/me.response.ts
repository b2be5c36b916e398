import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../../domain/roles';
import { TELEPHONE_MAX_LENGTH, USER_ID_MAX_LENGTH } from '../../domain/user-account';
import { OrganisationResponse } from './organisation.response';

export class MeResponse {
  @ApiProperty({ example: 'bwe.user', maxLength: USER_ID_MAX_LENGTH })
  userId: string;

  @ApiProperty({ example: 'Isla Fraser', maxLength: 200 })
  displayName: string;

  @ApiProperty({ maxLength: 254, description: 'The address held.' })
  email: string;

  @ApiProperty({ type: String, nullable: true, maxLength: TELEPHONE_MAX_LENGTH, example: '0161 496 0000' })
  telephone: string | null;

  @ApiProperty({ type: OrganisationResponse })
  organisation: OrganisationResponse;

  @ApiProperty({ enum: ROLES, isArray: true, description: 'Role names (enumerated, so no free text).' })
  roles: Role[];
}
