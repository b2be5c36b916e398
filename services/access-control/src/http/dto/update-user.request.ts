import { ApiPropertyOptional } from '@nestjs/swagger';
import { ApiSchemaRules, OptionalField } from '@cms/service-defaults';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, Equals, IsArray, IsIn } from 'class-validator';
import { ROLES, type Role } from '../../domain/roles';
import { USER_STATUSES, type UserStatus } from '../../domain/user-account';

/** At least one change (the controller refuses an empty one). */
@ApiSchemaRules({ minProperties: 1 })
export class UpdateUserRequest {
  @ApiPropertyOptional({
    enum: USER_STATUSES,
    maxLength: 9,
    description: 'SUSPENDED ends every session of the user at once.',
  })
  @OptionalField()
  @IsIn(USER_STATUSES)
  status?: UserStatus;

  @ApiPropertyOptional({
    enum: ROLES,
    isArray: true,
    minItems: 1,
    maxItems: ROLES.length,
    uniqueItems: true,
    description: 'The full new set of roles (replaces the old). Takes effect at the user’s next sign-in or refresh.',
  })
  @OptionalField()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional({ enum: [true], description: 'Lift a sign-in lock after repeated failures.' })
  @OptionalField()
  @Equals(true)
  unlock?: true;
}
