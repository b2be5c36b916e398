import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { EMAIL_ADDRESS_MAX_LENGTH, EmailAddressField } from '@cms/service-defaults';
import { ROLES, type Role } from '../../domain/roles';
import { USER_ID_MAX_LENGTH, USER_ID_MIN_LENGTH, USER_ID_PATTERN } from '../../domain/user-account';

export const DISPLAY_NAME_MAX_LENGTH = 200;
export const EMAIL_MAX_LENGTH = EMAIL_ADDRESS_MAX_LENGTH;

/** Who a new user is (also the first LSO of a new organisation, without roles). */
export class NewUserIdentity {
  @ApiProperty({
    description: 'Chosen once and never changed: 3 to 64 lowercase letters, digits, dots, underscores or hyphens.',
    example: 'bwe.new-user',
    minLength: USER_ID_MIN_LENGTH,
    maxLength: USER_ID_MAX_LENGTH,
    pattern: USER_ID_PATTERN.source,
  })
  @IsString()
  @Matches(USER_ID_PATTERN, {
    message: 'userId must be 3 to 64 lowercase letters, digits, dots, underscores or hyphens',
  })
  userId: string;

  @ApiProperty({ example: 'Isla Fraser', minLength: 1, maxLength: DISPLAY_NAME_MAX_LENGTH })
  @IsString()
  @IsNotEmpty()
  @MaxLength(DISPLAY_NAME_MAX_LENGTH)
  displayName: string;

  @EmailAddressField({ example: 'isla.fraser@brightwater.example' })
  email: string;
}

export class CreateUserRequest extends NewUserIdentity {
  @ApiProperty({
    enum: ROLES,
    isArray: true,
    minItems: 1,
    maxItems: ROLES.length,
    uniqueItems: true,
    description:
      'Must be allowed for the organisation type (CDSP roles only in the CDSP organisation), else 422 ROLE_NOT_ALLOWED.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles: Role[];
}
