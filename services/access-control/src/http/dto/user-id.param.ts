import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { USER_ID_MAX_LENGTH } from '../../domain/user-account';

export class UserIdParam {
  @ApiProperty({ example: 'bwe.user', maxLength: USER_ID_MAX_LENGTH })
  @IsString()
  @MaxLength(USER_ID_MAX_LENGTH)
  userId: string;
}
