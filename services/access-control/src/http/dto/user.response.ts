import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../../domain/roles';
import { USER_ID_MAX_LENGTH, USER_STATUSES, type UserStatus } from '../../domain/user-account';

const ACCOUNT_ONLY = 'Shown to an LSO of the organisation and to a CDSP administrator; a SUPERVISOR, who sees colleagues only, does not get it.';

/**
 * A user. A SUPERVISOR reading their organisation's users (to give them work) gets only who they
 * are: user id, organisation, name, roles and status; the account's email and security state
 * (a sign-in lock, a password to change) stay with those who administer it.
 */
export class UserResponse {
  @ApiProperty({ example: 'bwe.new-user', maxLength: USER_ID_MAX_LENGTH })
  userId: string;

  @ApiProperty({ format: 'uuid', maxLength: 36 })
  organisationId: string;

  @ApiProperty({ example: 'Isla Fraser', maxLength: 200 })
  displayName: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles: Role[];

  @ApiProperty({ enum: USER_STATUSES, maxLength: 9, description: 'Only an ACTIVE user can sign in and be given work.' })
  status: UserStatus;

  @ApiProperty({ required: false, maxLength: 254, description: `${ACCOUNT_ONLY} The address held (a deleted user's is a marker, not an address).` })
  email?: string;

  @ApiProperty({ required: false, description: `The user must choose a new password before doing anything else. ${ACCOUNT_ONLY}` })
  mustChangePassword?: boolean;

  @ApiProperty({
    required: false,
    type: String,
    format: 'date-time',
    nullable: true,
    maxLength: 30,
    description: `Sign-in is paused after repeated failures until this instant; null when not locked. ${ACCOUNT_ONLY}`,
  })
  lockedUntil?: string | null;

  @ApiProperty({ required: false, format: 'date-time', maxLength: 30, description: ACCOUNT_ONLY })
  createdAt?: string;
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
