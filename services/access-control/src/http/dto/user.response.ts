import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../../domain/roles';
import { USER_ID_MAX_LENGTH, USER_STATUSES, type UserStatus } from '../../domain/user-account';

export class UserResponse {
  @ApiProperty({ example: 'bwe.new-user', maxLength: USER_ID_MAX_LENGTH })
  userId: string;

  @ApiProperty({ format: 'uuid', maxLength: 36 })
  organisationId: string;

  @ApiProperty({ example: 'Isla Fraser', maxLength: 200 })
  displayName: string;

  @ApiProperty({ format: 'email', maxLength: 254 })
  email: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles: Role[];

  @ApiProperty({ enum: USER_STATUSES, maxLength: 9 })
  status: UserStatus;

  @ApiProperty({ description: 'The user must choose a new password before doing anything else.' })
  mustChangePassword: boolean;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    maxLength: 30,
    description: 'Sign-in is paused after repeated failures until this instant; null when not locked.',
  })
  lockedUntil: string | null;

  @ApiProperty({ format: 'date-time', maxLength: 30 })
  createdAt: string;
}

export class UserPageResponse {
  @ApiProperty({ type: [UserResponse], description: 'Sorted by user id.' })
  items: UserResponse[];

  @ApiProperty({
    required: false,
    description: 'Pass as `cursor` for the next page; absent on the last page.',
    maxLength: 200,
  })
  nextCursor?: string;
}

export class CreatedUserResponse {
  @ApiProperty({ type: UserResponse })
  user: UserResponse;

  @ApiProperty({
    description:
      'One-time temporary password, shown only in this response: hand it to the user, who must choose their own at first sign-in.',
    maxLength: 64,
  })
  temporaryPassword: string;
}
