import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { USER_ID_MAX_LENGTH, USER_ID_PATTERN } from '../../domain/user-account';

/** A user id in the path: of the shape every user id has (NewUserIdentity), else 400. */
export class UserIdParam {
  @ApiProperty({ example: 'bwe.user', maxLength: USER_ID_MAX_LENGTH, pattern: USER_ID_PATTERN.source })
  @IsString()
  @MaxLength(USER_ID_MAX_LENGTH)
  @Matches(USER_ID_PATTERN, { message: 'userId must be 3 to 64 lowercase letters, digits, dots, underscores or hyphens' })
  userId: string;
}
